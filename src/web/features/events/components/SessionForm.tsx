import { SESSION_KINDS } from '../../../../shared/events';
import { LANGUAGES } from '../../../../shared/languages';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { FieldError } from '../../../shared/ui/FieldError';
import type { FieldErrors } from '../../../shared/ui/useFieldErrors';
import type { Delegation } from '../api/contracts';
import { INTERPRETATION_PAIRS, type SessionDraft } from '../hooks/session-draft';
import { useNamed } from './event-words';
import { ErrField, ErrSelect, EventTexts } from './EventTexts';

/** One session of the programme: kind, title, times at the venue, room, speakers, languages spoken and interpretation. */
export function SessionForm({
  draft,
  onChange,
  errors,
  delegations,
  zone,
}: {
  draft: SessionDraft;
  onChange(d: SessionDraft): void;
  errors: FieldErrors;
  delegations: Delegation[];
  zone: string;
}) {
  const { t } = useI18n();
  const named = useNamed();
  const set = <K extends keyof SessionDraft>(key: K, value: SessionDraft[K]) => onChange({ ...draft, [key]: value });
  const toggle = <T extends string>(list: T[], value: T, on: boolean) => (on ? [...list, value] : list.filter((v) => v !== value));
  const speaker = (i: number, key: 'name' | 'organisationName', value: string) =>
    set(
      'speakers',
      draft.speakers.map((s, j) => (j === i ? { ...s, [key]: value } : s)),
    );
  return (
    <div className="stack session-form">
      <div className="row">
        <ErrSelect
          id="session-kind"
          label={t('events.fields.sessionKind')}
          field="body.kind"
          errors={errors}
          value={draft.kind}
          options={SESSION_KINDS.map((k) => ({ value: k, label: t(`events.sessionKinds.${k}`) }))}
          onChange={(k) => set('kind', k as SessionDraft['kind'])}
        />
        {delegations.length > 0 && (
          <ErrSelect
            id="session-delegation"
            label={t('events.fields.delegationId')}
            field="body.delegationId"
            errors={errors}
            value={draft.delegationId}
            options={[
              { value: '', label: t('events.programme.everyone') },
              ...delegations.map((d) => ({ value: d.id, label: named(d.name) })),
            ]}
            onChange={(id) => set('delegationId', id)}
          />
        )}
      </div>
      <EventTexts
        prefix="session"
        fields={[{ key: 'title', label: t('events.fields.sessionTitle'), maxLength: 300, required: true }]}
        values={{ title: draft.title }}
        original={draft.title.original}
        onChange={(_k, value) => set('title', value ?? { original: draft.title.original })}
        errors={errors}
      />
      <p className="muted">{t('events.editor.localTimesHint', { zone })}</p>
      <div className="row">
        <ErrField
          id="session-starts"
          type="datetime-local"
          label={t('events.fields.startsAt')}
          field="body.startsAt"
          errors={errors}
          value={draft.startsLocal}
          onChange={(e) => set('startsLocal', e.target.value)}
        />
        <ErrField
          id="session-ends"
          type="datetime-local"
          label={t('events.fields.endsAt')}
          field="body.endsAt"
          errors={errors}
          value={draft.endsLocal}
          onChange={(e) => set('endsLocal', e.target.value)}
        />
      </div>
      <div className="row">
        <ErrField
          id="session-room"
          label={t('events.fields.room')}
          field="body.room"
          errors={errors}
          maxLength={200}
          value={draft.room}
          onChange={(e) => set('room', e.target.value)}
        />
        {draft.kind === 'site_visit' && (
          <ErrField
            id="session-site"
            label={t('events.fields.siteName')}
            field="body.siteName"
            errors={errors}
            maxLength={300}
            value={draft.siteName}
            onChange={(e) => set('siteName', e.target.value)}
          />
        )}
      </div>
      <fieldset className="speakers">
        <legend>{t('events.fields.speakers')}</legend>
        {draft.speakers.map((s, i) => (
          <div key={i} className="row speaker">
            <ErrField
              id={`speaker-${i}-name`}
              label={t('events.programme.speakerName')}
              field={`body.speakers.${i}.name`}
              errors={errors}
              value={s.name}
              onChange={(e) => speaker(i, 'name', e.target.value)}
            />
            <ErrField
              id={`speaker-${i}-organisation`}
              label={t('events.programme.speakerOrganisation')}
              field={`body.speakers.${i}.organisationName`}
              errors={errors}
              value={s.organisationName}
              onChange={(e) => speaker(i, 'organisationName', e.target.value)}
            />
            <button
              type="button"
              className="secondary"
              onClick={() =>
                set(
                  'speakers',
                  draft.speakers.filter((_, j) => j !== i),
                )
              }
            >
              {t('events.programme.removeSpeaker')}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="secondary"
          onClick={() => set('speakers', [...draft.speakers, { name: '', organisationName: '' }])}
        >
          {t('events.programme.addSpeaker')}
        </button>
      </fieldset>
      <fieldset className="checkboxes">
        <legend>{t('events.fields.sessionLanguages')}</legend>
        {LANGUAGES.map((l) => (
          <label key={l} className="checkbox">
            <input
              type="checkbox"
              checked={draft.languages.includes(l)}
              onChange={(e) => set('languages', toggle(draft.languages, l, e.target.checked))}
            />{' '}
            {t(`language.names.${l}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="checkboxes">
        <legend>{t('events.fields.interpretation')}</legend>
        {INTERPRETATION_PAIRS.map((pair) => {
          const [from, to] = pair.split('>') as [string, string];
          return (
            <label key={pair} className="checkbox">
              <input
                type="checkbox"
                checked={draft.interpretation.includes(pair)}
                onChange={(e) => set('interpretation', toggle(draft.interpretation, pair, e.target.checked))}
              />{' '}
              {t('events.programme.pair', { from: t(`language.names.${from}`), to: t(`language.names.${to}`) })}
            </label>
          );
        })}
      </fieldset>
      <FieldError errors={errors} field="body.interpretation" id="session-interpretation-error" />
    </div>
  );
}
