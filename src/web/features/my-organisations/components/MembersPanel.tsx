import { useState } from 'react';
import { ORGANISATION_ROLES, type OrganisationRole } from '../../../../shared/roles';
import type { MemberList } from '../../../../shared/schemas/auth';
import { postJson, sendJson } from '../../../shared/api/client';
import { useApi } from '../../../shared/api/useApi';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { useSession } from '../../../shared/session/SessionProvider';
import { Field, Outcome, SelectField, useAction, useSubmit } from '../../../shared/ui/forms';

export function MembersPanel({ slug }: { slug: string }) {
  const { t, dateTime } = useI18n();
  const { session } = useSession();
  const state = useApi<MemberList>(`/organisations/${encodeURIComponent(slug)}/members`);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<OrganisationRole>('org_editor');
  const me = session?.user?.id;
  const iAmAdmin =
    state.data?.members.some((m) => m.userId === me && m.role === 'org_admin') ||
    session?.user?.roles.some((r) => r.role === 'platform_admin');
  const invite = useSubmit(async () => {
    await postJson(`/organisations/${slug}/invitations`, { email, role });
    setEmail('');
    state.reload();
    return t('members.invited');
  });
  const act = useAction();
  const run = (work: () => Promise<unknown>) => act.run(work, state.reload);

  if (!state.data) return null;
  return (
    <section aria-labelledby="members">
      <h2 id="members">{t('members.title')}</h2>
      <table className="table stacked">
        <thead>
          <tr>
            <th scope="col">{t('members.name')}</th>
            <th scope="col">{t('accounts.email')}</th>
            <th scope="col">{t('members.role')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('accounts.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {state.data.members.map((m) => (
            <tr key={m.userId}>
              <td data-label={t('members.name')}>{m.displayName}</td>
              <td data-label={t('accounts.email')}>{m.email}</td>
              <td data-label={t('members.role')}>{t(`roles.${m.role}`)}</td>
              <td>
                {iAmAdmin && m.userId !== me && (
                  <>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => run(() => sendJson('DELETE', `/organisations/${slug}/members/${m.userId}`))}
                    >
                      {t('members.remove')}
                    </button>{' '}
                    {m.role !== 'org_admin' && (
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => run(() => postJson(`/organisations/${slug}/transfer-administration`, { userId: m.userId }))}
                      >
                        {t('members.makeAdmin')}
                      </button>
                    )}
                  </>
                )}
              </td>
            </tr>
          ))}
          {state.data.invitations.map((i) => (
            <tr key={i.id}>
              <td className="muted" data-label={t('members.name')}>
                {t('members.pending')},{' '}
                {i.invitedBy
                  ? t('membership.sentBy', { date: dateTime(i.sentAt), name: i.invitedBy })
                  : t('membership.sent', { date: dateTime(i.sentAt) })}
              </td>
              <td data-label={t('accounts.email')}>{i.email}</td>
              <td data-label={t('members.role')}>{t(`roles.${i.role}`)}</td>
              <td>
                {iAmAdmin && (
                  <button
                    type="button"
                    className="link-button"
                    aria-label={`${t('membership.cancelInvitation')}: ${i.email}`}
                    onClick={() => run(() => sendJson('DELETE', `/organisations/${slug}/invitations/${i.id}`))}
                  >
                    {t('membership.cancelInvitation')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Outcome error={act.error} done={null} />
      {iAmAdmin && (
        <form onSubmit={invite.onSubmit} className="row">
          <Field
            label={t('members.inviteEmail')}
            name="inviteEmail"
            type="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <SelectField
            id="invite-role"
            label={t('members.role')}
            value={role}
            options={ORGANISATION_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            onChange={(r) => setRole(r)}
          />
          <button type="submit" disabled={invite.busy}>
            {t('members.invite')}
          </button>
          <Outcome error={invite.error} done={invite.done} />
        </form>
      )}
    </section>
  );
}
