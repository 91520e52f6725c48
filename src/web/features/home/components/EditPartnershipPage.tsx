import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { LANGUAGES, type Language } from '../../../../shared/languages';
import type { MultilingualText } from '../../../../shared/multilingual';
import { sendJson } from '../../../shared/api/client';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { Outcome, useSubmit } from '../../../shared/ui/forms';
import { AreaCheckboxes } from '../../../shared/ui/AreaCheckboxes';
import { Status } from '../../../shared/ui/Status';
import { useTitle } from '../../../shared/ui/useTitle';
import { usePartnership } from '../api/partnerships';

/** Coordinators of a partnership's regions edit its name, description and areas of cooperation. */
export function EditPartnershipPage() {
  const { slug = '' } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const state = usePartnership(slug);
  const [name, setName] = useState<MultilingualText | null>(null);
  const [description, setDescription] = useState<MultilingualText | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  useEffect(() => {
    if (!state.data) return;
    setName(state.data.name);
    setDescription(state.data.description);
    setChosen(state.data.areas.map((a) => a.code));
  }, [state.data]);
  useTitle(t('partnership.edit'));
  const save = useSubmit(async () => {
    await sendJson('PUT', `/partnerships/${slug}`, { name, description, areas: chosen });
    navigate('/');
  });
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
        <Outcome error={save.error} done={null} />
      </form>
    </>
  );
}
