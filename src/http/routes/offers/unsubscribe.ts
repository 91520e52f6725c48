import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../../services/errors.js';
import type { Services } from '../../../services/index.js';
import { matchLanguage, type Language } from '../../../shared/languages.js';
import { errors } from '../responses.js';

const ParamsSchema = Type.Object({ token: Type.String({ minLength: 1, maxLength: 300 }) });
const AnswerSchema = Type.Object({
  kind: Type.Enum(['saved_search', 'follow'] as const),
  unsubscribed: Type.Boolean(),
  /** On GET: how to confirm (a POST of `List-Unsubscribe=One-Click` to the same address). */
  confirm: Type.Optional(Type.String()),
});

const invalidLink = () => new AppError('not_found', 'This unsubscribe link is not valid, or its subscription no longer exists.', 'params.token');

const PAGE: Record<Language, { title: string; ask: string; button: string; done: string }> = {
  en: {
    title: 'Unsubscribe',
    ask: 'Stop these e-mails? Your saved search stays in your account.',
    button: 'Unsubscribe',
    done: 'You are unsubscribed: no more of these e-mails.',
  },
  fr: {
    title: 'Se désabonner',
    ask: 'Ne plus recevoir ces courriels ? Votre recherche enregistrée reste dans votre compte.',
    button: 'Se désabonner',
    done: 'Vous êtes désabonné : vous ne recevrez plus ces courriels.',
  },
  ru: {
    title: 'Отписаться',
    ask: 'Больше не получать эти письма? Сохранённый поиск останется в вашей учётной записи.',
    button: 'Отписаться',
    done: 'Вы отписаны: эти письма больше не придут.',
  },
};

const page = (lang: Language, body: string) =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${PAGE[lang].title} — Clusterbridge</title></head><body style="font-family:sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem">${body}</body></html>`;

/**
 * One-click unsubscribe (RFC 8058), registered outside the session's scope: a mail client POSTs
 * `List-Unsubscribe=One-Click` without cookies or an anti-forgery token, and the link's HMAC is its proof
 * (docs/decisions.md). GET never unsubscribes (mail scanners follow links): it asks to confirm.
 */
export const unsubscribeRoutes =
  (services: Services): FastifyPluginAsyncTypebox =>
  async (app) => {
    // RFC 8058's body; a multipart one (some clients send it) carries nothing more to read
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_request, body, done) =>
      done(null, Object.fromEntries(new URLSearchParams(body as string))),
    );
    app.addContentTypeParser('multipart/form-data', { parseAs: 'string', bodyLimit: 4096 }, (_request, _body, done) => done(null, {}));

    const wantsPage = (accept: string | undefined) => /text\/html/.test(accept ?? '');

    app.get(
      '/unsubscribe/:token',
      {
        schema: {
          tags: ['marketplace'],
          summary: 'An unsubscribe link, opened',
          description:
            'Does not unsubscribe (mail scanners follow links): answers whether the link is valid and asks to confirm with a POST of `List-Unsubscribe=One-Click` — a small page with that button for a browser.',
          params: ParamsSchema,
          response: { 200: AnswerSchema, 400: errors[400], 404: errors[404] },
        },
      },
      async (request, reply) => {
        const target = await services.unsubscribe.read(request.params.token);
        if (!target) throw invalidLink();
        reply.header('cache-control', 'no-store');
        if (wantsPage(request.headers.accept)) {
          const lang = matchLanguage(request.headers['accept-language']);
          const text = PAGE[lang];
          return reply
            .type('text/html; charset=utf-8')
            .send(
              page(
                lang,
                `<h1>${text.title}</h1><p>${text.ask}</p><form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${text.button}</button></form>`,
              ),
            );
        }
        return { kind: target.kind, unsubscribed: false, confirm: 'POST List-Unsubscribe=One-Click to this address' };
      },
    );

    app.post(
      '/unsubscribe/:token',
      {
        schema: {
          tags: ['marketplace'],
          summary: 'One-click unsubscribe (RFC 8058)',
          description:
            'Body `List-Unsubscribe=One-Click` (application/x-www-form-urlencoded). No sign-in: the link is its own proof. Stops a saved search’s digest, or ends the following of an offer. Repeating it is harmless.',
          params: ParamsSchema,
          response: { 200: AnswerSchema, 400: errors[400], 404: errors[404] },
        },
      },
      async (request, reply) => {
        const body = (request.body ?? {}) as Record<string, unknown>;
        if (body['List-Unsubscribe'] !== undefined && body['List-Unsubscribe'] !== 'One-Click') {
          throw new AppError('validation_failed', 'body.List-Unsubscribe must be One-Click.', 'body.List-Unsubscribe');
        }
        const target = await services.unsubscribe.unsubscribe(request.params.token);
        if (!target) throw invalidLink();
        reply.header('cache-control', 'no-store');
        if (wantsPage(request.headers.accept)) {
          const lang = matchLanguage(request.headers['accept-language']);
          return reply.type('text/html; charset=utf-8').send(page(lang, `<h1>${PAGE[lang].title}</h1><p>${PAGE[lang].done}</p>`));
        }
        return { kind: target.kind, unsubscribed: true };
      },
    );
  };
