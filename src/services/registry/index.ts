import type { Repositories } from '../../repositories/index.js';
import { NamedPartyService } from './named-party.service.js';
import { RecordPartsService } from './record-parts.service.js';
import { RecordService } from './record.service.js';
import { StageService } from './stage.service.js';
import { RecordTransferService } from './transfer/transfer.service.js';

/** The cooperation registry's services: records, their stage changes, their parts, named parties. */
export interface RegistryServices {
  records: RecordService;
  stages: StageService;
  parts: RecordPartsService;
  namedParties: NamedPartyService;
  transfer: RecordTransferService;
}

export const createRegistryServices = (repos: Repositories): RegistryServices => ({
  records: new RecordService(repos),
  stages: new StageService(repos),
  parts: new RecordPartsService(repos),
  namedParties: new NamedPartyService(repos),
  transfer: new RecordTransferService(repos),
});
