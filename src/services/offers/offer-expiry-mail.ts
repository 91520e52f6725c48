import type { Language } from '../../shared/languages.js';

type Message = (vars: Record<string, string>) => { subject: string; text: string };

/**
 * The offers' expiry e-mails, in the recipient's language. `title` is the offer's, `organisation` the
 * recipient's own (the owner: they are its people), `ends` its last day, `days` how far off it is, `link`
 * its page, where it is renewed.
 */
export const OFFER_EXPIRY_MESSAGES: Record<string, Record<Language, Message>> = {
  offer_expiring: {
    en: (v) => ({
      subject: `${v.title}: your offer expires in ${v.days}`,
      text: `Hello,\n\nThe offer «${v.title}» of ${v.organisation} is published on the marketplace until ${v.ends}: it expires in ${v.days}. To keep it published, renew it with a new expiry date on its page; to take it down, close it:\n${v.link}`,
    }),
    fr: (v) => ({
      subject: `${v.title} : votre offre expire dans ${v.days}`,
      text: `Bonjour,\n\nL'offre « ${v.title} » de ${v.organisation} est publiée sur la place de marché jusqu'au ${v.ends} : elle expire dans ${v.days}. Pour la garder publiée, renouvelez-la avec une nouvelle date d'expiration depuis sa page ; pour la retirer, clôturez-la :\n${v.link}`,
    }),
    ru: (v) => ({
      subject: `${v.title}: срок публикации истекает через ${v.days}`,
      text: `Здравствуйте!\n\nПредложение «${v.title}» организации ${v.organisation} опубликовано на площадке до ${v.ends}: срок истекает через ${v.days}. Чтобы оно оставалось опубликованным, продлите его, указав новую дату окончания на его странице; чтобы снять его, закройте его:\n${v.link}`,
    }),
  },
};
