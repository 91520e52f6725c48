import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { presentOrganisationSummary } from '../../presenters/organisation.presenter.js';
import { requireActor } from '../../services/access.js';
import type { Services } from '../../services/index.js';
import { PROFILE_STATUSES } from '../../shared/roles.js';
import { InvitationBodySchema, MemberListSchema, TokenBodySchema } from '../../shared/schemas/auth.js';
import { OrganisationSummarySchema, SlugSchema } from '../../shared/schemas/organisations.js';
import { InvitationParamsSchema, InvitationPreviewSchema } from '../../shared/schemas/membership.js';
import { ProfileChangesSchema } from '../../shared/schemas/profile.js';
import { ORGANISATION_ROLES } from '../../shared/roles.js';
import { errors } from './responses.js';
import { expectedVersion, IfMatchHeadersSchema, sendVersion } from '../versioning.js';

const Done = Type.Object({ ok: Type.Literal(true) });
const Saved = Type.Object({ ok: Type.Literal(true), version: Type.Integer({ description: 'the new version; also the ETag' }) });
const Params = Type.Object({ slug: SlugSchema });
const tags = ['organisation profiles'];
const Editable = Type.Object({
  slug: Type.String(),
  status: Type.Enum(PROFILE_STATUSES),
  published: Type.Boolean(),
  version: Type.Integer({ description: 'the version to send back as If-Match; also the ETag' }),
  profile: ProfileChangesSchema,
  decisions: Type.Array(
    Type.Object({ decision: Type.String(), reason: Type.Union([Type.String(), Type.Null()]), at: Type.String({ format: 'date-time' }) }),
  ),
});

export const organisationManagementRoutes =
  (services: Services): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/me/organisations',
      {
        schema: {
          tags,
          summary: 'The organisations I belong to, with their profile status',
          response: {
            200: Type.Object({
              items: Type.Array(
                Type.Object({
                  ...OrganisationSummarySchema.properties,
                  status: Type.Enum(PROFILE_STATUSES),
                  published: Type.Boolean(),
                  myRole: Type.String(),
                }),
              ),
            }),
            ...errors,
          },
        },
      },
      async (request) => {
        const actor = requireActor(request.actor);
        const roles = new Map(actor.grants.filter((g) => g.organisationId).map((g) => [g.organisationId!, g.role]));
        const rows = await services.repos.organisations.byIds([...roles.keys()]);
        return {
          items: rows.map((o) => ({
            ...presentOrganisationSummary(o),
            status: o.status,
            published: o.published,
            myRole: roles.get(o.id)!,
          })),
        };
      },
    );

    app.post(
      '/organisations',
      {
        schema: {
          tags,
          summary: 'Create an organisation (a draft; I become its administrator)',
          body: ProfileChangesSchema,
          response: { 201: Type.Object({ slug: Type.String() }), ...errors },
        },
      },
      async (request, reply) => {
        const org = await services.profiles.create(request.actor, request.body);
        return reply.status(201).send({ slug: org.slug });
      },
    );

    app.get(
      '/organisations/:slug/profile',
      {
        schema: {
          tags,
          summary: 'The profile as its editors see it, with the decisions so far',
          params: Params,
          response: { 200: Editable, ...errors },
        },
      },
      async (request, reply) => {
        const { org, profile } = await services.profiles.editable(request.actor, request.params.slug);
        const decisions = await services.profiles.history(request.actor, org.slug);
        sendVersion(reply, org.version);
        return {
          slug: org.slug,
          status: org.status,
          published: org.published,
          version: org.version,
          profile,
          decisions: decisions.map((d) => ({ decision: d.decision, reason: d.reason, at: d.at.toISOString() })),
        };
      },
    );

    app.put(
      '/organisations/:slug/profile',
      {
        schema: {
          tags,
          summary: 'Save profile changes as a draft',
          description: 'With If-Match (the ETag of the GET), a profile saved by someone else since is refused: 409 version_conflict.',
          params: Params,
          headers: IfMatchHeadersSchema,
          body: ProfileChangesSchema,
          response: { 200: Saved, ...errors },
        },
      },
      async (request, reply) => {
        const version = await services.profiles.update(request.actor, request.params.slug, request.body, expectedVersion(request));
        sendVersion(reply, version);
        return { ok: true as const, version };
      },
    );

    app.post(
      '/organisations/:slug/submit',
      { schema: { tags, summary: "Submit the profile to the region's coordinators", params: Params, response: { 200: Done, ...errors } } },
      async (request) => {
        await services.profiles.submit(request.actor, request.params.slug);
        return { ok: true as const };
      },
    );

    app.post(
      '/organisations/:slug/decision',
      {
        schema: {
          tags: ['validation'],
          summary: 'Validate a submitted profile (it becomes public) or return it with a reason',
          description:
            'With If-Match (the ETag of the review), a profile changed and submitted again since is refused: 409 version_conflict.',
          params: Params,
          headers: IfMatchHeadersSchema,
          body: Type.Object(
            { decision: Type.Enum(['validated', 'returned'] as const), reason: Type.Optional(Type.String({ maxLength: 2000 })) },
            { additionalProperties: false },
          ),
          response: { 200: Done, ...errors },
        },
      },
      async (request) => {
        await services.profiles.decide(
          request.actor,
          request.params.slug,
          request.body.decision,
          request.body.reason ?? null,
          expectedVersion(request),
        );
        return { ok: true as const };
      },
    );

    app.get(
      '/validation-queue',
      {
        schema: {
          tags: ['validation'],
          summary: 'Profiles submitted in the regions I coordinate',
          response: {
            200: Type.Object({
              items: Type.Array(
                Type.Object({
                  ...OrganisationSummarySchema.properties,
                  pending: ProfileChangesSchema,
                  submittedAt: Type.String({ format: 'date-time' }),
                }),
              ),
            }),
            ...errors,
          },
        },
      },
      async (request) => {
        const rows = await services.profiles.queue(request.actor);
        return {
          items: rows.map((o) => ({
            ...presentOrganisationSummary(o),
            pending: o.pendingProfile!,
            submittedAt: o.updatedAt.toISOString(),
          })),
        };
      },
    );

    app.get(
      '/organisations/:slug/members',
      {
        schema: {
          tags: ['members'],
          summary: 'Members and pending invitations',
          params: Params,
          response: { 200: MemberListSchema, ...errors },
        },
      },
      async (request) => {
        const list = await services.members.list(request.actor, request.params.slug);
        return {
          members: list.members,
          invitations: list.invitations.map((i) => ({ ...i, sentAt: i.sentAt.toISOString(), expiresAt: i.expiresAt.toISOString() })),
        };
      },
    );

    app.post(
      '/organisations/:slug/invitations',
      {
        schema: {
          tags: ['members'],
          summary: 'Invite someone by e-mail (the link expires in 7 days)',
          params: Params,
          body: InvitationBodySchema,
          response: { 202: Done, ...errors },
        },
      },
      async (request, reply) => {
        await services.members.invite(request.actor, request.params.slug, request.body.email, request.body.role, request.ip);
        return reply.status(202).send({ ok: true as const });
      },
    );

    app.delete(
      '/organisations/:slug/invitations/:invitationId',
      {
        schema: {
          tags: ['members'],
          summary: 'Cancel a pending invitation (its link then answers token_used)',
          params: InvitationParamsSchema,
          response: { 200: Done, ...errors },
        },
      },
      async (request) => {
        await services.members.cancelInvitation(request.actor, request.params.slug, request.params.invitationId);
        return { ok: true as const };
      },
    );

    app.delete(
      '/organisations/:slug/members/:userId',
      {
        schema: {
          tags: ['members'],
          summary: 'Remove a member (or leave)',
          params: Type.Object({ slug: SlugSchema, userId: Type.String({ format: 'uuid' }) }),
          response: { 200: Done, ...errors },
        },
      },
      async (request) => {
        await services.members.remove(request.actor, request.params.slug, request.params.userId);
        return { ok: true as const };
      },
    );

    app.post(
      '/organisations/:slug/transfer-administration',
      {
        schema: {
          tags: ['members'],
          summary: 'Make another member the administrator',
          params: Params,
          body: Type.Object({ userId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
          response: { 200: Done, ...errors },
        },
      },
      async (request) => {
        await services.members.transferAdministration(request.actor, request.params.slug, request.body.userId);
        return { ok: true as const };
      },
    );

    app.post(
      '/invitations/accept',
      {
        schema: {
          tags: ['members'],
          summary: 'Accept an invitation sent to my address',
          body: TokenBodySchema,
          response: { 200: Type.Object({ slug: Type.String(), role: Type.Enum(ORGANISATION_ROLES) }), ...errors },
        },
      },
      async (request) => services.members.accept(request.actor, request.body.token),
    );

    app.post(
      '/invitations/preview',
      {
        schema: {
          tags: ['members'],
          summary: 'Read an invitation by its token: the organisation, the role, the inviter and the invited address, nothing else',
          description: 'The token stays in the body, out of addresses and logs. A used, cancelled or expired token is refused (410).',
          body: TokenBodySchema,
          response: { 200: InvitationPreviewSchema, ...errors },
        },
      },
      async (request) => services.members.preview(request.body.token),
    );
  };
