import type { MultilingualText } from '../../../../shared/multilingual';
import type { Partnership } from '../../../../shared/schemas/reference';
import { useApi } from '../../../shared/api/useApi';

export const usePartnerships = () => useApi<{ items: { slug: string; name: MultilingualText }[] }>('/partnerships');
export const usePartnership = (slug: string | null) => useApi<Partnership>(slug ? `/partnerships/${encodeURIComponent(slug)}` : null);
