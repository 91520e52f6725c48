import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoQueryTaken } from '../../test/query.js';
import { createTestPlatform, type TestPlatform } from '../../test/test-platform.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform({ seedDemo: false });
});
afterAll(() => t.close());

describe('system routes', () => {
  it('reports health and the database engine', async () => {
    const res = await t.app.inject('/api/v1/health');
    expect(res.json()).toEqual({ status: 'ok', database: t.engine });
  });

  it('refuses a parameter the health route does not take', () => expectNoQueryTaken((url) => t.app.inject(url), '/api/v1/health'));

  it('publishes an OpenAPI 3.1 document listing every API route', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    const routes = t.app.printRoutes({ commonPrefix: false });
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/api/v1/academic-partnerships',
      '/api/v1/academic-partnerships/{slug}',
      '/api/v1/academic-partnerships/{slug}/links',
      '/api/v1/academic-partnerships/{slug}/links/{targetKind}/{targetId}',
      '/api/v1/academic-partnerships/{slug}/stage',
      '/api/v1/admin/emails',
      '/api/v1/admin/jobs',
      '/api/v1/admin/jobs/digests',
      '/api/v1/admin/jobs/{id}/retry',
      '/api/v1/agreements',
      '/api/v1/agreements/{slug}',
      '/api/v1/agreements/{slug}/links',
      '/api/v1/agreements/{slug}/links/{targetKind}/{targetId}',
      '/api/v1/agreements/{slug}/stage',
      '/api/v1/areas',
      '/api/v1/areas/{code}/timeline',
      '/api/v1/audit-events',
      '/api/v1/audit-events.csv',
      '/api/v1/auth/confirm-email',
      '/api/v1/auth/confirm-email/resend',
      '/api/v1/auth/password-reset',
      '/api/v1/auth/password-reset/request',
      '/api/v1/auth/session',
      '/api/v1/auth/sign-in',
      '/api/v1/auth/sign-out',
      '/api/v1/auth/sign-up',
      '/api/v1/classifications/nace',
      '/api/v1/classifications/national',
      '/api/v1/classifications/products',
      '/api/v1/classifications/products/resolve',
      '/api/v1/classifications/resolve',
      '/api/v1/documents/{id}',
      '/api/v1/events',
      '/api/v1/events/{slug}',
      '/api/v1/events/{slug}/agenda/feed/{registrationId}/{token}.ics',
      '/api/v1/events/{slug}/agenda/mine',
      '/api/v1/events/{slug}/agenda/mine.ics',
      '/api/v1/events/{slug}/agenda/mine.pdf',
      '/api/v1/events/{slug}/attendance',
      '/api/v1/events/{slug}/attendees',
      '/api/v1/events/{slug}/badges.pdf',
      '/api/v1/events/{slug}/cancel',
      '/api/v1/events/{slug}/check-in',
      '/api/v1/events/{slug}/check-in/badge',
      '/api/v1/events/{slug}/delegations',
      '/api/v1/events/{slug}/delegations/{id}',
      '/api/v1/events/{slug}/documents',
      '/api/v1/events/{slug}/meeting-participants',
      '/api/v1/events/{slug}/meeting-requests',
      '/api/v1/events/{slug}/meeting-requests/mine',
      '/api/v1/events/{slug}/meeting-settings',
      '/api/v1/events/{slug}/meeting-slots',
      '/api/v1/events/{slug}/meeting-stats',
      '/api/v1/events/{slug}/meetings/me',
      '/api/v1/events/{slug}/meetings/suggestions',
      '/api/v1/events/{slug}/participation-types',
      '/api/v1/events/{slug}/participation-types/{id}',
      '/api/v1/events/{slug}/publish',
      '/api/v1/events/{slug}/registrations',
      '/api/v1/events/{slug}/registrations/mine',
      '/api/v1/events/{slug}/schedule',
      '/api/v1/events/{slug}/schedule.pdf',
      '/api/v1/events/{slug}/schedule/publish',
      '/api/v1/events/{slug}/schedule/runs',
      '/api/v1/events/{slug}/sessions',
      '/api/v1/events/{slug}/sessions/{id}',
      '/api/v1/glossary/concepts',
      '/api/v1/glossary/concepts/{code}',
      '/api/v1/glossary/concepts/{code}/terms',
      '/api/v1/glossary/terms/{id}',
      '/api/v1/health',
      '/api/v1/initiatives',
      '/api/v1/initiatives/{slug}',
      '/api/v1/initiatives/{slug}/links',
      '/api/v1/initiatives/{slug}/links/{targetKind}/{targetId}',
      '/api/v1/initiatives/{slug}/milestones',
      '/api/v1/initiatives/{slug}/milestones/{id}',
      '/api/v1/initiatives/{slug}/stage',
      '/api/v1/interests/{id}',
      '/api/v1/interests/{id}/accept',
      '/api/v1/interests/{id}/decline',
      '/api/v1/interests/{id}/outcome',
      '/api/v1/interests/{id}/withdraw',
      '/api/v1/invitations/accept',
      '/api/v1/invitations/preview',
      '/api/v1/me/email',
      '/api/v1/me/email/confirm',
      '/api/v1/me/notifications',
      '/api/v1/me/organisations',
      '/api/v1/me/password',
      '/api/v1/me/sessions',
      '/api/v1/me/sessions/{id}',
      '/api/v1/meeting-requests/{id}/accept',
      '/api/v1/meeting-requests/{id}/cancel',
      '/api/v1/meeting-requests/{id}/decline',
      '/api/v1/meeting-requests/{id}/place',
      '/api/v1/meetings/{id}/cancel',
      '/api/v1/meetings/{id}/move',
      '/api/v1/meetings/{id}/outcome',
      '/api/v1/meetings/{id}/pin',
      '/api/v1/meetings/{id}/unpin',
      '/api/v1/messages',
      '/api/v1/messages/{id}',
      '/api/v1/messages/{id}/replies',
      '/api/v1/my/follows',
      '/api/v1/my/interests',
      '/api/v1/my/offers',
      '/api/v1/my/registrations',
      '/api/v1/my/saved-searches',
      '/api/v1/my/saved-searches/{id}',
      '/api/v1/named-parties',
      '/api/v1/named-parties/{id}/merge',
      '/api/v1/offers',
      '/api/v1/offers/export',
      '/api/v1/offers/outcomes',
      '/api/v1/offers/tagging',
      '/api/v1/offers/{slug}',
      '/api/v1/offers/{slug}/follow',
      '/api/v1/offers/{slug}/interests',
      '/api/v1/offers/{slug}/matches',
      '/api/v1/offers/{slug}/stage',
      '/api/v1/offers/{slug}/suggested-partners',
      '/api/v1/offers/{slug}/tagging',
      '/api/v1/organisations',
      '/api/v1/organisations/{slug}',
      '/api/v1/organisations/{slug}/contact',
      '/api/v1/organisations/{slug}/decision',
      '/api/v1/organisations/{slug}/invitations',
      '/api/v1/organisations/{slug}/invitations/{invitationId}',
      '/api/v1/organisations/{slug}/members',
      '/api/v1/organisations/{slug}/members/{userId}',
      '/api/v1/organisations/{slug}/partners',
      '/api/v1/organisations/{slug}/partners/dismissals',
      '/api/v1/organisations/{slug}/partners/dismissals/{candidate}',
      '/api/v1/organisations/{slug}/profile',
      '/api/v1/organisations/{slug}/review',
      '/api/v1/organisations/{slug}/submit',
      '/api/v1/organisations/{slug}/suggested-offers',
      '/api/v1/organisations/{slug}/timeline',
      '/api/v1/organisations/{slug}/transfer-administration',
      '/api/v1/partnerships',
      '/api/v1/partnerships/{slug}',
      '/api/v1/partnerships/{slug}/timeline',
      '/api/v1/records/{idOrSlug}/documents',
      '/api/v1/reference/time-zones',
      '/api/v1/regions',
      '/api/v1/registrations/{id}/approve',
      '/api/v1/registrations/{id}/badge.pdf',
      '/api/v1/registrations/{id}/cancel',
      '/api/v1/registrations/{id}/check-in',
      '/api/v1/registrations/{id}/decline',
      '/api/v1/registry/export',
      '/api/v1/registry/import',
      '/api/v1/registry/search',
      '/api/v1/residencies',
      '/api/v1/residencies/{slug}',
      '/api/v1/residencies/{slug}/links',
      '/api/v1/residencies/{slug}/links/{targetKind}/{targetId}',
      '/api/v1/residencies/{slug}/stage',
      '/api/v1/review/offers',
      '/api/v1/stats/organisations',
      '/api/v1/unsubscribe/{token}',
      '/api/v1/validation-queue',
      // the marketplace (offers and requests),
      // the marketplace's alerts,
      // the marketplace's search and alerts,
      // the marketplace: expressions of interest (sorted into place on merge),
    ]);
    expect(routes).toContain('/api/v1/organisations');
    expect(doc.paths['/api/v1/organisations'].get.responses['400']).toBeDefined();
  });

  it('serves the browsable API documentation', async () => {
    const res = await t.app.inject('/api/docs/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const res = await t.app.inject('/api/v1/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('route_not_found');
  });

  it('an empty database still answers the directory', async () => {
    const res = await t.app.inject('/api/v1/organisations');
    expect(res.json().meta.total).toBe(0);
  });
});
