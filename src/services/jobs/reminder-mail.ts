import type { Language } from '../../shared/languages.js';
import { formatPartialDate } from '../../shared/partial-date.js';

type Message = (vars: Record<string, string>) => { subject: string; text: string };

/** The locale dates are written in for each language (British English: "15 June 2027", not "June 15"). */
const LOCALES: Record<Language, string> = { ru: 'ru-RU', fr: 'fr-FR', en: 'en-GB' };

/** A partial date as the recipient reads it, at its own precision: "2027", "juin 2027", "15 июня 2027 г.". */
export const dateIn = (value: string, language: Language) => formatPartialDate(value, LOCALES[language]);

const DAY_WORDS: Record<Language, Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }> = {
  ru: { one: 'день', few: 'дня', many: 'дней', other: 'дня' },
  fr: { one: 'jour', other: 'jours' },
  en: { one: 'day', other: 'days' },
};

/** "30 days", "30 jours", "30 дней": the count with its plural. */
export function daysIn(count: number, language: Language): string {
  const words = DAY_WORDS[language];
  return `${count} ${words[new Intl.PluralRules(LOCALES[language]).select(count)] ?? words.other}`;
}

/** The reminders' e-mails (services/jobs/reminders.ts), in the recipient's language. */
export const REMINDER_MESSAGES: Record<string, Record<Language, Message>> = {
  /** `ends` is the validity's end as recorded (partial), `days` how far off its last day is. */
  agreement_ending: {
    en: (v) => ({
      subject: `${v.title}: the agreement ends in ${v.days}`,
      text: `Hello,\n\nThe agreement «${v.title}», to which ${v.organisation} is a party, ends in ${v.days} (valid until: ${v.ends}). If it is to go on, agree on its renewal with the other parties in time, and record it on the platform:\n${v.link}`,
    }),
    fr: (v) => ({
      subject: `${v.title} : l'accord prend fin dans ${v.days}`,
      text: `Bonjour,\n\nL'accord « ${v.title} », auquel ${v.organisation} est partie, arrive à échéance dans ${v.days} (fin de validité : ${v.ends}). S'il doit se poursuivre, convenez à temps de son renouvellement avec les autres parties et enregistrez-le sur la plateforme :\n${v.link}`,
    }),
    ru: (v) => ({
      subject: `${v.title}: соглашение истекает через ${v.days}`,
      text: `Здравствуйте!\n\nСоглашение «${v.title}», стороной которого является ${v.organisation}, истекает через ${v.days} (действует до: ${v.ends}). Если его нужно продлить, договоритесь о продлении с другими сторонами заранее и отметьте это на платформе:\n${v.link}`,
    }),
  },
  /** `milestone` and `due` name the overdue milestone of the initiative `title`. */
  milestone_overdue: {
    en: (v) => ({
      subject: `${v.title}: milestone «${v.milestone}» is overdue`,
      text: `Hello,\n\nThe milestone «${v.milestone}» of the joint initiative «${v.title}», in which ${v.organisation} takes part, was due on ${v.due} and is not marked as done. Mark it done, or agree on a new date with the other parties:\n${v.link}`,
    }),
    fr: (v) => ({
      subject: `${v.title} : le jalon « ${v.milestone} » est en retard`,
      text: `Bonjour,\n\nLe jalon « ${v.milestone} » de l'initiative commune « ${v.title} », à laquelle ${v.organisation} participe, était prévu pour le ${v.due} et n'est pas marqué comme atteint. Marquez-le comme atteint, ou convenez d'une nouvelle date avec les autres parties :\n${v.link}`,
    }),
    ru: (v) => ({
      subject: `${v.title}: просрочен этап «${v.milestone}»`,
      text: `Здравствуйте!\n\nЭтап «${v.milestone}» совместной инициативы «${v.title}», в которой участвует ${v.organisation}, должен был быть завершён к дате ${v.due}, но не отмечен как выполненный. Отметьте его выполненным или согласуйте новую дату с другими сторонами:\n${v.link}`,
    }),
  },
};
