import type { Services } from '../index.js';
import type { JobsOptions } from '../jobs/jobs.service.js';
import type { MailSettings } from '../mailer.js';
import { FollowUpdates } from '../offer-alerts/follow-updates.js';
import { OfferFollowsService } from '../offer-alerts/offer-follows.service.js';
import { OfferMatchingService } from './offer-matching.service.js';

export type OfferMatchingServiceNames = 'offerMatching' | 'offerFollows';

/** Offer matching and follows, over the services they build on; the follow-updates job goes on the job runner. */
export function createOfferMatchingServices(
  services: Omit<Services, OfferMatchingServiceNames>,
  mail: MailSettings,
  jobs: JobsOptions & { followUpdatesSeconds?: number } = {},
): Pick<Services, OfferMatchingServiceNames> {
  const updates = new FollowUpdates(services.repos, mail, services.unsubscribe);
  updates.register(services.jobs.runner, jobs.followUpdatesSeconds ? jobs.followUpdatesSeconds * 1000 : undefined);
  return {
    offerMatching: new OfferMatchingService(services.repos, services.classifications, services.matches),
    offerFollows: new OfferFollowsService(services.repos, updates),
  };
}
