import type { Language } from '../../shared/languages.js';

type Message = (vars: Record<string, string>) => { subject: string; text: string };

/**
 * The e-mails of message threads, in the recipient's language (spread into mail-messages.ts MESSAGES).
 * The message itself is quoted whole, so that the reader can answer from their mail client (Reply-To).
 */
export const MESSAGING_MESSAGES: Record<string, Record<Language, Message>> = {
  thread_started: {
    en: (v) => ({
      subject: `${v.sender} writes to ${v.organisation}: ${v.title}`,
      text: `Hello,\n\n${v.author} of ${v.sender} wrote to ${v.organisation} on Clusterbridge:\n\n${v.title}\n\n${v.body}\n\nAnswer on the platform:\n${v.link}\n\nor answer this e-mail: it goes to ${v.author}.`,
    }),
    fr: (v) => ({
      subject: `${v.sender} écrit à l’organisation « ${v.organisation} » : ${v.title}`,
      text: `Bonjour,\n\n${v.author}, de l’organisation « ${v.sender} », a écrit à l’organisation « ${v.organisation} » sur Clusterbridge :\n\n${v.title}\n\n${v.body}\n\nRépondez sur la plateforme :\n${v.link}\n\nou répondez à cet e-mail : la réponse ira à ${v.author}.`,
    }),
    ru: (v) => ({
      subject: `${v.sender} пишет в ${v.organisation}: ${v.title}`,
      text: `Здравствуйте!\n\n${v.author} из организации «${v.sender}» написал(а) в организацию ${v.organisation} на Clusterbridge:\n\n${v.title}\n\n${v.body}\n\nОтветить на платформе:\n${v.link}\n\nили ответьте на это письмо: ответ получит ${v.author}.`,
    }),
  },
  /** To the public contact of an organisation that has no administrator on the platform: answer by e-mail. */
  thread_to_contact: {
    en: (v) => ({
      subject: `${v.sender} writes to ${v.organisation}: ${v.title}`,
      text: `Hello,\n\n${v.author} of ${v.sender} wrote to ${v.organisation} on Clusterbridge, the cooperation platform where your organisation has a profile, at the address it gives as its contact:\n\n${v.title}\n\n${v.body}\n\nAnswer this e-mail: it goes to ${v.author}.`,
    }),
    fr: (v) => ({
      subject: `${v.sender} écrit à l’organisation « ${v.organisation} » : ${v.title}`,
      text: `Bonjour,\n\n${v.author}, de l’organisation « ${v.sender} », a écrit à l’organisation « ${v.organisation} » sur Clusterbridge, la plateforme de coopération où votre organisation a un profil, à l’adresse de contact qu’elle indique :\n\n${v.title}\n\n${v.body}\n\nRépondez à cet e-mail : la réponse ira à ${v.author}.`,
    }),
    ru: (v) => ({
      subject: `${v.sender} пишет в ${v.organisation}: ${v.title}`,
      text: `Здравствуйте!\n\n${v.author} из организации «${v.sender}» написал(а) в организацию ${v.organisation} на Clusterbridge — платформе сотрудничества, где у вашей организации есть профиль, — по указанному в нём контактному адресу:\n\n${v.title}\n\n${v.body}\n\nОтветьте на это письмо: ответ получит ${v.author}.`,
    }),
  },
  thread_reply: {
    en: (v) => ({
      subject: `Re: ${v.title}`,
      text: `Hello,\n\n${v.author} of ${v.from} answered in the conversation "${v.title}" on Clusterbridge:\n\n${v.body}\n\nRead and answer on the platform:\n${v.link}`,
    }),
    fr: (v) => ({
      subject: `Re : ${v.title}`,
      text: `Bonjour,\n\n${v.author}, de l’organisation « ${v.from} », a répondu dans la conversation « ${v.title} » sur Clusterbridge :\n\n${v.body}\n\nLisez et répondez sur la plateforme :\n${v.link}`,
    }),
    ru: (v) => ({
      subject: `Re: ${v.title}`,
      text: `Здравствуйте!\n\n${v.author} из организации «${v.from}» ответил(а) в переписке «${v.title}» на Clusterbridge:\n\n${v.body}\n\nПрочитать и ответить на платформе:\n${v.link}`,
    }),
  },
};
