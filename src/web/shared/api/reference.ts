import type { Area, NaceEntry, Region } from '../../../shared/schemas/reference';
import { useApi } from './useApi';

export const useRegions = () => useApi<{ items: Region[] }>('/regions');
export const useAreas = () => useApi<{ items: Area[] }>('/areas');
export const useNaceClasses = () => useApi<{ items: NaceEntry[] }>('/classifications/nace?limit=700');
