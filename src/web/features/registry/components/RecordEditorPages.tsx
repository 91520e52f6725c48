import '../registry.css';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { Outcome, useSubmit } from '../../../shared/ui/forms';
import { Status } from '../../../shared/ui/Status';
import { useTitle } from '../../../shared/ui/useTitle';
import { ConflictNotice } from '../../../shared/ui/VersionConflict';
import { mergeEdits, versionConflict, type Conflict } from '../../../shared/versioning';
import { createRecord, getRecord, kindOfCollection, listPage, recordPage, updateRecord, useRecord } from '../api/registry';
import { draftOf, newDraft, toBody, toCreateBody, type RecordDraft } from '../hooks/record-draft';
import { useFieldErrors } from '../../../shared/ui/useFieldErrors';
import { useDraftFieldLabel, useDraftFieldValue } from './draft-fields';
import { RecordForm } from './RecordForm';

/** A new record of the kind the address names (?kind=agreements), chosen again in the form. */
export function NewRecordPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [draft, setDraft] = useState<RecordDraft>(() => newDraft(kindOfCollection(params.get('kind') ?? undefined) ?? 'agreement', lang));
  const errors = useFieldErrors();
  useTitle(t('registry.form.new'));
  const create = useSubmit(async () => {
    await errors.keeping(async () => {
      const created = await createRecord(draft.kind, toCreateBody(draft));
      navigate(recordPage(draft.kind, created.slug));
    });
  });
  return (
    <>
      <p>
        <Link to={listPage(draft.kind)}>← {t('registry.title')}</Link>
      </p>
      <h1>{t('registry.form.new')}</h1>
      <form onSubmit={create.onSubmit} noValidate>
        <RecordForm
          draft={draft}
          onChange={setDraft}
          errors={errors}
          kindFixed={false}
          actions={
            <button type="submit" disabled={create.busy}>
              {t('registry.form.create')}
            </button>
          }
        />
        <Outcome error={create.error} done={null} />
      </form>
    </>
  );
}

/** A record's edit, saved over the version it started from; a save over someone else's shows the conflict. */
export function EditRecordPage() {
  const { collection, slug = '' } = useParams();
  const kind = kindOfCollection(collection) ?? 'agreement';
  const { t } = useI18n();
  const navigate = useNavigate();
  const state = useRecord(kind, slug);
  const [draft, setDraft] = useState<RecordDraft | null>(null);
  const [base, setBase] = useState<{ draft: RecordDraft; version: number } | null>(null);
  const [conflict, setConflict] = useState<Conflict<RecordDraft> | null>(null);
  const [merged, setMerged] = useState(false);
  const errors = useFieldErrors();
  const labelOf = useDraftFieldLabel();
  const showValue = useDraftFieldValue();
  useEffect(() => {
    if (!state.data) return;
    const loaded = draftOf(state.data);
    setDraft(loaded);
    setBase({ draft: loaded, version: state.data.version });
  }, [state.data]);
  useTitle(t('registry.form.edit'));

  const save = async (version: number) => {
    errors.clear();
    setMerged(false);
    try {
      await updateRecord(kind, slug, toBody(draft!), version);
      navigate(recordPage(kind, slug));
    } catch (error) {
      if (versionConflict(error) === null) {
        errors.set(error);
        throw error;
      }
      const now = await getRecord(kind, slug);
      setConflict({ theirs: draftOf(now), version: now.version });
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

  if (!state.data || !draft) return <Status state={state} />;
  if (!state.data.canEdit) return <p className="notice">{t('registry.record.notEditable')}</p>;
  return (
    <>
      <p>
        <Link to={recordPage(kind, slug)}>← {t('registry.record.back')}</Link>
      </p>
      <h1>{t('registry.form.edit')}</h1>
      <ConflictNotice
        conflict={conflict}
        mine={draft}
        merged={merged}
        label={labelOf}
        show={showValue}
        busy={keepMine.busy}
        onKeepMine={() => void keepMine.onSubmit()}
        onTakeTheirs={takeTheirs}
      />
      <form onSubmit={submit.onSubmit} noValidate>
        <RecordForm
          draft={draft}
          onChange={setDraft}
          errors={errors}
          kindFixed
          actions={
            <button type="submit" disabled={submit.busy}>
              {t('registry.form.save')}
            </button>
          }
        />
        <Outcome error={submit.error ?? keepMine.error} done={null} />
      </form>
    </>
  );
}
