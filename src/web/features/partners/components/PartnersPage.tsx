import type { ComponentProps } from 'react';
import { Link, useParams } from 'react-router';
import type { OrganisationDetail } from '../../../../shared/schemas/organisations';
import { useApi } from '../../../shared/api/useApi';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { MlText, useMlString } from '../../../shared/ui/MlText';
import { Status } from '../../../shared/ui/Status';
import { useTitle } from '../../../shared/ui/useTitle';
import { SuggestedPartners } from './SuggestedPartners';

/** The member's workspace view of suggested partners for one of their organisations. */
export function PartnersPage({ cardAction }: Pick<ComponentProps<typeof SuggestedPartners>, 'cardAction'>) {
  const { slug = '' } = useParams();
  const { t } = useI18n();
  const text = useMlString();
  const state = useApi<OrganisationDetail>(`/organisations/${encodeURIComponent(slug)}`);
  const o = state.data;
  useTitle(o ? `${t('partners.title')} — ${text(o.name)}` : t('partners.title'));
  return (
    <>
      <p>
        <Link to="/my/organisations">← {t('myOrgs.title')}</Link>
      </p>
      <h1>{o ? <MlText value={o.name} /> : t('partners.title')}</h1>
      <Status state={state} />
      {o && <SuggestedPartners organisationId={o.id} slug={o.slug} cardAction={cardAction} />}
    </>
  );
}
