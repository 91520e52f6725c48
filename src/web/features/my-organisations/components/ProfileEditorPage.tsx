import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { ProfileChanges } from '../../../../shared/schemas/profile';
import { postJson, sendJson } from '../../../shared/api/client';
import { useApi } from '../../../shared/api/useApi';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { Outcome, useSubmit } from '../../../shared/ui/forms';
import { Status } from '../../../shared/ui/Status';
import { useTitle } from '../../../shared/ui/useTitle';
import { MembersPanel } from './MembersPanel';
import { EMPTY_PROFILE, ProfileForm } from './ProfileForm';

interface Editable {
  slug: string;
  status: 'draft' | 'submitted' | 'validated' | 'returned';
  published: boolean;
  profile: ProfileChanges;
  decisions: { decision: string; reason: string | null; at: string }[];
}

export function NewOrganisationPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [profile, setProfile] = useState<ProfileChanges>(EMPTY_PROFILE);
  useTitle(t('myOrgs.create'));
  const create = useSubmit(async () => {
    const { slug } = await postJson<{ slug: string }>('/organisations', profile);
    navigate(`/my/organisations/${slug}`);
  });
  return (
    <>
      <h1>{t('myOrgs.create')}</h1>
      <form onSubmit={create.onSubmit}>
        <ProfileForm
          value={profile}
          onChange={setProfile}
          actions={
            <button type="submit" disabled={create.busy}>
              {t('myOrgs.saveDraft')}
            </button>
          }
        />
        <Outcome error={create.error} done={null} />
      </form>
    </>
  );
}

export function ProfileEditorPage() {
  const { slug = '' } = useParams();
  const { t, dateTime } = useI18n();
  const state = useApi<Editable>(`/organisations/${encodeURIComponent(slug)}/profile`);
  const [profile, setProfile] = useState<ProfileChanges | null>(null);
  useEffect(() => setProfile(state.data?.profile ?? null), [state.data]);
  useTitle(t('myOrgs.editProfile'));
  const save = useSubmit(async () => {
    await sendJson('PUT', `/organisations/${slug}/profile`, profile);
    state.reload();
    return t('myOrgs.saved');
  });
  const submit = useSubmit(async () => {
    await sendJson('PUT', `/organisations/${slug}/profile`, profile);
    await postJson(`/organisations/${slug}/submit`);
    state.reload();
    return t('myOrgs.submitted');
  });

  const data = state.data;
  if (!data || !profile) return <Status state={state} />;
  const lastReturn = [...data.decisions].reverse().find((d) => d.decision === 'returned');

  return (
    <>
      <p>
        <Link to="/my/organisations">← {t('myOrgs.title')}</Link>
        {data.published && (
          <>
            {' · '}
            <Link to={`/organisations/${slug}`}>{t('myOrgs.publicPage')}</Link>
          </>
        )}
      </p>
      <h1>{t('myOrgs.editProfile')}</h1>
      <p className="status-line">
        {t('myOrgs.status')}: <span className="badge">{t(`status.${data.status}`)}</span>
      </p>
      {data.status === 'returned' && lastReturn?.reason && (
        <p className="notice" role="note">
          {t('myOrgs.returnedBecause')} <q>{lastReturn.reason}</q>
        </p>
      )}
      <form onSubmit={save.onSubmit}>
        <ProfileForm
          value={profile}
          onChange={setProfile}
          actions={
            <>
              <button type="submit" disabled={save.busy}>
                {t('myOrgs.saveDraft')}
              </button>
              <button
                type="button"
                className="secondary"
                disabled={submit.busy || data.status === 'submitted'}
                onClick={() => void submit.onSubmit()}
              >
                {t('myOrgs.submit')}
              </button>
            </>
          }
        />
        <Outcome error={save.error ?? submit.error} done={save.done ?? submit.done} />
      </form>
      {data.decisions.length > 0 && (
        <section aria-labelledby="history">
          <h2 id="history">{t('myOrgs.history')}</h2>
          <ul>
            {data.decisions.map((d, i) => (
              <li key={i}>
                {dateTime(d.at)} — {t(`status.${d.decision}`)}
                {d.reason && (
                  <>
                    {' '}
                    — <q>{d.reason}</q>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <MembersPanel slug={slug} />
    </>
  );
}
