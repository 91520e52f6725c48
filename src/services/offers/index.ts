import type { Repositories } from '../../repositories/index.js';
import type { ClassificationService } from '../classification.service.js';
import type { CsvSeparator } from '../csv/csv.js';
import type { Actor } from '../access.js';
import { exportOffers } from './offer-export.js';
import { OfferLifecycleService } from './offer-lifecycle.js';
import { OfferTaggingService } from './offer-tagging.js';
import { OfferService } from './offer.service.js';

/** The marketplace's offers and requests: the editor's rules, the lifecycle, tagging and the export. */
export interface OfferServices {
  offers: OfferService;
  lifecycle: OfferLifecycleService;
  tagging: OfferTaggingService;
  /** The published offers the reader may see, as CSV. */
  exportCsv(actor: Actor | null, separator?: CsvSeparator): Promise<string>;
}

export function createOfferServices(repos: Repositories, classifications: ClassificationService, publicUrl: string): OfferServices {
  return {
    offers: new OfferService(repos, classifications),
    lifecycle: new OfferLifecycleService(repos, classifications),
    tagging: new OfferTaggingService(repos, classifications),
    exportCsv: (actor, separator) => exportOffers(repos, actor, publicUrl, separator),
  };
}
