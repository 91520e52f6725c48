import type { Repositories } from '../../repositories/index.js';
import type { UserRow } from '../../repositories/account.repository.js';
import type { ThreadRow } from '../../repositories/messaging.repository.js';
import type { OrganisationRow } from '../../repositories/organisation.repository.js';
import { resolveText } from '../../shared/multilingual.js';
import type { Language } from '../../shared/languages.js';
import { sendMail, type MailSettings } from '../mailer.js';

const nameIn = (org: Pick<OrganisationRow, 'name' | 'slug'> | undefined, language: Language) =>
  (org && resolveText(org.name, language)?.text) ?? org?.slug ?? '';

const threadLink = (thread: ThreadRow) => `/messages/${thread.id}`;

/**
 * Who answers for an organisation: its administrators; without any, its people (members, editors). One rule
 * for the first letter and for the replies that follow it; its grants are read once.
 */
async function answeringFor(
  tx: Repositories,
  organisationId: string,
): Promise<{ admins: boolean; users: UserRow[]; members: Set<string> }> {
  const grants = await tx.accounts.grantsInOrganisation(organisationId);
  const admins = grants.filter((g) => g.role === 'org_admin');
  const users = await tx.accounts.usersByIds([...new Set((admins.length > 0 ? admins : grants).map((g) => g.userId))]);
  return { admins: admins.length > 0, users, members: new Set(grants.map((g) => g.userId)) };
}

/**
 * A new thread goes to those who answer for the receiving organisation, in their language. Its Reply-To
 * is the sender's address: the receiver may answer from their mail client; the receiver's addresses stay
 * theirs until they do. An organisation without administrators that gives a public contact is written to
 * there instead.
 */
export async function tellReceivers(
  tx: Repositories,
  mail: MailSettings,
  {
    thread,
    sender,
    receiver,
    author,
    body,
  }: { thread: ThreadRow; sender: OrganisationRow; receiver: OrganisationRow; author: UserRow; body: string },
): Promise<void> {
  const letter = (language: Language) => ({
    organisation: nameIn(receiver, language),
    sender: nameIn(sender, language),
    author: author.displayName,
    title: thread.title,
    body,
  });
  const answering = await answeringFor(tx, receiver.id);
  const hasAdmins = answering.admins && answering.users.some((u) => u.id !== author.id);
  const contact = receiver.publicContact?.email;
  if (!hasAdmins && contact) {
    // an organisation without an administrator account (imported, say) is reached at its public contact,
    // in the language its profile is written in; it answers by e-mail, having no account to answer with
    const language = receiver.name.original;
    await sendMail(tx, mail, { email: contact, language }, 'thread_to_contact', letter(language), { replyTo: author.email });
    return;
  }
  for (const user of answering.users.filter((u) => u.id !== author.id)) {
    await sendMail(tx, mail, user, 'thread_started', { ...letter(user.language), link: threadLink(thread) }, { replyTo: author.email });
  }
}

/**
 * A reply goes to the other side's people in the thread: for the receiver, those who answer for it and whoever
 * answered for it; for the sender, whoever wrote for it. Only those still in their organisation. The
 * sender's people give their address as Reply-To; the receiver's do not (theirs are never shown to a sender
 * who has not been answered by e-mail).
 */
export async function tellOtherSide(
  tx: Repositories,
  mail: MailSettings,
  {
    thread,
    side,
    orgs,
    author,
    body,
  }: { thread: ThreadRow; side: 'sender' | 'receiver'; orgs: Map<string, OrganisationRow>; author: UserRow; body: string },
): Promise<void> {
  const otherId = side === 'sender' ? thread.receiverOrganisationId : thread.senderOrganisationId;
  const answering = await answeringFor(tx, otherId);
  const members = answering.members;
  const ids = new Set(await tx.messaging.authorsFor(thread.id, otherId));
  if (side === 'sender') for (const user of answering.users) ids.add(user.id);
  else if (thread.startedBy) ids.add(thread.startedBy);
  ids.delete(author.id);
  const recipients = (await tx.accounts.usersByIds([...ids])).filter((u) => members.has(u.id));
  const from = orgs.get(side === 'sender' ? thread.senderOrganisationId : thread.receiverOrganisationId);
  for (const user of recipients) {
    await sendMail(
      tx,
      mail,
      user,
      'thread_reply',
      { author: author.displayName, from: nameIn(from, user.language), title: thread.title, body, link: threadLink(thread) },
      side === 'sender' ? { replyTo: author.email } : {},
    );
  }
}
