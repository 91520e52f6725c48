import type { Language } from '../../../shared/languages.js';

/** The texts of the agendas, calendar entries, badges and grid, in the reader's language. */
export const OUTPUT_LABELS: Record<
  Language,
  {
    meetingWith: (name: string) => string;
    table: (n: number) => string;
    agenda: string;
    participant: string;
    noItems: string;
    cancelled: string;
    counterpart: string;
    schedule: string;
    slot: string;
    preliminary: string;
    room: string;
    badgeScan: string;
    noSlots: string;
  }
> = {
  en: {
    meetingWith: (name) => `Meeting with ${name}`,
    table: (n) => `Table ${n}`,
    agenda: 'My agenda',
    participant: 'Participant',
    noItems: 'Nothing in your agenda yet.',
    cancelled: 'Cancelled',
    counterpart: 'With',
    schedule: 'Meeting schedule',
    slot: 'Time',
    preliminary: 'Preliminary schedule, subject to change',
    room: 'Room',
    badgeScan: 'Scan at check-in',
    noSlots: 'No meeting slots yet.',
  },
  fr: {
    meetingWith: (name) => `Rendez-vous avec ${name}`,
    table: (n) => `Table ${n}`,
    agenda: 'Mon programme',
    participant: 'Participant',
    noItems: 'Rien dans votre programme pour l’instant.',
    cancelled: 'Annulé',
    counterpart: 'Avec',
    schedule: 'Planning des rendez-vous',
    slot: 'Horaire',
    preliminary: 'Planning provisoire, susceptible de changer',
    room: 'Salle',
    badgeScan: 'À scanner à l’accueil',
    noSlots: 'Pas encore de créneaux de rendez-vous.',
  },
  ru: {
    meetingWith: (name) => `Встреча: ${name}`,
    table: (n) => `Стол ${n}`,
    agenda: 'Моя программа',
    participant: 'Участник',
    noItems: 'В вашей программе пока ничего нет.',
    cancelled: 'Отменена',
    counterpart: 'С кем',
    schedule: 'Расписание встреч',
    slot: 'Время',
    preliminary: 'Предварительное расписание, возможны изменения',
    room: 'Зал',
    badgeScan: 'Для регистрации на входе',
    noSlots: 'Слотов для встреч пока нет.',
  },
};
