import type { Database } from '../db/client.js';
import { AreaRepository } from './area.repository.js';
import { ClassificationRepository } from './classification.repository.js';
import { OrganisationRepository } from './organisation.repository.js';
import { PartnershipRepository } from './partnership.repository.js';
import { RegionRepository } from './region.repository.js';

export interface Repositories {
  areas: AreaRepository;
  classifications: ClassificationRepository;
  organisations: OrganisationRepository;
  partnerships: PartnershipRepository;
  regions: RegionRepository;
  /** Runs `work` in one database transaction: every write in it lands, or none does. */
  transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T>;
}

let classifications: ClassificationRepository | undefined;

export function createRepositories(db: Database): Repositories {
  classifications ??= new ClassificationRepository();
  return {
    areas: new AreaRepository(db),
    classifications,
    organisations: new OrganisationRepository(db),
    partnerships: new PartnershipRepository(db),
    regions: new RegionRepository(db),
    transaction: (work) => db.transaction((tx) => work(createRepositories(tx as unknown as Database))),
  };
}
