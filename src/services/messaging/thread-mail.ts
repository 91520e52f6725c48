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

async function membersOf(tx: Repositories, organisationId: string, except: string): Promise<UserRow[]> {
  const ids = new Set((await tx.accounts.grantsInOrganisation(organisationId)).map((g) => g.userId));
  ids.delete(except);
  return tx.accounts.usersByIds([...ids]);
}

/**
 * A new thread goes to every administrator of the receiving organisation, in their language. Its Reply-To
 * is the sender's address: the receiver may answer from their mail client; the receiver's addresses stay
 * theirs until they do. An organisation without administrators is written to at its public contact, else
 * to its people.
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
  const admins = (await tx.accounts.holders(['org_admin'], { organisationId: receiver.id })).filter((a) => a.id !== author.id);
  const contact = receiver.publicContact?.email;
  if (admins.length === 0 && contact) {
    // an organisation without an administrator account (imported, say) is reached at its public contact,
    // in the language its profile is written in; it answers by e-mail, having no account to answer with
    const language = receiver.name.original;
    const vars = {
      organisation: nameIn(receiver, language),
      sender: nameIn(sender, language),
      author: author.displayName,
      title: thread.title,
      body,
    };
    await sendMail(tx, mail, { email: contact, language }, 'thread_to_contact', vars, { replyTo: author.email });
    return;
  }
  // without administrators nor a public contact, its people (members, editors) are who can answer
  const recipients = admins.length > 0 ? admins : await membersOf(tx, receiver.id, author.id);
  for (const admin of recipients) {
    await sendMail(
      tx,
      mail,
      admin,
      'thread_started',
      {
        organisation: nameIn(receiver, admin.language),
        sender: nameIn(sender, admin.language),
        author: author.displayName,
        title: thread.title,
        body,
        link: threadLink(thread),
      },
      { replyTo: author.email },
    );
  }
}

/**
 * A reply goes to the other side's people in the thread: for the receiver, its administrators and whoever
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
  const members = new Set((await tx.accounts.grantsInOrganisation(otherId)).map((g) => g.userId));
  const ids = new Set(await tx.messaging.authorsFor(thread.id, otherId));
  if (side === 'sender') for (const admin of await tx.accounts.holders(['org_admin'], { organisationId: otherId })) ids.add(admin.id);
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
