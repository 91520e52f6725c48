import { Fragment } from 'react';
import { Link } from 'react-router';
import type { Party } from '../../../../shared/schemas/registry';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { MlText } from '../../../shared/ui/MlText';

/** A party: a link to its organisation's page, or its name marked "not yet on the platform". */
export function PartyName({ party }: { party: Party }) {
  const { t } = useI18n();
  if (party.organisation)
    return (
      <Link to={`/organisations/${encodeURIComponent(party.organisation.slug)}`}>
        <MlText value={party.organisation.name} />
      </Link>
    );
  return (
    <span className="named-party">
      <MlText value={party.named?.name} /> <span className="badge named">{t('registry.parties.notYetOnPlatform')}</span>
    </span>
  );
}

export function PartyNames({ parties }: { parties: Party[] }) {
  return (
    <>
      {parties.map((p, i) => (
        <Fragment key={p.position}>
          {i > 0 && ' · '}
          <PartyName party={p} />
        </Fragment>
      ))}
    </>
  );
}
