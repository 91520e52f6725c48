import type { Repositories } from '../repositories/index.js';
import { ClassificationService } from './classification.service.js';
import { DirectoryService } from './directory.service.js';
import { PartnershipService } from './partnership.service.js';

export interface Services {
  repos: Repositories;
  classifications: ClassificationService;
  directory: DirectoryService;
  partnerships: PartnershipService;
}

export function createServices(repos: Repositories): Services {
  const classifications = new ClassificationService(repos.classifications);
  return {
    repos,
    classifications,
    directory: new DirectoryService(repos, classifications),
    partnerships: new PartnershipService(repos),
  };
}
