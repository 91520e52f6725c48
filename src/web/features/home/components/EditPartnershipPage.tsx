import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { LANGUAGES, type Language } from '../../../../shared/languages';
import type { MultilingualText } from '../../../../shared/multilingual';
import type { Partnership } from '../../../../shared/schemas/reference';
import { getJson, sendJson } from '../../../shared/api/client';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { Outcome, useSubmit } from '../../../shared/ui/forms';
import { AreaCheckboxes } from '../../../shared/ui/AreaCheckboxes';
import { Status } from '../../../shared/ui/Status';
import { useReferenceNames } from '../../../shared/ui/useReferenceNames';
import { useTitle } from '../../../shared/ui/useTitle';
import { ConflictNotice } from '../../../shared/ui/VersionConflict';
import { mergeEdits, versionConflict, type Conflict } from '../../../shared/versioning';
import { usePartnership } from '../api/partnerships';

/** What coordinators edit of a partnership. */
interface PartnershipTexts {
  name: MultilingualText;
  description: MultilingualText | null;
  areas: string[];
}

// areas compare as a set: in code order
const textsOf = (p: Partnership): PartnershipTexts => ({
  name: p.name,
  description: p.description,
  areas: p.areas.map((a) => a.code).sort(),
});

/**
 * Coordinators of a partnership's regions edit its name, description and areas of cooperation; a save over
 * someone else's shows the conflict (shared/ui/VersionConflict).
 */
export function EditPartnershipPage() {
  const { slug = '' } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const state = usePartnership(slug);
  const [name, setName] = useState<MultilingualText | null>(null);
  const [description, setDescription] = useState<MultilingualText | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  // what the edit started from: the version sent as If-Match, and its values for merging
  const [base, setBase] = useState<{ texts: PartnershipTexts; version: number } | null>(null);
  const [conflict, setConflict] = useState<Conflict<PartnershipTexts> | null>(null);
  const [merged, setMerged] = useState(false);
  useEffect(() => {
    if (!state.data) return;
    const texts = textsOf(state.data);
    setName(texts.name);
    setDescription(texts.description);
    setChosen(texts.areas);
    setBase({ texts, version: state.data.version });
    setConflict(null);
  }, [state.data]);
  useTitle(t('partnership.edit'));
  const mine: PartnershipTexts | null = name ? { name, description, areas: [...chosen].sort() } : null;
  /** Saves based on `version`; on a conflict, shows it and stays (returns false). */
  const put = async (version: number): Promise<boolean> => {
    try {
      await sendJson('PUT', `/partnerships/${encodeURIComponent(slug)}`, mine, { ifMatch: version });
      return true;
    } catch (error) {
      if (versionConflict(error) === null) throw error;
      const now = await getJson<Partnership>(`/partnerships/${encodeURIComponent(slug)}`);
      setConflict({ theirs: textsOf(now), version: now.version });
      return false;
    }
  };
  const save = useSubmit(async () => {
    setMerged(false);
    if (await put(base!.version)) navigate('/');
  });
  const keepMine = useSubmit(async () => {
    if (await put(conflict!.version)) navigate('/');
  });
  const takeTheirs = () => {
    const next = mergeEdits(base!.texts, mine!, conflict!.theirs);
    setName(next.name);
    setDescription(next.description);
    setChosen(next.areas);
    setBase({ texts: conflict!.theirs, version: conflict!.version });
    setConflict(null);
    setMerged(true);
  };
  const labels: Record<keyof PartnershipTexts, string> = {
    name: t('myOrgs.fields.name'),
    description: t('myOrgs.fields.description'),
    areas: t('home.areas'),
  };
  const names = useReferenceNames();
  const show = (_field: keyof PartnershipTexts, value: PartnershipTexts[keyof PartnershipTexts]) =>
    Array.isArray(value)
      ? value.map(names.area).join(', ')
      : LANGUAGES.filter((l) => value?.[l]).map((l) => (
          <span key={l} lang={l} className="conflict-text">
            <abbr title={t(`language.names.${l}`)}>{l}</abbr> {value![l]}
          </span>
        ));
  if (!state.data || !name) return <Status state={state} />;
  const set = (value: MultilingualText | null, lang: Language, input: string): MultilingualText => ({
    ...(value ?? { original: name.original }),
    [lang]: input || undefined,
  });

  return (
    <>
      <p>
        <Link to="/">← {t('nav.home')}</Link>
      </p>
      <h1>{t('partnership.edit')}</h1>
      <ConflictNotice
        conflict={conflict}
        mine={mine}
        merged={merged}
        label={(field) => labels[field]}
        show={show}
        busy={keepMine.busy}
        onKeepMine={() => void keepMine.onSubmit()}
        onTakeTheirs={takeTheirs}
      />
      <form onSubmit={save.onSubmit} className="stack">
        <div className="language-grid">
          {LANGUAGES.map((l) => (
            <div key={l} className="language-column" lang={l}>
              <h2 className="card-title">{t(`language.names.${l}`)}</h2>
              <div className="field">
                <label htmlFor={`p-name-${l}`}>{`${t('myOrgs.fields.name')} (${l})`}</label>
                <input id={`p-name-${l}`} maxLength={300} value={name[l] ?? ''} onChange={(e) => setName(set(name, l, e.target.value))} />
              </div>
              <div className="field">
                <label htmlFor={`p-description-${l}`}>{`${t('myOrgs.fields.description')} (${l})`}</label>
                <textarea
                  id={`p-description-${l}`}
                  rows={5}
                  maxLength={5000}
                  value={description?.[l] ?? ''}
                  onChange={(e) => setDescription(set(description, l, e.target.value))}
                />
              </div>
            </div>
          ))}
        </div>
        <AreaCheckboxes legend={t('home.areas')} chosen={chosen} onChange={setChosen} />
        <button type="submit" disabled={save.busy}>
          {t('accounts.save')}
        </button>
        <Outcome error={save.error ?? keepMine.error} done={null} />
      </form>
    </>
  );
}
