import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { ProfileChanges } from '../../../../shared/schemas/profile';
import { getJson, postJson, sendJson } from '../../../shared/api/client';
import { useApi } from '../../../shared/api/useApi';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { Outcome, useSubmit } from '../../../shared/ui/forms';
import { Status } from '../../../shared/ui/Status';
import { useTitle } from '../../../shared/ui/useTitle';
import { useReferenceNames } from '../../../shared/ui/useReferenceNames';
import { ConflictNotice } from '../../../shared/ui/VersionConflict';
import { mergeEdits, versionConflict, type Conflict } from '../../../shared/versioning';
import { MembersPanel } from './MembersPanel';
import { newProfile, ProfileForm, withScheme } from './ProfileForm';
import { useProfileFieldLabel, useProfileFieldValue } from './profile-fields';

interface Editable {
  slug: string;
  status: 'draft' | 'submitted' | 'validated' | 'returned';
  published: boolean;
  version: number;
  profile: ProfileChanges;
  decisions: { decision: string; reason: string | null; at: string }[];
}

export function NewOrganisationPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [profile, setProfile] = useState<ProfileChanges>(() => newProfile(lang));
  const mine = useApi<{ items: { regionCode: string }[] }>('/me/organisations');
  const [touched, setTouched] = useState(false);
  useEffect(() => {
    // the region of the author's other organisations, when they all share one, until the author chooses
    const regions = new Set(mine.data?.items.map((o) => o.regionCode) ?? []);
    if (!touched && regions.size === 1) setProfile((p) => ({ ...p, region: [...regions][0]! }));
  }, [mine.data, touched]);
  useTitle(t('myOrgs.create'));
  const create = useSubmit(async () => {
    const { slug } = await postJson<{ slug: string }>('/organisations', { ...profile, website: withScheme(profile.website ?? '') });
    navigate(`/my/organisations/${slug}`);
  });
  return (
    <>
      <h1>{t('myOrgs.create')}</h1>
      <form onSubmit={create.onSubmit}>
        <ProfileForm
          value={profile}
          onChange={(next) => {
            setTouched(true);
            setProfile(next);
          }}
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
  // what the edit started from: the version sent as If-Match, and its values for merging
  const [base, setBase] = useState<{ profile: ProfileChanges; version: number } | null>(null);
  const [conflict, setConflict] = useState<Conflict<ProfileChanges> | null>(null);
  // after "take theirs": the merged values are in the form, not saved yet
  const [merged, setMerged] = useState(false);
  useEffect(() => {
    setProfile(state.data?.profile ?? null);
    setBase(state.data ? { profile: state.data.profile, version: state.data.version } : null);
    setConflict(null);
  }, [state.data]);
  useTitle(t('myOrgs.editProfile'));
  const url = `/organisations/${encodeURIComponent(slug)}/profile`;
  /** Saves the edit based on `version`; on a conflict, shows it and stops (returns false). */
  const put = async (version: number): Promise<boolean> => {
    try {
      await sendJson('PUT', url, { ...profile!, website: withScheme(profile!.website ?? '') }, { ifMatch: version });
      return true;
    } catch (error) {
      if (versionConflict(error) === null) throw error;
      const now = await getJson<Editable>(url);
      setConflict({ theirs: now.profile, version: now.version });
      return false;
    }
  };
  const save = useSubmit(async () => {
    if (!(await put(base!.version))) return;
    state.reload();
    return t('myOrgs.saved');
  });
  const submit = useSubmit(async () => {
    if (!(await put(base!.version))) return;
    await postJson(`/organisations/${slug}/submit`);
    state.reload();
    return t('myOrgs.submitted');
  });
  const keepMine = useSubmit(async () => {
    if (!(await put(conflict!.version))) return;
    state.reload();
    return t('myOrgs.saved');
  });
  const takeTheirs = () => {
    setProfile(mergeEdits(base!.profile, profile!, conflict!.theirs));
    setBase({ profile: conflict!.theirs, version: conflict!.version });
    setConflict(null);
    setMerged(true);
  };
  useEffect(() => {
    if (save.busy || submit.busy) setMerged(false);
  }, [save.busy, submit.busy]);
  const labelOf = useProfileFieldLabel();
  const showValue = useProfileFieldValue();
  const names = useReferenceNames();

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
        {t('myOrgs.statusLabel')} <span className="badge">{t(`status.${data.status}`)}</span>
      </p>
      {!data.published && data.status !== 'validated' && (
        <p role="status" className="notice">
          {t(`membership.notPublic.${data.status}`, { region: names.region(data.profile.region) })}
        </p>
      )}
      {data.status === 'returned' && lastReturn?.reason && (
        <p className="notice" role="note">
          {t('myOrgs.returnedBecause')} <q>{lastReturn.reason}</q>
        </p>
      )}
      <ConflictNotice
        conflict={conflict}
        mine={profile}
        merged={merged}
        label={labelOf}
        show={showValue}
        busy={keepMine.busy}
        onKeepMine={() => void keepMine.onSubmit()}
        onTakeTheirs={takeTheirs}
      />
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
        <Outcome error={save.error ?? submit.error ?? keepMine.error} done={save.done ?? submit.done ?? keepMine.done} />
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
