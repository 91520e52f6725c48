import type { Language } from '../../../shared/languages.js';

type Message = (vars: Record<string, string>) => { subject: string; text: string };

/**
 * The reminder of one's meetings at an event, in the participant's language (spread into
 * mail-messages.ts MESSAGES). `list` is one line per meeting: day, times in the event's zone (named),
 * table, the other side.
 */
export const EVENT_REMINDER_MESSAGES: Record<string, Record<Language, Message>> = {
  event_meetings_reminder: {
    en: (v) => ({
      subject: `Your meetings at "${v.event}"`,
      text: `Hello ${v.name},\n\nA reminder of your one-to-one meetings at "${v.event}":\n\n${v.list}\n\nYour agenda (also as a calendar file and a PDF):\n${v.link}`,
    }),
    fr: (v) => ({
      subject: `Vos rendez-vous à « ${v.event} »`,
      text: `Bonjour ${v.name},\n\nPour rappel, vos rendez-vous individuels à « ${v.event} » :\n\n${v.list}\n\nVotre programme (aussi en fichier de calendrier et en PDF) :\n${v.link}`,
    }),
    ru: (v) => ({
      subject: `Ваши встречи на «${v.event}»`,
      text: `Здравствуйте, ${v.name}!\n\nНапоминаем о ваших деловых встречах на «${v.event}»:\n\n${v.list}\n\nВаша программа (также в виде файла календаря и PDF):\n${v.link}`,
    }),
  },
};
