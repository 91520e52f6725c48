import type { Language } from '../../shared/languages.js';

type Message = (vars: Record<string, string>) => { subject: string; text: string };

/**
 * The e-mails of expressions of interest, in the recipient's language (spread into mail-messages.ts
 * MESSAGES). What goes to the interested side before the owner accepts names the offer by its title
 * alone: an anonymous offer's owner is in none of them (`owner` is given on accept only).
 */
export const OFFER_INTEREST_MESSAGES: Record<string, Record<Language, Message>> = {
  /** To the owner's administrators and editors. */
  interest_received: {
    en: (v) => ({
      subject: `${v.interested} is interested in "${v.offer}"`,
      text: `Hello,\n\n${v.author} of ${v.interested} expressed interest in your offer "${v.offer}" on Clusterbridge:\n\n${v.message}\n\nWhat they offer: ${v.offers}\nWhat they expect: ${v.expects}\nTheir timeline: ${v.timeline}\n\nAccept or decline on the platform:\n${v.link}\n\nOn accept, a conversation opens on the platform and both sides see each other's contacts.`,
    }),
    fr: (v) => ({
      subject: `L’organisation « ${v.interested} » s’intéresse à « ${v.offer} »`,
      text: `Bonjour,\n\n${v.author}, de l’organisation « ${v.interested} », s’intéresse à votre offre « ${v.offer} » sur Clusterbridge :\n\n${v.message}\n\nCe qu’elle propose : ${v.offers}\nCe qu’elle attend : ${v.expects}\nSon calendrier : ${v.timeline}\n\nAcceptez ou déclinez sur la plateforme :\n${v.link}\n\nSi vous acceptez, une conversation s’ouvre sur la plateforme et chacun voit les coordonnées de l’autre.`,
    }),
    ru: (v) => ({
      subject: `Организация «${v.interested}» проявила интерес к «${v.offer}»`,
      text: `Здравствуйте!\n\n${v.author} из организации «${v.interested}» проявил(а) интерес к вашему предложению «${v.offer}» на Clusterbridge:\n\n${v.message}\n\nЧто предлагает: ${v.offers}\nЧего ожидает: ${v.expects}\nСроки: ${v.timeline}\n\nПримите или отклоните на платформе:\n${v.link}\n\nЕсли вы примете интерес, на платформе откроется переписка и стороны увидят контакты друг друга.`,
    }),
  },
  /** To the interested author: the owner is named now. */
  interest_accepted: {
    en: (v) => ({
      subject: `${v.owner} accepted your interest in "${v.offer}"`,
      text: `Hello,\n\n${v.owner} accepted your expression of interest in "${v.offer}" on Clusterbridge. The conversation goes on on the platform, where you see each other's contacts:\n${v.link}`,
    }),
    fr: (v) => ({
      subject: `L’organisation « ${v.owner} » a accepté votre intérêt pour « ${v.offer} »`,
      text: `Bonjour,\n\nL’organisation « ${v.owner} » a accepté votre manifestation d’intérêt pour « ${v.offer} » sur Clusterbridge. La conversation se poursuit sur la plateforme, où chacun voit les coordonnées de l’autre :\n${v.link}`,
    }),
    ru: (v) => ({
      subject: `Организация «${v.owner}» приняла ваш интерес к «${v.offer}»`,
      text: `Здравствуйте!\n\nОрганизация «${v.owner}» приняла ваше выражение интереса к «${v.offer}» на Clusterbridge. Переписка продолжается на платформе, где вы видите контакты друг друга:\n${v.link}`,
    }),
  },
  /** To the interested author: the offer by its title only (an anonymous owner stays hidden). */
  interest_declined: {
    en: (v) => ({
      subject: `Your interest in "${v.offer}" was declined`,
      text: `Hello,\n\nThe owner of "${v.offer}" declined your expression of interest on Clusterbridge.${v.reason ? `\n\nTheir reason:\n${v.reason}` : ''}\n\nYour expressions of interest:\n${v.link}`,
    }),
    fr: (v) => ({
      subject: `Votre intérêt pour « ${v.offer} » a été décliné`,
      text: `Bonjour,\n\nL’auteur de l’offre « ${v.offer} » a décliné votre manifestation d’intérêt sur Clusterbridge.${v.reason ? `\n\nSa raison :\n${v.reason}` : ''}\n\nVos manifestations d’intérêt :\n${v.link}`,
    }),
    ru: (v) => ({
      subject: `Ваш интерес к «${v.offer}» отклонён`,
      text: `Здравствуйте!\n\nАвтор предложения «${v.offer}» отклонил ваше выражение интереса на Clusterbridge.${v.reason ? `\n\nПричина:\n${v.reason}` : ''}\n\nВаши выражения интереса:\n${v.link}`,
    }),
  },
};
