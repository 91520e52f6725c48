import type { Database } from '../db/client.js';
import { AccountRepository } from './account.repository.js';
import { AreaRepository } from './area.repository.js';
import { AuditRepository } from './audit.repository.js';
import { ChangeFeedRepository } from './change-feed.repository.js';
import { ClassificationRepository } from './classification.repository.js';
import { GlossaryRepository } from './glossary.repository.js';
import { JobRepository } from './jobs/job.repository.js';
import { ReminderRepository } from './jobs/reminder.repository.js';
import { systemClock, type Clock, type MailTransport } from './mail.repository.js';
import { MatchRepository } from './match.repository.js';
import { NotificationRepository } from './notification.repository.js';
import { MessagingRepository } from './messaging.repository.js';
import { OrganisationRepository } from './organisation.repository.js';
import { PartnershipRepository } from './partnership.repository.js';
import { ReferenceCache } from './reference-cache.js';
import { DocumentRepository } from './registry/document.repository.js';
import { RecordAccessRepository } from './registry/record-access.repository.js';
import { NamedPartyRepository } from './registry/named-party.repository.js';
import { RecordPartsRepository } from './registry/record-parts.repository.js';
import { RecordRepository } from './registry/record.repository.js';
import { RecordSearchRepository } from './registry/record-search.repository.js';
import { RecordBatchRepository } from './registry/record-batch.repository.js';
import { TimelineRepository } from './registry/timeline.repository.js';
import { OfferDocumentRepository } from './offers/offer-document.repository.js';
import { OfferInterestRepository } from './offers/offer-interest.repository.js';
import { OfferRepository } from './offers/offer.repository.js';
import { OfferWriteRepository } from './offers/offer-write.repository.js';
// the marketplace's search and alerts
import { OfferAlertsRepository } from './offers/offer-alerts.repository.js';
// offer matching and follows
import { OfferMatchRepository } from './offer-matching/offer-match.repository.js';
import { OfferFollowRepository } from './offer-matching/offer-follow.repository.js';
import { OfferSearchRepository } from './offers/offer-search.repository.js';
import { RegionRepository } from './region.repository.js';
// events: round tables, delegation visits, brokerage events and their meetings
import { createEventRepositories, type EventRepositories } from './events/index.js';
import { SearchRepository } from './search.repository.js';
import { ShippedDataRepository } from './shipped-data.repository.js';
import { label as bridgeLabel, translate as bridgeTranslate } from './vocabulary-bridges.js';

export interface Repositories {
  accounts: AccountRepository;
  areas: AreaRepository;
  audit: AuditRepository;
  /** The change feed's upkeep (its cleanup's cuts). */
  changeFeed: ChangeFeedRepository;
  classifications: ClassificationRepository;
  /** Documents attached to registry records, their bytes in chunks. */
  documents: DocumentRepository;
  glossary: GlossaryRepository;
  /** The background job queue. */
  jobs: JobRepository;
  matches: MatchRepository;
  notifications: NotificationRepository;
  messaging: MessagingRepository;
  organisations: OrganisationRepository;
  partnerships: PartnershipRepository;
  /** A registry record as access checks read it. */
  recordAccess: RecordAccessRepository;
  /** The registry's records: lists, pages and their writes. */
  records: RecordRepository;
  /** A record's milestones, academic years and links. */
  recordParts: RecordPartsRepository;
  /** Parties not on the platform yet. */
  namedParties: NamedPartyRepository;
  /** What the registry's search reads: records written since a horizon, a result page's rows. */
  recordSearch: RecordSearchRepository;
  /** Writes of many registry records at once (synthetic sets). */
  recordBatches: RecordBatchRepository;
  /** The registry's timelines: records and milestones by date, a page at a time. */
  timeline: TimelineRepository;
  // the marketplace (offers and requests)
  offerDocuments: OfferDocumentRepository;
  /** Expressions of interest in offers, their decisions and outcomes. */
  offerInterests: OfferInterestRepository;
  /** Offers and requests: pages, result lines (summaries), lists, history, who an anonymous owner is revealed to. */
  offers: OfferRepository;
  /** Writes of offers: creation, edits with their version, stage changes with their history row. */
  offerWrites: OfferWriteRepository;
  // the marketplace's search and alerts
  /** Saved searches, digests' deliveries, unsubscribe links' secret. */
  offerAlerts: OfferAlertsRepository;
  // offer matching and follows
  /** Offers as the offer index reads them (matching). */
  offerMatches: OfferMatchRepository;
  /** Who follows which offer, and the offers' changes their updates tell. */
  offerFollows: OfferFollowRepository;
  /** What the marketplace's search index reads: offers written since a horizon, what explains a result. */
  offerSearch: OfferSearchRepository;
  regions: RegionRepository;
  /** Events, their programme and delegations, registrations, the meeting grid, requests and meetings. */
  events: EventRepositories;
  /** The registry as reminders read it (agreements ending, overdue milestones). */
  reminders: ReminderRepository;
  search: SearchRepository;
  /** Which shipped reference files the database holds (their digests). */
  shippedData: ShippedDataRepository;
  /** Translations of words between ru, fr and en learnt from the shared vocabularies (absent: no bridges). */
  bridges?: BridgeReader;
  clock: Clock;
  mail: MailTransport;
  /** Runs `work` in one database transaction: every write in it lands, or none does. */
  transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T>;
}

export interface BridgeReader {
  translate(lang: 'ru' | 'fr' | 'en', lexeme: string): { lang: 'ru' | 'fr' | 'en'; lexeme: string; weight: number; via: string }[];
  /** The title of the entry a translation came from, in each language it has. */
  label(via: string): { ru?: string; fr?: string; en?: string } | undefined;
}

export interface Outside {
  clock?: Clock;
  mail: MailTransport;
}

let classifications: ClassificationRepository | undefined;

/** A bridge's entry title in each language that has one. */
function bridgeLabels(via: string): { ru?: string; fr?: string; en?: string } | undefined {
  const labels = Object.fromEntries(
    (['ru', 'fr', 'en'] as const).flatMap((lang) => {
      const text = bridgeLabel(via, lang);
      return text ? [[lang, text]] : [];
    }),
  );
  return Object.keys(labels).length > 0 ? labels : undefined;
}

export function createRepositories(db: Database, outside: Outside, cache = new ReferenceCache()): Repositories {
  classifications ??= new ClassificationRepository();
  return {
    accounts: new AccountRepository(db),
    areas: new AreaRepository(db, cache),
    audit: new AuditRepository(db),
    changeFeed: new ChangeFeedRepository(db),
    classifications,
    documents: new DocumentRepository(db),
    glossary: new GlossaryRepository(db),
    jobs: new JobRepository(db),
    matches: new MatchRepository(db),
    notifications: new NotificationRepository(db),
    messaging: new MessagingRepository(db),
    organisations: new OrganisationRepository(db, classifications),
    partnerships: new PartnershipRepository(db),
    recordAccess: new RecordAccessRepository(db),
    records: new RecordRepository(db),
    recordParts: new RecordPartsRepository(db),
    namedParties: new NamedPartyRepository(db),
    recordSearch: new RecordSearchRepository(db),
    recordBatches: new RecordBatchRepository(db),
    timeline: new TimelineRepository(db),
    // the marketplace (offers and requests)
    offerDocuments: new OfferDocumentRepository(db, classifications),
    offerInterests: new OfferInterestRepository(db),
    offers: new OfferRepository(db),
    offerWrites: new OfferWriteRepository(db),
    // the marketplace's search and alerts
    offerAlerts: new OfferAlertsRepository(db),
    // offer matching and follows
    offerMatches: new OfferMatchRepository(db),
    offerFollows: new OfferFollowRepository(db),
    offerSearch: new OfferSearchRepository(db),
    regions: new RegionRepository(db, cache),
    events: createEventRepositories(db),
    reminders: new ReminderRepository(db),
    search: new SearchRepository(db),
    shippedData: new ShippedDataRepository(db),
    bridges: { translate: bridgeTranslate, label: bridgeLabels },
    clock: outside.clock ?? systemClock,
    mail: outside.mail,
    transaction: (work) => db.transaction((tx) => work(createRepositories(tx as unknown as Database, outside, cache))),
  };
}
