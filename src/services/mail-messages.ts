import type { Language } from '../shared/languages.js';
// events: one-to-one meetings
import { MEETING_MESSAGES } from './events/meetings/mail-messages.js';
import { REMINDER_MESSAGES } from './jobs/reminder-mail.js';
import { MESSAGING_MESSAGES } from './messaging/mail-messages.js';
// the marketplace: expressions of interest
import { OFFER_INTEREST_MESSAGES } from './offer-interest/mail-messages.js';
import { REGISTRATION_MESSAGES } from './events/registration/mail-messages.js';
// the marketplace (offers and requests)
import { OFFER_EXPIRY_MESSAGES } from './offers/offer-expiry-mail.js';
// events: meeting reminders
import { EVENT_REMINDER_MESSAGES } from './events/outputs/reminder-mail.js';

type Message = (vars: Record<string, string>) => { subject: string; text: string };

/** Every e-mail the platform sends, in the recipient's language. */
export const MESSAGES: Record<string, Record<Language, Message>> = {
  confirm_email: {
    en: (v) => ({
      subject: 'Confirm your e-mail address',
      text: `Hello ${v.name},\n\nConfirm your Clusterbridge account by opening this link within 48 hours:\n${v.link}\n\nIf you did not sign up, ignore this message.`,
    }),
    fr: (v) => ({
      subject: 'Confirmez votre adresse e-mail',
      text: `Bonjour ${v.name},\n\nConfirmez votre compte Clusterbridge en ouvrant ce lien dans les 48 heures :\n${v.link}\n\nSi vous ne vous êtes pas inscrit, ignorez ce message.`,
    }),
    ru: (v) => ({
      subject: 'Подтвердите адрес электронной почты',
      text: `Здравствуйте, ${v.name}!\n\nПодтвердите учётную запись Clusterbridge, открыв эту ссылку в течение 48 часов:\n${v.link}\n\nЕсли вы не регистрировались, не обращайте внимания на это письмо.`,
    }),
  },
  /** Sent instead of a confirmation when someone signs up with an address that has an account already. */
  account_exists: {
    en: (v) => ({
      subject: 'Your Clusterbridge account',
      text: `Hello ${v.name},\n\nSomeone tried to create a Clusterbridge account with your address, which has an account already. If it was you, sign in:\n${v.link}\n\nor, if you forgot your password, reset it:\n${v.resetLink}\n\nIf it was not you, ignore this message: nothing has changed.`,
    }),
    fr: (v) => ({
      subject: 'Votre compte Clusterbridge',
      text: `Bonjour ${v.name},\n\nQuelqu'un a essayé de créer un compte Clusterbridge avec votre adresse, qui a déjà un compte. Si c'était vous, connectez-vous :\n${v.link}\n\nou, si vous avez oublié votre mot de passe, réinitialisez-le :\n${v.resetLink}\n\nSi ce n'était pas vous, ignorez ce message : rien n'a changé.`,
    }),
    ru: (v) => ({
      subject: 'Ваша учётная запись Clusterbridge',
      text: `Здравствуйте, ${v.name}!\n\nКто-то пытался создать учётную запись Clusterbridge с вашим адресом, но учётная запись с ним уже есть. Если это были вы, войдите:\n${v.link}\n\nили, если вы забыли пароль, сбросьте его:\n${v.resetLink}\n\nЕсли это были не вы, не обращайте внимания на это письмо: ничего не изменилось.`,
    }),
  },
  reset_password: {
    en: (v) => ({
      subject: 'Reset your password',
      text: `Hello ${v.name},\n\nTo choose a new password, open this link within one hour:\n${v.link}\n\nIf you did not ask for it, ignore this message: your password stays as it is.`,
    }),
    fr: (v) => ({
      subject: 'Réinitialisez votre mot de passe',
      text: `Bonjour ${v.name},\n\nPour choisir un nouveau mot de passe, ouvrez ce lien dans l'heure :\n${v.link}\n\nSi vous ne l'avez pas demandé, ignorez ce message : votre mot de passe ne change pas.`,
    }),
    ru: (v) => ({
      subject: 'Сброс пароля',
      text: `Здравствуйте, ${v.name}!\n\nЧтобы задать новый пароль, откройте эту ссылку в течение часа:\n${v.link}\n\nЕсли вы не запрашивали сброс, не обращайте внимания на это письмо: пароль останется прежним.`,
    }),
  },
  change_email: {
    en: (v) => ({
      subject: 'Confirm your new e-mail address',
      text: `Hello ${v.name},\n\nTo use this address for your Clusterbridge account, open this link within 48 hours:\n${v.link}`,
    }),
    fr: (v) => ({
      subject: 'Confirmez votre nouvelle adresse e-mail',
      text: `Bonjour ${v.name},\n\nPour utiliser cette adresse pour votre compte Clusterbridge, ouvrez ce lien dans les 48 heures :\n${v.link}`,
    }),
    ru: (v) => ({
      subject: 'Подтвердите новый адрес электронной почты',
      text: `Здравствуйте, ${v.name}!\n\nЧтобы использовать этот адрес для учётной записи Clusterbridge, откройте ссылку в течение 48 часов:\n${v.link}`,
    }),
  },
  invitation: {
    en: (v) => ({
      subject: `Join ${v.organisation} on Clusterbridge`,
      text: `Hello,\n\n${v.inviter} invites you to join ${v.organisation} on Clusterbridge. Open this link within 7 days to accept:\n${v.link}`,
    }),
    fr: (v) => ({
      subject: `Rejoignez ${v.organisation} sur Clusterbridge`,
      text: `Bonjour,\n\n${v.inviter} vous invite à rejoindre ${v.organisation} sur Clusterbridge. Ouvrez ce lien dans les 7 jours pour accepter :\n${v.link}`,
    }),
    ru: (v) => ({
      subject: `Приглашение в ${v.organisation} на Clusterbridge`,
      text: `Здравствуйте!\n\n${v.inviter} приглашает вас в организацию ${v.organisation} на Clusterbridge. Чтобы принять приглашение, откройте ссылку в течение 7 дней:\n${v.link}`,
    }),
  },
  profile_validated: {
    en: (v) => ({
      subject: `${v.organisation}: profile validated`,
      text: `Hello,\n\nThe profile of ${v.organisation} has been validated and is public:\n${v.link}`,
    }),
    fr: (v) => ({
      subject: `${v.organisation} : profil validé`,
      text: `Bonjour,\n\nLe profil de ${v.organisation} a été validé et il est public :\n${v.link}`,
    }),
    ru: (v) => ({
      subject: `${v.organisation}: профиль подтверждён`,
      text: `Здравствуйте!\n\nПрофиль организации ${v.organisation} подтверждён и опубликован:\n${v.link}`,
    }),
  },
  profile_returned: {
    en: (v) => ({
      subject: `${v.organisation}: profile returned`,
      text: `Hello,\n\nThe coordinator returned the profile of ${v.organisation} with this reason:\n\n${v.reason}\n\nEdit it and submit it again:\n${v.link}`,
    }),
    fr: (v) => ({
      subject: `${v.organisation} : profil renvoyé`,
      text: `Bonjour,\n\nLe coordinateur a renvoyé le profil de ${v.organisation} pour la raison suivante :\n\n${v.reason}\n\nModifiez-le puis soumettez-le à nouveau :\n${v.link}`,
    }),
    ru: (v) => ({
      subject: `${v.organisation}: профиль возвращён`,
      text: `Здравствуйте!\n\nКоординатор вернул профиль организации ${v.organisation} по причине:\n\n${v.reason}\n\nИсправьте его и отправьте снова:\n${v.link}`,
    }),
  },
  profile_moving_region: {
    en: (v) => ({
      subject: `${v.organisation} asks to move to ${v.to}`,
      text: `Hello,\n\n${v.organisation}, in ${v.from}, submitted its profile with a new region: ${v.to}. The coordinators of ${v.to} decide on it; you see it read-only until then:\n${v.link}`,
    }),
    fr: (v) => ({
      subject: `${v.organisation} demande à passer en ${v.to}`,
      text: `Bonjour,\n\n${v.organisation}, en ${v.from}, a soumis son profil avec une nouvelle région : ${v.to}. Les coordinateurs de ${v.to} en décident ; vous le voyez en lecture seule d'ici là :\n${v.link}`,
    }),
    ru: (v) => ({
      subject: `${v.organisation} переходит в регион ${v.to}`,
      text: `Здравствуйте!\n\nОрганизация ${v.organisation} (${v.from}) отправила профиль с новым регионом: ${v.to}. Решение принимают координаторы региона ${v.to}; до тех пор профиль доступен вам только для просмотра:\n${v.link}`,
    }),
  },
  /** To the coordinators who decide on a submitted profile (each submission). */
  profile_submitted: {
    en: (v) => ({
      subject: `${v.organisation}: profile submitted for validation`,
      text: `Hello,\n\n${v.organisation} submitted its profile for validation. Review it, with what changed since it was last decided on, and validate or return it:\n${v.link}\n\nYou can receive one digest a day instead: ${v.accountLink}`,
    }),
    fr: (v) => ({
      subject: `${v.organisation} : profil soumis à validation`,
      text: `Bonjour,\n\n${v.organisation} a soumis son profil à validation. Examinez-le, avec ce qui a changé depuis la dernière décision, puis validez-le ou renvoyez-le :\n${v.link}\n\nVous pouvez recevoir un seul récapitulatif par jour : ${v.accountLink}`,
    }),
    ru: (v) => ({
      subject: `${v.organisation}: профиль отправлен на проверку`,
      text: `Здравствуйте!\n\nОрганизация ${v.organisation} отправила профиль на проверку. Посмотрите его и изменения с последнего решения, затем подтвердите или верните:\n${v.link}\n\nВместо отдельных писем можно получать одну сводку в день: ${v.accountLink}`,
    }),
  },
  /** The daily digest: `list` is one line per submission, its name and its review link. */
  submissions_digest: {
    en: (v) => ({
      subject: `Profiles submitted for validation: ${v.count}`,
      text: `Hello,\n\nProfiles submitted since your last digest:\n\n${v.list}\n\nThe validation queue:\n${v.link}`,
    }),
    fr: (v) => ({
      subject: `Profils soumis à validation : ${v.count}`,
      text: `Bonjour,\n\nProfils soumis depuis votre dernier récapitulatif :\n\n${v.list}\n\nLa file de validation :\n${v.link}`,
    }),
    ru: (v) => ({
      subject: `Профили на проверку: ${v.count}`,
      text: `Здравствуйте!\n\nПрофили, отправленные с последней сводки:\n\n${v.list}\n\nОчередь на проверку:\n${v.link}`,
    }),
  },
  ...MESSAGING_MESSAGES,
  ...REMINDER_MESSAGES,
  // the marketplace: expressions of interest
  ...OFFER_INTEREST_MESSAGES,
  // the marketplace (offers and requests)
  ...OFFER_EXPIRY_MESSAGES,
  // events: one-to-one meetings
  ...MEETING_MESSAGES,
  // events: meeting reminders
  ...EVENT_REMINDER_MESSAGES,
  // events: registration
  ...REGISTRATION_MESSAGES,
};
