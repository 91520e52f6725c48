import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireActor } from '../../services/access.js';
import type { Services } from '../../services/index.js';
import { SUBMISSION_EMAILS } from '../../shared/roles.js';
import { SlugSchema } from '../../shared/schemas/organisations.js';
import { ProfileReviewSchema } from '../../shared/schemas/review.js';
import { sendVersion } from '../versioning.js';
import { errors } from './responses.js';

const NotificationSettings = Type.Object(
  {
    submissionEmails: Type.Enum(SUBMISSION_EMAILS, {
      description: 'each: an e-mail for each profile submitted in my regions; daily: one digest a day',
    }),
  },
  { additionalProperties: false },
);

/** The coordinators' review of a submitted profile, and how they hear of submissions. */
export const reviewRoutes =
  (services: Services): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/organisations/:slug/review',
      {
        schema: {
          tags: ['validation'],
          summary: 'A submitted profile in full, with what changed since it was last validated or returned',
          description: 'Send the version (also the ETag) back as If-Match with the decision.',
          params: Type.Object({ slug: SlugSchema }),
          response: { 200: ProfileReviewSchema, ...errors },
        },
      },
      async (request, reply) => {
        const review = await services.reviews.review(request.actor, request.params.slug);
        sendVersion(reply, review.version);
        return review;
      },
    );

    app.get(
      '/me/notifications',
      {
        schema: {
          tags: ['accounts'],
          summary: 'How I hear of submitted profiles',
          response: { 200: NotificationSettings, ...errors },
        },
      },
      async (request) => ({ submissionEmails: requireActor(request.actor).user.submissionEmails }),
    );

    app.put(
      '/me/notifications',
      {
        schema: {
          tags: ['accounts'],
          summary: 'Choose an e-mail for each submitted profile or one digest a day',
          body: NotificationSettings,
          response: { 200: NotificationSettings, ...errors },
        },
      },
      async (request) => {
        await services.notices.setSubmissionEmails(request.actor, request.body.submissionEmails);
        return { submissionEmails: request.body.submissionEmails };
      },
    );
  };
