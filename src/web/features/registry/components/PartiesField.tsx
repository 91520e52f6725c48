import { ORGANISATION_KINDS, type OrganisationKind } from '../../../../shared/domain';
import type { Language } from '../../../../shared/languages';
import { PARTY_ROLES, type PartyRole, type RecordKind } from '../../../../shared/registry';
import { REGISTRY_LIMITS } from '../../../../shared/schemas/registry';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { SelectField } from '../../../shared/ui/forms';
import { REGION_CHOICES_SHOWN, useRegionGroups } from '../../../shared/ui/region-choices';
import { TypeaheadSelect } from '../../../shared/ui/Typeahead';
import type { PartyDraft } from '../hooks/record-draft';
import type { FieldErrors } from '../../../shared/ui/useFieldErrors';
import { FieldError } from '../../../shared/ui/FieldError';
import { PartyPicker } from './PartyPicker';

/** Residencies have their two fixed roles; the other kinds choose among the rest. */
const rolesFor = (kind: RecordKind): PartyRole[] =>
  kind === 'residency' ? ['resident', 'host'] : PARTY_ROLES.filter((r) => r !== 'resident' && r !== 'host');

/**
 * The record's parties, one row each: an organisation of the platform or a named party found by name, or
 * a party not on the platform yet, named here (name, kind, region); with its role.
 */
export function PartiesField({
  kind,
  parties,
  original,
  onChange,
  errors,
}: {
  kind: RecordKind;
  parties: PartyDraft[];
  original: Language;
  onChange(parties: PartyDraft[]): void;
  errors: FieldErrors;
}) {
  const { t } = useI18n();
  const regions = useRegionGroups();
  const fixed = kind === 'residency';
  const set = (i: number, party: PartyDraft) => onChange(parties.map((p, j) => (j === i ? party : p)));
  return (
    <fieldset className="parties">
      <legend>{t('registry.parties.title')}</legend>
      <FieldError exact errors={errors} field="body.parties" id="record-parties-error" />
      <ol className="party-rows">
        {parties.map((party, i) => {
          const id = `record-party-${i}`;
          const field = `body.parties[${i}]`;
          const errorId = `${id}-error`;
          const refused = errors.of(field).length > 0;
          const number = i + 1;
          return (
            <li key={i} className="party-row">
              <div className="row">
                {fixed ? (
                  <p className="party-role">{t(`registry.roles.${party.role}`)}</p>
                ) : (
                  <SelectField
                    id={`${id}-role`}
                    label={t('registry.parties.role', { number })}
                    value={party.role}
                    options={rolesFor(kind).map((r) => ({ value: r, label: t(`registry.roles.${r}`) }))}
                    onChange={(role) => set(i, { ...party, role })}
                  />
                )}
                {'named' in party ? (
                  <NamedPartyFields
                    id={id}
                    number={number}
                    party={party}
                    original={original}
                    regions={regions}
                    onChange={(p) => set(i, p)}
                  />
                ) : (
                  <PartyPicker
                    id={`${id}-search`}
                    label={t('registry.parties.party', { number })}
                    party={party}
                    onPick={(p) => set(i, p)}
                    invalid={refused}
                    describedBy={refused ? errorId : undefined}
                  />
                )}
              </div>
              <FieldError errors={errors} field={field} id={errorId} />
              <div className="party-actions">
                <button
                  type="button"
                  className="link-button"
                  onClick={() =>
                    set(
                      i,
                      'named' in party
                        ? { role: party.role, empty: true }
                        : { role: party.role, named: { name: { original }, kind: 'other', region: '' } },
                    )
                  }
                >
                  {'named' in party ? t('registry.parties.searchInstead') : t('registry.parties.notOnPlatform')}
                </button>
                {!fixed && (
                  <button type="button" className="link-button" onClick={() => onChange(parties.filter((_, j) => j !== i))}>
                    {t('registry.parties.remove', { number })}
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ol>
      {!fixed && parties.length < REGISTRY_LIMITS.parties && (
        <button type="button" className="secondary" onClick={() => onChange([...parties, { role: rolesFor(kind)[0]!, empty: true }])}>
          {t('registry.parties.add')}
        </button>
      )}
    </fieldset>
  );
}

type NamedDraft = Extract<PartyDraft, { named: unknown }>;

function NamedPartyFields({
  id,
  number,
  party,
  original,
  regions,
  onChange,
}: {
  id: string;
  number: number;
  party: NamedDraft;
  original: Language;
  regions: ReturnType<typeof useRegionGroups>;
  onChange(party: NamedDraft): void;
}) {
  const { t } = useI18n();
  const named = party.named;
  const set = (changes: Partial<NamedDraft['named']>) => onChange({ ...party, named: { ...named, ...changes } });
  return (
    <>
      <div className="field grow">
        <label htmlFor={`${id}-name`}>{t('registry.parties.name', { number })}</label>
        <input
          id={`${id}-name`}
          maxLength={REGISTRY_LIMITS.title}
          value={named.name[named.name.original] ?? ''}
          onChange={(e) => set({ name: { original, [original]: e.target.value || undefined } })}
        />
      </div>
      <SelectField
        id={`${id}-kind`}
        label={t('registry.parties.kind', { number })}
        value={named.kind}
        options={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
        onChange={(kind: OrganisationKind) => set({ kind })}
      />
      <TypeaheadSelect
        id={`${id}-region`}
        className="field region-field"
        label={t('registry.parties.region', { number })}
        data={regions.groups}
        searchText={regions.searchText}
        limit={REGION_CHOICES_SHOWN}
        value={named.region || null}
        onChange={(region) => set({ region: region ?? '' })}
        placeholder={t('myOrgs.chooseRegion')}
      />
    </>
  );
}
