import type { Language } from '../../../shared/languages.js';

type Message = (vars: Record<string, string>) => { subject: string; text: string };

/** The e-mails of one-to-one meetings, in the recipient's language (spread into services/mail-messages.ts MESSAGES). */
export const MEETING_MESSAGES: Record<string, Record<Language, Message>> = {
  /** To the recipient of a request. */
  meeting_request_received: {
    en: (v) => ({
      subject: `${v.requester} would like to meet you at "${v.event}"`,
      text: `Hello,\n\n${v.requester}${v.organisation ? ` (${v.organisation})` : ''} asks for a one-to-one meeting with you at "${v.event}".${v.message ? `\n\n${v.message}` : ''}\n\nAccept or decline on the platform:\n${v.link}`,
    }),
    fr: (v) => ({
      subject: `${v.requester} souhaite vous rencontrer à « ${v.event} »`,
      text: `Bonjour,\n\n${v.requester}${v.organisation ? ` (${v.organisation})` : ''} vous propose un rendez-vous individuel à « ${v.event} ».${v.message ? `\n\n${v.message}` : ''}\n\nAcceptez ou déclinez sur la plateforme :\n${v.link}`,
    }),
    ru: (v) => ({
      subject: `${v.requester} предлагает встречу на «${v.event}»`,
      text: `Здравствуйте!\n\n${v.requester}${v.organisation ? ` (${v.organisation})` : ''} предлагает вам деловую встречу один на один на «${v.event}».${v.message ? `\n\n${v.message}` : ''}\n\nПримите или отклоните запрос на платформе:\n${v.link}`,
    }),
  },
  /** To the requester: accepted. */
  meeting_request_accepted: {
    en: (v) => ({
      subject: `${v.other} accepted your meeting request at "${v.event}"`,
      text: `Hello,\n\n${v.other} accepted your request for a one-to-one meeting at "${v.event}". The schedule gives it a time and a table.\n\n${v.link}`,
    }),
    fr: (v) => ({
      subject: `${v.other} a accepté votre demande de rendez-vous à « ${v.event} »`,
      text: `Bonjour,\n\n${v.other} a accepté votre demande de rendez-vous individuel à « ${v.event} ». Le planning lui donnera une heure et une table.\n\n${v.link}`,
    }),
    ru: (v) => ({
      subject: `${v.other} принял(а) ваш запрос на встречу на «${v.event}»`,
      text: `Здравствуйте!\n\n${v.other} принял(а) ваш запрос на встречу один на один на «${v.event}». Время и стол назначит расписание.\n\n${v.link}`,
    }),
  },
  /** To the requester: declined. */
  meeting_request_declined: {
    en: (v) => ({
      subject: `Your meeting request at "${v.event}" was declined`,
      text: `Hello,\n\n${v.other} declined your request for a one-to-one meeting at "${v.event}".${v.reason ? `\n\nTheir reason:\n${v.reason}` : ''}\n\n${v.link}`,
    }),
    fr: (v) => ({
      subject: `Votre demande de rendez-vous à « ${v.event} » a été déclinée`,
      text: `Bonjour,\n\n${v.other} a décliné votre demande de rendez-vous individuel à « ${v.event} ».${v.reason ? `\n\nSa raison :\n${v.reason}` : ''}\n\n${v.link}`,
    }),
    ru: (v) => ({
      subject: `Ваш запрос на встречу на «${v.event}» отклонён`,
      text: `Здравствуйте!\n\n${v.other} отклонил(а) ваш запрос на встречу один на один на «${v.event}».${v.reason ? `\n\nПричина:\n${v.reason}` : ''}\n\n${v.link}`,
    }),
  },
  /** To the other side: a request or meeting called off. */
  meeting_request_cancelled: {
    en: (v) => ({
      subject: `${v.other} called off your meeting at "${v.event}"`,
      text: `Hello,\n\n${v.other} called off the one-to-one meeting with you at "${v.event}".\n\n${v.link}`,
    }),
    fr: (v) => ({
      subject: `${v.other} a annulé votre rendez-vous à « ${v.event} »`,
      text: `Bonjour,\n\n${v.other} a annulé le rendez-vous individuel prévu avec vous à « ${v.event} ».\n\n${v.link}`,
    }),
    ru: (v) => ({
      subject: `${v.other} отменил(а) встречу на «${v.event}»`,
      text: `Здравствуйте!\n\n${v.other} отменил(а) встречу один на один с вами на «${v.event}».\n\n${v.link}`,
    }),
  },
  /** To each participant with meetings: the final schedule is out. */
  meeting_schedule_published: {
    en: (v) => ({
      subject: `Your meetings at "${v.event}"`,
      text: `Hello,\n\nThe schedule of one-to-one meetings at "${v.event}" is final. Your meetings (times in ${v.timeZone}):\n\n${v.meetings}\n\nYour agenda, with its calendar file:\n${v.link}`,
    }),
    fr: (v) => ({
      subject: `Vos rendez-vous à « ${v.event} »`,
      text: `Bonjour,\n\nLe planning des rendez-vous individuels de « ${v.event} » est définitif. Vos rendez-vous (heures de ${v.timeZone}) :\n\n${v.meetings}\n\nVotre agenda, avec son fichier de calendrier :\n${v.link}`,
    }),
    ru: (v) => ({
      subject: `Ваши встречи на «${v.event}»`,
      text: `Здравствуйте!\n\nРасписание встреч один на один на «${v.event}» утверждено. Ваши встречи (время ${v.timeZone}):\n\n${v.meetings}\n\nВаша программа и файл календаря:\n${v.link}`,
    }),
  },
};
