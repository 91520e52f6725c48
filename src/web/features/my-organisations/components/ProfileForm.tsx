import type { ReactNode } from 'react';
import { ORGANISATION_KINDS, SECTORS } from '../../../../shared/domain';
import { LANGUAGES, type Language } from '../../../../shared/languages';
import type { MultilingualText } from '../../../../shared/multilingual';
import type { ProfileChanges } from '../../../../shared/schemas/profile';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { SelectField } from '../../../shared/ui/forms';
import { AreaCheckboxes } from '../../../shared/ui/AreaCheckboxes';
import { CodeInput } from '../../../shared/ui/CodeInput';
import { ProductCodeInput } from '../../../shared/ui/ProductCodeInput';
import { REGION_CHOICES_SHOWN, useRegionGroups } from '../../../shared/ui/region-choices';
import { TypeaheadSelect } from '../../../shared/ui/Typeahead';
import { PublicContactFields } from './PublicContactFields';

/**
 * A new organisation's profile, as its author would start it: written in the language they use, in the
 * region of their other organisations when those share one, else in no region until they choose one.
 */
export function newProfile(language: Language, region = ''): ProfileChanges {
  return {
    kind: 'enterprise',
    sector: 'business',
    region,
    city: null,
    name: { original: language },
    shortName: null,
    description: null,
    website: null,
    nace: [],
    productCodes: [],
    areas: [],
    contact: null,
  };
}

const TEXT_FIELDS = ['name', 'shortName', 'city', 'description'] as const;
type TextField = (typeof TEXT_FIELDS)[number];

/** The three languages side by side, one column each, with the language the texts were written in. */
export function ProfileForm({
  value,
  onChange,
  actions,
}: {
  value: ProfileChanges;
  onChange(next: ProfileChanges): void;
  actions: ReactNode;
}) {
  const { t } = useI18n();
  const regions = useRegionGroups();
  const original = value.name.original;

  const setText = (field: TextField, lang: Language, input: string) => {
    const current: MultilingualText = value[field] ?? { original };
    const next: MultilingualText = { ...current, original, [lang]: input || undefined };
    const empty = LANGUAGES.every((l) => !next[l]);
    onChange({ ...value, [field]: field === 'name' ? next : empty ? null : next });
  };
  const setOriginal = (lang: Language) => {
    const retag = (v: MultilingualText | null) => (v ? { ...v, original: lang } : v);
    onChange({
      ...value,
      name: { ...value.name, original: lang },
      shortName: retag(value.shortName),
      city: retag(value.city),
      description: retag(value.description),
    });
  };

  return (
    <div className="stack profile-form">
      <div className="row">
        <SelectField
          id="profile-kind"
          label={t('organisation.kind')}
          value={value.kind}
          options={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
          onChange={(kind) => onChange({ ...value, kind })}
        />
        <SelectField
          id="profile-sector"
          label={t('organisation.sector')}
          value={value.sector}
          options={SECTORS.map((s) => ({ value: s, label: t(`sectors.${s}`) }))}
          onChange={(sector) => onChange({ ...value, sector })}
        />
        <TypeaheadSelect
          id="profile-region"
          className="field region-field"
          label={t('organisation.region')}
          data={regions.groups}
          searchText={regions.searchText}
          limit={REGION_CHOICES_SHOWN}
          value={value.region || null}
          onChange={(region) => onChange({ ...value, region: region ?? '' })}
          placeholder={t('myOrgs.chooseRegion')}
        />
        <SelectField
          id="profile-original"
          label={t('myOrgs.originalLanguage')}
          value={original}
          options={LANGUAGES.map((l) => ({ value: l, label: t(`language.names.${l}`) }))}
          onChange={setOriginal}
        />
      </div>

      <fieldset className="languages">
        <legend>{t('myOrgs.texts')}</legend>
        <div className="language-grid">
          {LANGUAGES.map((l) => (
            <div key={l} className="language-column" lang={l}>
              <h3>{t(`language.names.${l}`)}</h3>
              {TEXT_FIELDS.map((field) => {
                const id = `profile-${field}-${l}`;
                const label = `${t(`myOrgs.fields.${field}`)} (${l})`;
                const current = value[field]?.[l] ?? '';
                return (
                  <label key={field} className="field" htmlFor={id}>
                    <span>{label}</span>
                    {field === 'description' ? (
                      <textarea id={id} rows={5} maxLength={5000} value={current} onChange={(e) => setText(field, l, e.target.value)} />
                    ) : (
                      <input
                        id={id}
                        maxLength={field === 'shortName' ? 100 : 300}
                        value={current}
                        onChange={(e) => setText(field, l, e.target.value)}
                      />
                    )}
                  </label>
                );
              })}
            </div>
          ))}
        </div>
      </fieldset>

      <div className="row">
        <label className="field grow" htmlFor="profile-website">
          <span>{t('organisation.website')}</span>
          <input
            id="profile-website"
            type="text"
            inputMode="url"
            autoComplete="url"
            placeholder="https://"
            value={value.website ?? ''}
            onChange={(e) => onChange({ ...value, website: e.target.value || null })}
            onBlur={(e) => onChange({ ...value, website: withScheme(e.target.value) })}
          />
        </label>
      </div>
      <CodeInput id="profile-nace" label={t('myOrgs.codes')} value={value.nace} onChange={(nace) => onChange({ ...value, nace })} />
      <ProductCodeInput
        id="profile-products"
        label={t('myOrgs.products')}
        value={value.productCodes ?? []}
        onChange={(productCodes) => onChange({ ...value, productCodes })}
      />

      <AreaCheckboxes legend={t('organisation.areas')} chosen={value.areas} onChange={(areas) => onChange({ ...value, areas })} />
      <PublicContactFields value={value.contact ?? null} original={original} onChange={(contact) => onChange({ ...value, contact })} />
      <div className="row">{actions}</div>
    </div>
  );
}

/**
 * People type an address as they see it, `www.example.fr`: the form adds `https://` rather than letting the
 * browser refuse it (an `<input type="url">` does) or the server answer that it must start with http.
 */
export function withScheme(typed: string): string | null {
  const address = typed.trim();
  if (!address) return null;
  return /^[a-z][a-z0-9+.-]*:/i.test(address) ? address : `https://${address.replace(/^\/+/, '')}`;
}
