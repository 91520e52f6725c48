import type { Language } from '../../shared/languages.js';
import { resolveText } from '../../shared/multilingual.js';
import type { OfferKind } from '../../shared/offers.js';
import type { OfferSummary } from '../../shared/schemas/offers.js';

const KIND_NAMES: Record<OfferKind, Record<Language, string>> = {
  technology_offer: { en: 'Technology offer', fr: 'Offre de technologie', ru: 'Технологическое предложение' },
  technology_request: { en: 'Technology request', fr: 'Demande de technologie', ru: 'Технологический запрос' },
  business_offer: { en: 'Business offer', fr: 'Offre commerciale', ru: 'Деловое предложение' },
  business_request: { en: 'Business request', fr: 'Demande commerciale', ru: 'Деловой запрос' },
  rd_partner_search: { en: 'R&D partner search', fr: 'Recherche de partenaire de R&D', ru: 'Поиск партнёра для НИОКР' },
  soft_landing_request: { en: 'Soft-landing request', fr: 'Demande d’accueil (soft landing)', ru: 'Запрос на мягкую посадку' },
};

const WORDS: Record<
  Language,
  {
    subject: (n: number, name: string) => string;
    hello: (name: string) => string;
    intro: (name: string) => string;
    why: string;
    stop: string;
    manage: string;
  }
> = {
  en: {
    subject: (n, name) => `${n} new ${n === 1 ? 'offer' : 'offers'} for «${name}»`,
    hello: (name) => `Hello ${name},`,
    intro: (name) => `New on the marketplace for your saved search «${name}», best first:`,
    why: 'Why',
    stop: 'Stop this digest (one click):',
    manage: 'Your saved searches:',
  },
  // French typography: a no-break space before the high punctuation and inside the guillemets
  fr: {
    subject: (n, name) => `${n} ${n === 1 ? 'nouvelle offre' : 'nouvelles offres'} pour «\u00a0${name}\u00a0»`,
    hello: (name) => `Bonjour ${name},`,
    intro: (name) =>
      `Nouveau sur la place de marché pour votre recherche enregistrée «\u00a0${name}\u00a0», les plus pertinentes d’abord\u00a0:`,
    why: 'Pourquoi',
    stop: 'Arrêter ce résumé (en un clic)\u00a0:',
    manage: 'Vos recherches enregistrées\u00a0:',
  },
  ru: {
    subject: (n, name) => `Новые предложения по запросу «${name}»: ${n}`,
    hello: (name) => `Здравствуйте, ${name}!`,
    intro: (name) => `Новое на площадке по вашему сохранённому поиску «${name}», сначала самое подходящее:`,
    why: 'Почему',
    stop: 'Отписаться от этой рассылки (одним нажатием):',
    manage: 'Ваши сохранённые поиски:',
  },
};

const colon = (language: Language) => (language === 'fr' ? '\u00a0:' : ':');

/**
 * A digest e-mail in the recipient's language: each offer's title (in that language where the offer has
 * it), kind, region and the reasons it was found, and its address. It names no offer's owner (a digest is
 * read as by anyone: an anonymous offer's owner stays hidden), and carries the unsubscribe address in its
 * text as well as in its headers.
 */
export function digestMail(
  language: Language,
  vars: {
    recipient: string;
    searchName: string;
    offers: OfferSummary[];
    offerLink: (slug: string) => string;
    unsubscribeLink: string;
    manageLink: string;
  },
): { subject: string; text: string } {
  const w = WORDS[language];
  const lines = vars.offers.map((offer, i) => {
    const title = resolveText(offer.title, language)?.text ?? '';
    const why = offer.why.map((r) => r.text).join('; ');
    return [
      `${i + 1}. ${title}`,
      `   ${KIND_NAMES[offer.kind][language]} · ${offer.regionCode}`,
      ...(why ? [`   ${w.why}${colon(language)} ${why}`] : []),
      `   ${vars.offerLink(offer.slug)}`,
    ].join('\n');
  });
  return {
    subject: w.subject(vars.offers.length, vars.searchName),
    text: [
      w.hello(vars.recipient),
      '',
      w.intro(vars.searchName),
      '',
      lines.join('\n\n'),
      '',
      w.manage,
      vars.manageLink,
      '',
      w.stop,
      vars.unsubscribeLink,
    ].join('\n'),
  };
}
