import type { ReactNode } from 'react';
import { EVENT_KINDS, ORGANISER_ROLES, type OrganiserRole } from '../../../../shared/events';
import { LANGUAGES, type Language } from '../../../../shared/languages';
import type { MultilingualText } from '../../../../shared/multilingual';
import { useApi } from '../../../shared/api/useApi';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { AreaCheckboxes } from '../../../shared/ui/AreaCheckboxes';
import { FieldError } from '../../../shared/ui/FieldError';
import { useMlString } from '../../../shared/ui/MlText';
import { REGION_CHOICES_SHOWN, useRegionGroups } from '../../../shared/ui/region-choices';
import { TypeaheadSelect } from '../../../shared/ui/Typeahead';
import { LIST_BELOW } from './below-input';
import type { FieldErrors } from '../../../shared/ui/useFieldErrors';
import { useTimeZones } from '../api/events';
import type { EventDraft } from '../hooks/event-draft';
import { ErrField, ErrSelect, EventTexts } from './EventTexts';
import { OrganiserFinder } from './OrganiserFinder';

type Venues = { items: { slug: string; name: MultilingualText }[] };
/** The organisations an event may be organised by, as the editor offers them (the reader's, and those already named). */
export type OrganiserChoice = { slug: string; name: MultilingualText };

/** The event's editor: what, when (in the venue's zone), where, who organises, registration and meetings. */
export function EventForm({
  draft,
  onChange,
  errors,
  organisations,
  onFindOrganiser,
  actions,
}: {
  draft: EventDraft;
  onChange(draft: EventDraft): void;
  errors: FieldErrors;
  organisations: OrganiserChoice[];
  /** given to those who may name any organisation (coordinators, administrators): one found is offered too */
  onFindOrganiser?(organisation: OrganiserChoice): void;
  actions: ReactNode;
}) {
  const { t } = useI18n();
  const text = useMlString();
  const regions = useRegionGroups();
  const zoneList = useTimeZones();
  const zones = zoneList.data?.items ?? [];
  const venues = useApi<Venues>('/organisations?kind=venue&pageSize=100').data?.items ?? [];
  const set = <K extends keyof EventDraft>(key: K, value: EventDraft[K]) => onChange({ ...draft, [key]: value });
  const original = draft.title.original;
  const zoneChoices = zones.length
    ? zones.map((z) => ({ value: z.id, label: `${z.id.replace(/_/g, ' ')} (UTC${z.offset})` }))
    : [{ value: draft.timeZone, label: draft.timeZone }];
  const organiser = (slug: string) => draft.organisers.find((o) => o.organisationSlug === slug);
  const setOrganiser = (slug: string, role: OrganiserRole | null) =>
    set('organisers', [
      ...draft.organisers.filter((o) => o.organisationSlug !== slug),
      ...(role ? [{ organisationSlug: slug, role }] : []),
    ]);
  return (
    <div className="stack event-form">
      <div className="row">
        <ErrSelect
          id="event-kind"
          label={t('events.fields.kind')}
          field="body.kind"
          errors={errors}
          value={draft.kind}
          options={EVENT_KINDS.map((k) => ({ value: k, label: t(`events.kinds.${k}`) }))}
          onChange={(kind) => set('kind', kind as EventDraft['kind'])}
        />
        <ErrSelect
          id="event-original"
          label={t('events.editor.originalLanguage')}
          field="body.title.original"
          errors={errors}
          value={original}
          options={LANGUAGES.map((l) => ({ value: l, label: t(`language.names.${l}`) }))}
          onChange={(l) =>
            onChange({
              ...draft,
              title: { ...draft.title, original: l as Language },
              description: draft.description && { ...draft.description, original: l as Language },
            })
          }
        />
      </div>
      <EventTexts
        prefix="event"
        fields={[
          { key: 'title', label: t('events.fields.title'), maxLength: 300, required: true },
          { key: 'description', label: t('events.fields.description'), maxLength: 10000, rows: 5 },
        ]}
        values={{ title: draft.title, description: draft.description }}
        original={original}
        onChange={(key, value) => set(key as 'title', key === 'title' ? (value ?? { original }) : (value as MultilingualText))}
        errors={errors}
      />
      <fieldset className="event-when-fields">
        <legend>{t('events.editor.when')}</legend>
        <TypeaheadSelect
          id="event-zone"
          className="field"
          label={t('events.fields.timeZone')}
          data={zoneChoices}
          limit={60}
          // the zones' list comes after the page: typed before it, a zone would find nothing
          disabled={zoneList.status === 'loading' && !zoneList.data}
          description={zoneList.status === 'loading' && !zoneList.data ? t('events.editor.zonesLoading') : undefined}
          value={draft.timeZone}
          onChange={(zone) => zone && set('timeZone', zone)}
          error={errors.of('body.timeZone').join(' ') || undefined}
        />
        <p className="muted">{t('events.editor.localTimesHint', { zone: draft.timeZone })}</p>
        <div className="row">
          <ErrField
            id="event-starts"
            type="datetime-local"
            label={t('events.fields.startsAt')}
            field="body.startsAt"
            errors={errors}
            value={draft.startsLocal}
            onChange={(e) => set('startsLocal', e.target.value)}
          />
          <ErrField
            id="event-ends"
            type="datetime-local"
            label={t('events.fields.endsAt')}
            field="body.endsAt"
            errors={errors}
            value={draft.endsLocal}
            onChange={(e) => set('endsLocal', e.target.value)}
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('events.editor.where')}</legend>
        <TypeaheadSelect
          id="event-venue"
          className="field"
          label={t('events.fields.venueOrganisation')}
          data={venues.map((v) => ({ value: v.slug, label: text(v.name) }))}
          value={draft.venueOrganisationSlug || null}
          onChange={(slug) => set('venueOrganisationSlug', slug ?? '')}
          clearable
          allowDeselect
          error={errors.of('body.venueOrganisationSlug').join(' ') || undefined}
        />
        <p className="muted">{t('events.editor.venueHint')}</p>
        <div className="row">
          <ErrField
            id="event-venue-name"
            label={t('events.fields.venueName')}
            field="body.venueName"
            errors={errors}
            maxLength={300}
            value={draft.venueName}
            onChange={(e) => set('venueName', e.target.value)}
          />
          <ErrField
            id="event-venue-address"
            label={t('events.fields.venueAddress')}
            field="body.venueAddress"
            errors={errors}
            maxLength={500}
            value={draft.venueAddress}
            onChange={(e) => set('venueAddress', e.target.value)}
          />
        </div>
        <FieldError errors={errors} field="body.venue" id="event-venue-error" />
        <TypeaheadSelect
          id="event-region"
          comboboxProps={LIST_BELOW}
          className="field region-field"
          label={t('events.fields.regionCode')}
          data={regions.groups}
          searchText={regions.searchText}
          limit={REGION_CHOICES_SHOWN}
          value={draft.regionCode || null}
          onChange={(code) => set('regionCode', code ?? '')}
          error={errors.of('body.regionCode').join(' ') || undefined}
        />
      </fieldset>
      <AreaCheckboxes legend={t('events.fields.areaCodes')} chosen={draft.areaCodes} onChange={(codes) => set('areaCodes', codes)} />
      <fieldset className="checkboxes">
        <legend>{t('events.fields.languages')}</legend>
        {LANGUAGES.map((l) => (
          <label key={l} className="checkbox">
            <input
              type="checkbox"
              checked={draft.languages.includes(l)}
              onChange={(e) => set('languages', e.target.checked ? [...draft.languages, l] : draft.languages.filter((x) => x !== l))}
            />{' '}
            {t(`language.names.${l}`)}
          </label>
        ))}
      </fieldset>
      <FieldError errors={errors} field="body.languages" id="event-languages-error" />
      <fieldset className="organisers">
        <legend>{t('events.fields.organisers')}</legend>
        {organisations.length === 0 && !onFindOrganiser && <p className="muted">{t('events.editor.noOrganisation')}</p>}
        {organisations.map((o) => {
          const chosen = organiser(o.slug);
          return (
            <div key={o.slug} className="row organiser-choice">
              <label className="checkbox">
                <input type="checkbox" checked={!!chosen} onChange={(e) => setOrganiser(o.slug, e.target.checked ? 'organiser' : null)} />{' '}
                {text(o.name)}
              </label>
              {chosen && (
                <select
                  aria-label={t('events.editor.organiserRole', { name: text(o.name) })}
                  value={chosen.role}
                  onChange={(e) => setOrganiser(o.slug, e.target.value as OrganiserRole)}
                >
                  {ORGANISER_ROLES.map((r) => (
                    <option key={r} value={r}>
                      {t(`events.organiserRoles.${r}`)}
                    </option>
                  ))}
                </select>
              )}
            </div>
          );
        })}
        {onFindOrganiser && (
          <OrganiserFinder
            onPick={(o) => {
              onFindOrganiser(o);
              if (!organiser(o.slug)) setOrganiser(o.slug, 'organiser');
            }}
          />
        )}
        <FieldError errors={errors} field="body.organisers" id="event-organisers-error" />
      </fieldset>
      <fieldset>
        <legend>{t('events.editor.registration')}</legend>
        <label className="checkbox">
          <input type="checkbox" checked={draft.registrationOpen} onChange={(e) => set('registrationOpen', e.target.checked)} />{' '}
          {t('events.fields.registrationOpen')}
        </label>
        <ErrField
          id="event-registration-closes"
          type="datetime-local"
          label={t('events.fields.registrationClosesAt')}
          field="body.registrationClosesAt"
          errors={errors}
          value={draft.registrationClosesLocal}
          onChange={(e) => set('registrationClosesLocal', e.target.value)}
        />
        <label className="checkbox">
          <input type="checkbox" checked={draft.meetingsEnabled} onChange={(e) => set('meetingsEnabled', e.target.checked)} />{' '}
          {t('events.fields.meetingsEnabled')}
        </label>
      </fieldset>
      <div className="row">{actions}</div>
    </div>
  );
}
