import '../marketplace.css';
import { useEffect, useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { offerPagePath } from '../../../../shared/offers';
import type { Offer } from '../../../../shared/schemas/offers';
import { useApi } from '../../../shared/api/useApi';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { Outcome, useSubmit } from '../../../shared/ui/forms';
import { useMlString } from '../../../shared/ui/MlText';
import { Status } from '../../../shared/ui/Status';
import { useTitle } from '../../../shared/ui/useTitle';
import { useReferenceNames } from '../../../shared/ui/useReferenceNames';
import { ConflictNotice, EveryLanguage } from '../../../shared/ui/VersionConflict';
import { mergeEdits, versionConflict, type Conflict } from '../../../shared/versioning';
import type { MultilingualText } from '../../../../shared/multilingual';
import { changeOfferStage, createOffer, getOffer, updateOffer, useOffer } from '../api/marketplace';
import { draftOfOffer, newOfferDraft, toPatch, type OfferDraft } from '../hooks/offer-draft';
import { useFieldErrors } from '../../../shared/ui/useFieldErrors';
import { OfferForm } from './OfferForm';

type MyOrganisations = { items: { slug: string; name: MultilingualText; myRole: string }[] };

/** A new offer or request, of one of the author's organisations: saved as a draft, or submitted for review at once. */
export function NewOfferPage() {
  const { t, lang } = useI18n();
  const text = useMlString();
  const navigate = useNavigate();
  const mine = useApi<MyOrganisations>('/me/organisations');
  const [draft, setDraft] = useState<OfferDraft>(() => newOfferDraft(lang));
  const errors = useFieldErrors();
  useTitle(t('marketplace.editor.new'));
  const organisations = (mine.data?.items ?? []).map((o) => ({ value: o.slug, label: text(o.name) }));
  useEffect(() => {
    // one organisation: it is chosen for the person
    if (organisations.length === 1 && !draft.organisation) setDraft((d) => ({ ...d, organisation: organisations[0]!.value }));
  }, [organisations, draft.organisation]);
  const create = (submit: boolean) =>
    errors.keeping(async () => {
      const created = await createOffer(draft);
      if (submit) await changeOfferStage(created.slug, { to: 'submitted' }, created.version);
      navigate(offerPagePath(created.slug));
    });
  const saveDraft = useSubmit(() => create(false));
  const submit = useSubmit(() => create(true));
  return (
    <>
      <p>
        <Link to="/my/offers">← {t('marketplace.myOffers.title')}</Link>
      </p>
      <h1>{t('marketplace.editor.new')}</h1>
      <form onSubmit={saveDraft.onSubmit} noValidate>
        <OfferForm
          draft={draft}
          onChange={setDraft}
          errors={errors}
          organisations={organisations}
          actions={
            <>
              <button type="submit" disabled={saveDraft.busy || submit.busy}>
                {t('marketplace.editor.saveDraft')}
              </button>
              <button type="button" className="secondary" disabled={saveDraft.busy || submit.busy} onClick={() => void submit.onSubmit()}>
                {t('marketplace.editor.submit')}
              </button>
            </>
          }
        />
        <Outcome error={saveDraft.error ?? submit.error} done={null} />
      </form>
    </>
  );
}

/** An offer's edit, saved over the version it started from; a save over someone else's shows the conflict. */
export function EditOfferPage() {
  const { slug = '' } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const state = useOffer(slug);
  const [draft, setDraft] = useState<OfferDraft | null>(null);
  const [base, setBase] = useState<{ draft: OfferDraft; version: number } | null>(null);
  const [conflict, setConflict] = useState<Conflict<OfferDraft> | null>(null);
  const [merged, setMerged] = useState(false);
  const errors = useFieldErrors();
  const label = useConflictLabel();
  const show = useConflictValue();
  useEffect(() => {
    if (!state.data) return;
    const loaded = draftOfOffer(state.data);
    setDraft(loaded);
    setBase({ draft: loaded, version: state.data.version });
  }, [state.data]);
  useTitle(t('marketplace.editor.edit'));

  const save = async (version: number, thenSubmit: boolean) => {
    errors.clear();
    setMerged(false);
    try {
      const saved = await updateOffer(slug, toPatch(draft!), version);
      if (thenSubmit) await changeOfferStage(slug, { to: 'submitted' }, saved.version);
      navigate(offerPagePath(slug));
    } catch (error) {
      if (versionConflict(error) === null) {
        errors.set(error);
        throw error;
      }
      const now: Offer = await getOffer(slug);
      setConflict({ theirs: draftOfOffer(now), version: now.version });
    }
  };
  const submitSave = useSubmit(() => save(base!.version, false));
  const submitForReview = useSubmit(() => save(base!.version, true));
  const keepMine = useSubmit(() => save(conflict!.version, false));
  const takeTheirs = () => {
    setDraft(mergeEdits(base!.draft, draft!, conflict!.theirs));
    setBase({ draft: conflict!.theirs, version: conflict!.version });
    setConflict(null);
    setMerged(true);
  };

  if (!state.data || !draft) return <Status state={state} />;
  if (!state.data.can.edit) return <p className="notice">{t('marketplace.editor.notEditable')}</p>;
  const canSubmit = state.data.stage === 'draft' || state.data.stage === 'returned';
  const busy = submitSave.busy || submitForReview.busy || keepMine.busy;
  return (
    <>
      <p>
        <Link to={offerPagePath(slug)}>← {t('marketplace.editor.back')}</Link>
      </p>
      <h1>{t('marketplace.editor.edit')}</h1>
      <ConflictNotice
        conflict={conflict}
        mine={draft}
        merged={merged}
        label={label}
        show={show}
        busy={keepMine.busy}
        onKeepMine={() => void keepMine.onSubmit()}
        onTakeTheirs={takeTheirs}
      />
      <form onSubmit={submitSave.onSubmit} noValidate>
        <OfferForm
          draft={draft}
          onChange={setDraft}
          errors={errors}
          actions={
            <>
              <button type="submit" disabled={busy}>
                {t('marketplace.editor.save')}
              </button>
              {canSubmit && (
                <button type="button" className="secondary" disabled={busy} onClick={() => void submitForReview.onSubmit()}>
                  {t('marketplace.editor.submit')}
                </button>
              )}
            </>
          }
        />
        <Outcome error={submitSave.error ?? submitForReview.error ?? keepMine.error} done={null} />
      </form>
    </>
  );
}

const FIELD_KEYS: Partial<Record<keyof OfferDraft, string>> = { productCodes: 'productCodes', expiresOn: 'expiresOn' };

function useConflictLabel() {
  const { t } = useI18n();
  return (field: keyof OfferDraft & string) => t(`marketplace.fields.${FIELD_KEYS[field] ?? field}`);
}

/** A field's value in a conflict's cell, in words: names of areas and regions, labels of kinds, every language of a text. */
function useConflictValue() {
  const { t } = useI18n();
  const names = useReferenceNames();
  return (field: keyof OfferDraft & string, value: OfferDraft[keyof OfferDraft]): ReactNode => {
    if (value && typeof value === 'object' && !Array.isArray(value)) return <EveryLanguage value={value as MultilingualText} />;
    if (typeof value === 'boolean') return value ? t('marketplace.yes') : t('marketplace.no');
    const list = Array.isArray(value) ? (value as string[]) : [String(value)];
    const word = (v: string) => {
      switch (field) {
        case 'areas':
          return names.area(v);
        case 'targetRegions':
          return names.region(v);
        case 'kind':
          return t(`marketplace.kinds.${v}`);
        case 'partnershipKinds':
          return t(`marketplace.partnershipKinds.${v}`);
        case 'partnerKinds':
          return t(`kinds.${v}`);
        case 'partnerSizes':
          return t(`marketplace.partnerSizes.${v}`);
        case 'developmentStage':
          return t(`marketplace.developmentStages.${v}`);
        case 'ipStatus':
          return t(`marketplace.ipStatuses.${v}`);
        default:
          return v;
      }
    };
    return list.map(word).join(', ');
  };
}
