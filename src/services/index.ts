import type { Repositories } from '../repositories/index.js';
import { AuthService } from './accounts/auth.service.js';
import { CredentialsService } from './accounts/credentials.service.js';
import { AdminService } from './admin.service.js';
import { ClassificationService } from './classification.service.js';
import { DirectoryService } from './directory.service.js';
import type { MailSettings } from './mailer.js';
import { GlossaryService } from './glossary/glossary.service.js';
import { JobsService, type JobsOptions } from './jobs/jobs.service.js';
import { MatchService } from './matching/match.service.js';
import { MessagingService } from './messaging/messaging.service.js';
import { MembersService } from './organisations/members.service.js';
import { ProfileWorkflowService } from './organisations/profile-workflow.service.js';
import { ProfileReviewService } from './organisations/profile-review.service.js';
import { SubmissionNoticesService } from './organisations/submission-notices.service.js';
import { PartnershipService } from './partnership.service.js';
import { RateLimiter } from './rate-limiter.js';
import { createRegistryServices, type RegistryServices } from './registry/index.js';
import { DocumentsService } from './registry/documents.service.js';
import { TimelineService } from './registry/timeline.service.js';
import { RegistrySearchService } from './registry-search/registry-search.service.js';
// the marketplace: expressions of interest and what they led to
import { OfferInterestService } from './offer-interest/offer-interest.service.js';
import { OfferOutcomeService } from './offer-interest/outcome.service.js';
// the marketplace's search and alerts
import { UnsubscribeLinks } from './offer-alerts/unsubscribe.js';
// offer matching and follows
import { createOfferMatchingServices, type OfferMatchingServiceNames } from './offer-matching/index.js';
import type { OfferMatchingService } from './offer-matching/offer-matching.service.js';
import type { OfferFollowsService } from './offer-alerts/offer-follows.service.js';
import { OfferSearchService } from './offer-search/offer-search.service.js';
import { SavedSearchesService } from './offer-alerts/saved-searches.service.js';
import { DigestService } from './offer-alerts/digest.js';
// the marketplace (offers and requests)
import { createOfferServices, type OfferServices } from './offers/index.js';
// events: round tables, delegation visits, brokerage events and their meetings
import { createEventServices, type EventServices } from './events/index.js';

export interface Services {
  repos: Repositories;
  classifications: ClassificationService;
  directory: DirectoryService;
  partnerships: PartnershipService;
  auth: AuthService;
  credentials: CredentialsService;
  profiles: ProfileWorkflowService;
  reviews: ProfileReviewService;
  notices: SubmissionNoticesService;
  members: MembersService;
  matches: MatchService;
  messaging: MessagingService;
  documents: DocumentsService;
  glossary: GlossaryService;
  admin: AdminService;
  /** The cooperation registry: agreements, initiatives, academic partnerships, residencies. */
  registry: RegistryServices;
  /** Background jobs: the runner (started by `serve`) and its reminders. */
  jobs: JobsService;
  timeline: TimelineService;
  registrySearch: RegistrySearchService;
  // the marketplace: expressions of interest and what they led to
  offerInterests: OfferInterestService;
  offerOutcomes: OfferOutcomeService;
  // the marketplace's search and alerts
  /** One-click unsubscribe links (RFC 8058) of alert e-mails: digests and follows. */
  unsubscribe: UnsubscribeLinks;
  // offer matching and follows
  /** An offer's matches, its suggested partners, an organisation's suggested offers. */
  offerMatching: OfferMatchingService;
  /** Following offers (their updates are the follow-updates job's). */
  offerFollows: OfferFollowsService;
  /** The marketplace's search of published offers and requests. */
  offerSearch: OfferSearchService;
  /** Members' saved searches (and areas) of the marketplace. */
  savedSearches: SavedSearchesService;
  /** The daily and weekly digests of saved searches (jobs on the runner). */
  digests: DigestService;
  // the marketplace (offers and requests)
  /** Offers and requests: the editor, the lifecycle and review, tagging, the export. */
  offers: OfferServices;
  /** Events: the events, registration, one-to-one meetings and their schedule, agendas and badges. */
  events: EventServices;
}

export function createServices(repos: Repositories, mail: MailSettings, jobs: JobsOptions = {}): Services {
  const classifications = new ClassificationService(repos.classifications);
  const limiter = new RateLimiter(repos.clock);
  const context = { repos, mail, limiter };
  const notices = new SubmissionNoticesService(repos, mail);
  const profiles = new ProfileWorkflowService(repos, classifications, mail, notices);
  // the marketplace's search and alerts
  const offerSearch = new OfferSearchService(repos, classifications);
  const unsubscribe = new UnsubscribeLinks(repos, mail.publicUrl);
  const digests = new DigestService(repos, mail, offerSearch, unsubscribe);
  const jobsService = new JobsService(repos, mail, notices, jobs);
  digests.register(jobsService.runner);
  const services: Omit<Services, OfferMatchingServiceNames> = {
    repos,
    classifications,
    directory: new DirectoryService(repos, classifications),
    partnerships: new PartnershipService(repos),
    auth: new AuthService(context),
    credentials: new CredentialsService(context),
    profiles,
    reviews: new ProfileReviewService(repos, profiles, classifications),
    notices,
    members: new MembersService(repos, profiles, mail, limiter),
    matches: new MatchService(repos, classifications),
    messaging: new MessagingService(repos, mail, limiter),
    documents: new DocumentsService(repos),
    glossary: new GlossaryService(repos, classifications),
    admin: new AdminService(repos),
    registry: createRegistryServices(repos),
    jobs: jobsService,
    timeline: new TimelineService(repos),
    registrySearch: new RegistrySearchService(repos),
    // the marketplace: expressions of interest and what they led to
    offerInterests: new OfferInterestService(repos, mail),
    offerOutcomes: new OfferOutcomeService(repos),
    // the marketplace's search and alerts
    unsubscribe,
    offerSearch,
    savedSearches: new SavedSearchesService(repos, offerSearch),
    digests,
    // the marketplace (offers and requests)
    offers: createOfferServices(repos, classifications, mail.publicUrl),
    events: createEventServices({ repos, mail, runner: jobsService.runner, reminderHours: jobs.eventReminderHours }),
  };
  // offer matching and follows (their follow-updates job goes on the runner)
  return { ...services, ...createOfferMatchingServices(services, mail, jobs) };
}
