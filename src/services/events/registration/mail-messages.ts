import type { Language } from '../../../shared/languages.js';

type Message = (vars: Record<string, string>) => { subject: string; text: string };

const reasonEn = (r: string) => (r ? `\n\nThe organisers' reason:\n${r}` : '');
const reasonFr = (r: string) => (r ? `\n\nLa raison des organisateurs :\n${r}` : '');
const reasonRu = (r: string) => (r ? `\n\nПричина, указанная организаторами:\n${r}` : '');

/**
 * The e-mails of registration for events, in the registrant's language (spread into mail-messages.ts
 * MESSAGES): registered, awaiting approval, on the waiting list, confirmed from it or on approval, declined,
 * cancelled by the organisers. `when` is the event's date and time in its own time zone.
 */
export const REGISTRATION_MESSAGES: Record<string, Record<Language, Message>> = {
  registration_confirmed: {
    en: (v) => ({
      subject: `You are registered: ${v.event}`,
      text: `Hello ${v.name},\n\nYour registration for "${v.event}" (${v.when}) as ${v.type} is confirmed.\n\nThe event's page:\n${v.link}`,
    }),
    fr: (v) => ({
      subject: `Votre inscription est confirmée : ${v.event}`,
      text: `Bonjour ${v.name},\n\nVotre inscription à « ${v.event} » (${v.when}) en tant que ${v.type} est confirmée.\n\nLa page de l’événement :\n${v.link}`,
    }),
    ru: (v) => ({
      subject: `Вы зарегистрированы: ${v.event}`,
      text: `Здравствуйте, ${v.name}!\n\nВаша регистрация на «${v.event}» (${v.when}) в качестве «${v.type}» подтверждена.\n\nСтраница мероприятия:\n${v.link}`,
    }),
  },
  registration_pending: {
    en: (v) => ({
      subject: `Registration received, awaiting approval: ${v.event}`,
      text: `Hello ${v.name},\n\nWe received your registration for "${v.event}" (${v.when}) as ${v.type}. The organisers approve each registration of this kind: you will receive an e-mail once they have decided.\n\nThe event's page:\n${v.link}`,
    }),
    fr: (v) => ({
      subject: `Inscription reçue, en attente de validation : ${v.event}`,
      text: `Bonjour ${v.name},\n\nNous avons bien reçu votre inscription à « ${v.event} » (${v.when}) en tant que ${v.type}. Les organisateurs valident chaque inscription de ce type : vous recevrez un courriel dès leur décision.\n\nLa page de l’événement :\n${v.link}`,
    }),
    ru: (v) => ({
      subject: `Заявка получена и ожидает одобрения: ${v.event}`,
      text: `Здравствуйте, ${v.name}!\n\nМы получили вашу заявку на «${v.event}» (${v.when}) в качестве «${v.type}». Организаторы одобряют каждую такую заявку: вы получите письмо, когда они примут решение.\n\nСтраница мероприятия:\n${v.link}`,
    }),
  },
  registration_waitlisted: {
    en: (v) => ({
      subject: `On the waiting list: ${v.event}`,
      text: `Hello ${v.name},\n\n"${v.event}" (${v.when}) is full for ${v.type}: you are number ${v.position} on the waiting list. When a place frees, the first on the list is registered and told by e-mail.\n\nThe event's page:\n${v.link}`,
    }),
    fr: (v) => ({
      subject: `Sur la liste d’attente : ${v.event}`,
      text: `Bonjour ${v.name},\n\n« ${v.event} » (${v.when}) est complet pour le type ${v.type} : vous êtes numéro ${v.position} sur la liste d’attente. Quand une place se libère, la première personne de la liste est inscrite et prévenue par courriel.\n\nLa page de l’événement :\n${v.link}`,
    }),
    ru: (v) => ({
      subject: `Вы в листе ожидания: ${v.event}`,
      text: `Здравствуйте, ${v.name}!\n\nНа «${v.event}» (${v.when}) в категории «${v.type}» мест нет: вы под номером ${v.position} в листе ожидания. Когда место освободится, первый в списке будет зарегистрирован и получит письмо.\n\nСтраница мероприятия:\n${v.link}`,
    }),
  },
  registration_promoted: {
    en: (v) => ({
      subject: `A place freed, you are registered: ${v.event}`,
      text: `Hello ${v.name},\n\nA place freed for "${v.event}" (${v.when}): your registration as ${v.type}, on the waiting list until now, is confirmed.\n\nIf you cannot come any more, cancel it on the event's page, so that the next person gets the place:\n${v.link}`,
    }),
    fr: (v) => ({
      subject: `Une place s’est libérée, vous êtes inscrit(e) : ${v.event}`,
      text: `Bonjour ${v.name},\n\nUne place s’est libérée pour « ${v.event} » (${v.when}) : votre inscription en tant que ${v.type}, jusqu’ici sur la liste d’attente, est confirmée.\n\nSi vous ne pouvez plus venir, annulez-la sur la page de l’événement, pour que la personne suivante ait la place :\n${v.link}`,
    }),
    ru: (v) => ({
      subject: `Освободилось место, вы зарегистрированы: ${v.event}`,
      text: `Здравствуйте, ${v.name}!\n\nНа «${v.event}» (${v.when}) освободилось место: ваша регистрация в качестве «${v.type}», до сих пор в листе ожидания, подтверждена.\n\nЕсли вы не сможете прийти, отмените её на странице мероприятия, чтобы место получил следующий:\n${v.link}`,
    }),
  },
  registration_declined: {
    en: (v) => ({
      subject: `Registration declined: ${v.event}`,
      text: `Hello ${v.name},\n\nThe organisers of "${v.event}" (${v.when}) declined your registration as ${v.type}.${reasonEn(v.reason ?? '')}\n\nThe event's page:\n${v.link}`,
    }),
    fr: (v) => ({
      subject: `Inscription refusée : ${v.event}`,
      text: `Bonjour ${v.name},\n\nLes organisateurs de « ${v.event} » (${v.when}) ont refusé votre inscription en tant que ${v.type}.${reasonFr(v.reason ?? '')}\n\nLa page de l’événement :\n${v.link}`,
    }),
    ru: (v) => ({
      subject: `Заявка отклонена: ${v.event}`,
      text: `Здравствуйте, ${v.name}!\n\nОрганизаторы «${v.event}» (${v.when}) отклонили вашу заявку в качестве «${v.type}».${reasonRu(v.reason ?? '')}\n\nСтраница мероприятия:\n${v.link}`,
    }),
  },
  registration_cancelled: {
    en: (v) => ({
      subject: `Registration cancelled: ${v.event}`,
      text: `Hello ${v.name},\n\nYour registration for "${v.event}" (${v.when}) as ${v.type} is cancelled.${reasonEn(v.reason ?? '')}\n\nThe event's page:\n${v.link}`,
    }),
    fr: (v) => ({
      subject: `Inscription annulée : ${v.event}`,
      text: `Bonjour ${v.name},\n\nVotre inscription à « ${v.event} » (${v.when}) en tant que ${v.type} est annulée.${reasonFr(v.reason ?? '')}\n\nLa page de l’événement :\n${v.link}`,
    }),
    ru: (v) => ({
      subject: `Регистрация отменена: ${v.event}`,
      text: `Здравствуйте, ${v.name}!\n\nВаша регистрация на «${v.event}» (${v.when}) в качестве «${v.type}» отменена.${reasonRu(v.reason ?? '')}\n\nСтраница мероприятия:\n${v.link}`,
    }),
  },
};
