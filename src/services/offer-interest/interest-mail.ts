import type { UserRow } from '../../repositories/account.repository.js';
import type { Repositories } from '../../repositories/index.js';
import type { InterestOfferRow, InterestRow } from '../../repositories/offers/offer-interest.repository.js';
import type { OrganisationRow } from '../../repositories/organisation.repository.js';
import type { Language } from '../../shared/languages.js';
import { resolveText, type MultilingualText } from '../../shared/multilingual.js';
import { offerPagePath } from '../../shared/offers.js';
import { sendMail, type MailSettings } from '../mailer.js';

const textIn = (value: MultilingualText, language: Language) => resolveText(value, language)?.text ?? '';

/** The web app's page of the reader's own expressions of interest. */
export const myInterestsPath = '/my/interests';

/**
 * A new interest goes to the owner's administrators and editors (its people when it has neither), in
 * their language. No Reply-To: answering from a mail client would give the owner's address away, which an
 * anonymous owner keeps until it accepts; the conversation starts on the platform.
 */
export async function tellOwner(
  tx: Repositories,
  mail: MailSettings,
  { interest, offer, interested, author }: { interest: InterestRow; offer: InterestOfferRow; interested: OrganisationRow; author: UserRow },
): Promise<void> {
  const grants = await tx.accounts.grantsInOrganisation(offer.organisationId);
  const deciders = grants.filter((g) => g.role === 'org_admin' || g.role === 'org_editor');
  const ids = new Set((deciders.length > 0 ? deciders : grants).map((g) => g.userId));
  ids.delete(author.id);
  for (const user of await tx.accounts.usersByIds([...ids])) {
    await sendMail(tx, mail, user, 'interest_received', {
      interested: textIn(interested.name, user.language) || interested.slug,
      author: author.displayName,
      offer: textIn(offer.title, user.language),
      message: interest.message,
      offers: interest.answers.offers,
      expects: interest.answers.expects,
      timeline: interest.answers.timeline,
      link: `${offerPagePath(offer.slug)}#interests`,
    });
  }
}

/** The decision goes to the interest's author, in their language; the owner is named on accept only. */
export async function tellAuthor(
  tx: Repositories,
  mail: MailSettings,
  {
    interest,
    offer,
    owner,
    decision,
  }: { interest: InterestRow; offer: InterestOfferRow; owner: OrganisationRow; decision: 'accepted' | 'declined' },
): Promise<void> {
  if (!interest.authorId) return;
  const [author] = await tx.accounts.usersByIds([interest.authorId]);
  // one who has left the interested organisation since is not told of its business
  const stillThere = (await tx.accounts.grantsInOrganisation(interest.organisationId)).some((g) => g.userId === author?.id);
  if (!author || !stillThere) return;
  const offerTitle = textIn(offer.title, author.language);
  if (decision === 'accepted') {
    await sendMail(tx, mail, author, 'interest_accepted', {
      owner: textIn(owner.name, author.language) || owner.slug,
      offer: offerTitle,
      link: interest.threadId ? `/messages/${interest.threadId}` : myInterestsPath,
    });
  } else {
    await sendMail(tx, mail, author, 'interest_declined', {
      offer: offerTitle,
      reason: interest.declineReason ?? '',
      link: myInterestsPath,
    });
  }
}

/** The thread's first message: the interest's letter and its three answers, in the language it was written in. */
export function firstMessage(interest: Pick<InterestRow, 'message' | 'answers' | 'language'>): string {
  const labels = {
    en: ['What we offer', 'What we expect', 'Our timeline'],
    fr: ['Ce que nous proposons', 'Ce que nous attendons', 'Notre calendrier'],
    ru: ['Что мы предлагаем', 'Чего мы ожидаем', 'Наши сроки'],
  }[interest.language];
  const colon = interest.language === 'fr' ? '\u00a0:' : ':';
  const { offers, expects, timeline } = interest.answers;
  return [interest.message, `${labels[0]}${colon} ${offers}`, `${labels[1]}${colon} ${expects}`, `${labels[2]}${colon} ${timeline}`].join(
    '\n\n',
  );
}
