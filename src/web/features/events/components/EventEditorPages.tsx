import '../events.css';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { MultilingualText } from '../../../../shared/multilingual';
import { useApi } from '../../../shared/api/useApi';
import { hasRole, useSession } from '../../../shared/session/SessionProvider';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { Outcome, useSubmit } from '../../../shared/ui/forms';
import { useMlString } from '../../../shared/ui/MlText';
import { Status } from '../../../shared/ui/Status';
import { useFieldErrors } from '../../../shared/ui/useFieldErrors';
import { useTitle } from '../../../shared/ui/useTitle';
import { ConflictNotice, EveryLanguage } from '../../../shared/ui/VersionConflict';
import { mergeEdits, versionConflict, type Conflict } from '../../../shared/versioning';
import { createEvent, getEvent, updateEvent, useEvent } from '../api/events';
import type { Event } from '../api/contracts';
import { draftOfEvent, inputOfDraft, newEventDraft, type EventDraft } from '../hooks/event-draft';
import { DelegationsEditor } from './DelegationsEditor';
import { EventDocuments } from './EventDocuments';
import { EventForm, type OrganiserChoice } from './EventForm';
import { LifecycleActions } from './LifecycleActions';
import { ParticipationTypesEditor } from './ParticipationTypesEditor';
import { ProgrammeEditor } from './ProgrammeEditor';
import { eventPath } from './event-words';

type MyOrganisations = { items: { slug: string; name: MultilingualText; myRole: string }[] };

/**
 * The organisations a member may name as organisers: those they edit for (editors and administrators), those
 * already named, and for a regional coordinator or a platform administrator any organisation found in the
 * directory (`find` is theirs only).
 */
function useOrganiserChoices(event?: Event): { choices: OrganiserChoice[]; find?: (o: OrganiserChoice) => void } {
  const { session } = useSession();
  const [found, setFound] = useState<OrganiserChoice[]>([]);
  const mine = useApi<MyOrganisations>('/me/organisations').data?.items ?? [];
  const editable = mine.filter((o) => o.myRole === 'org_admin' || o.myRole === 'org_editor');
  const offered: OrganiserChoice[] = editable.map((o) => ({ slug: o.slug, name: o.name }));
  for (const o of [...(event?.organisers ?? []).map((o) => o.organisation), ...found])
    if (!offered.some((e) => e.slug === o.slug)) offered.push({ slug: o.slug, name: o.name });
  const mayNameAny = hasRole(session, 'regional_coordinator') || hasRole(session, 'platform_admin');
  return {
    choices: offered,
    find: mayNameAny ? (o) => setFound((f) => (f.some((x) => x.slug === o.slug) ? f : [...f, o])) : undefined,
  };
}

/** A new event, saved as a draft that its organisers then complete (programme, delegations, registration) and publish. */
export function NewEventPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const { choices: organisations, find } = useOrganiserChoices();
  const [draft, setDraft] = useState<EventDraft>(() => newEventDraft(lang));
  const errors = useFieldErrors();
  useTitle(t('events.editor.new'));
  useEffect(() => {
    // one organisation: it organises, unless the person says otherwise
    if (organisations.length === 1 && draft.organisers.length === 0)
      setDraft((d) => ({ ...d, organisers: [{ organisationSlug: organisations[0]!.slug, role: 'organiser' }] }));
  }, [organisations, draft.organisers.length]);
  const save = useSubmit(() =>
    errors.keeping(async () => {
      const created = await createEvent(inputOfDraft(draft, lang));
      navigate(`${eventPath(created.slug)}/edit`);
    }),
  );
  return (
    <>
      <p>
        <Link to="/events">← {t('events.title')}</Link>
      </p>
      <h1>{t('events.editor.new')}</h1>
      <form onSubmit={save.onSubmit} noValidate>
        <EventForm
          draft={draft}
          onChange={setDraft}
          errors={errors}
          organisations={organisations}
          onFindOrganiser={find}
          actions={
            <button type="submit" disabled={save.busy}>
              {t('events.editor.create')}
            </button>
          }
        />
        <Outcome error={save.error} done={null} />
      </form>
    </>
  );
}

/** An event's editor: its fields (saved over the version loaded), its lifecycle, programme, delegations, registration and documents. */
export function EditEventPage() {
  const { slug = '' } = useParams();
  const { t, lang } = useI18n();
  const text = useMlString();
  const state = useEvent(slug);
  const event = state.data;
  const { choices: organisations, find } = useOrganiserChoices(event);
  const [draft, setDraft] = useState<EventDraft | null>(null);
  const [base, setBase] = useState<{ draft: EventDraft; version: number } | null>(null);
  const [conflict, setConflict] = useState<Conflict<EventDraft> | null>(null);
  const [merged, setMerged] = useState(false);
  const errors = useFieldErrors();
  useTitle(event ? `${t('events.editor.edit')}: ${text(event.title)}` : t('events.editor.edit'));
  useEffect(() => {
    if (!state.data) return;
    const loaded = draftOfEvent(state.data, lang);
    setDraft(loaded);
    setBase({ draft: loaded, version: state.data.version });
    // the draft follows the record when it is read again (after a publish), not the reader's language
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.data]);

  const save = async (version: number) => {
    errors.clear();
    setMerged(false);
    try {
      await updateEvent(slug, inputOfDraft(draft!, lang), version);
      setConflict(null);
      state.reload();
      return t('events.editor.saved');
    } catch (error) {
      if (versionConflict(error) === null) {
        errors.set(error);
        throw error;
      }
      const now = await getEvent(slug);
      setConflict({ theirs: draftOfEvent(now, lang), version: now.version });
    }
  };
  const submit = useSubmit(() => save(base!.version));
  const keepMine = useSubmit(() => save(conflict!.version));
  const takeTheirs = () => {
    setDraft(mergeEdits(base!.draft, draft!, conflict!.theirs));
    setBase({ draft: conflict!.theirs, version: conflict!.version });
    setConflict(null);
    setMerged(true);
  };

  if (!event || !draft) return <Status state={state} />;
  if (!event.can.edit) return <p className="notice">{t('events.editor.notEditable')}</p>;
  return (
    <div className="event-editor stack">
      <p>
        <Link to={eventPath(slug)}>← {t('events.editor.back')}</Link>
      </p>
      <h1>{t('events.editor.edit')}</h1>
      <nav className="row editor-sections" aria-label={t('events.editor.sections')}>
        <a href="#event-fields">{t('events.editor.fieldsTitle')}</a>
        <a href="#programme">{t('events.programme.title')}</a>
        <a href="#delegations">{t('events.delegations.title')}</a>
        <a href="#participation-types">{t('events.types.title')}</a>
        <a href="#documents">{t('events.documents.title')}</a>
      </nav>
      <LifecycleActions event={event} onChanged={state.reload} />
      <section id="event-fields" aria-labelledby="event-fields-title">
        <h2 id="event-fields-title">{t('events.editor.fieldsTitle')}</h2>
        <ConflictNotice
          conflict={conflict}
          mine={draft}
          merged={merged}
          label={(field) => t(`events.fields.${field}`)}
          show={(_field, value) =>
            value && typeof value === 'object' && !Array.isArray(value) && 'original' in value ? (
              <EveryLanguage value={value as MultilingualText} />
            ) : (
              JSON.stringify(value)
            )
          }
          busy={keepMine.busy}
          onKeepMine={() => void keepMine.onSubmit()}
          onTakeTheirs={takeTheirs}
        />
        <form onSubmit={submit.onSubmit} noValidate>
          <EventForm
            draft={draft}
            onChange={setDraft}
            errors={errors}
            organisations={organisations}
            onFindOrganiser={find}
            actions={
              <button type="submit" disabled={submit.busy || keepMine.busy}>
                {t('events.editor.save')}
              </button>
            }
          />
          <Outcome error={submit.error ?? keepMine.error} done={submit.done ?? keepMine.done} />
        </form>
      </section>
      <ProgrammeEditor event={event} />
      <DelegationsEditor event={event} />
      <ParticipationTypesEditor event={event} />
      <EventDocuments event={event} />
    </div>
  );
}
