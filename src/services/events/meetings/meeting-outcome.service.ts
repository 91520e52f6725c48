import type { Repositories } from '../../../repositories/index.js';
import type { Meeting, MeetingOutcomeInput } from '../../../shared/schemas/events/meetings.js';
import type { Actor } from '../../access.js';
import { AppError, notFound } from '../../errors.js';
import type { ExpectedVersion } from '../../versioning.js';
import type { MeetingEditService } from './meeting-edit.service.js';

const LINKS_AGREEMENT = new Set(['agreement', 'letter_of_intent']);

/**
 * What came of a meeting, recorded by one of its sides once its slot has started; an agreement or a letter
 * of intent may name the registry agreement that resulted, one both organisations are parties to (as a
 * marketplace contact's outcome is linked: offer-interest/outcome.service.ts).
 */
export class MeetingOutcomeService {
  constructor(
    private readonly repos: Repositories,
    private readonly edits: MeetingEditService,
  ) {}

  async record(actor: Actor | null, id: string, input: MeetingOutcomeInput, expected: ExpectedVersion): Promise<Meeting> {
    await this.edits.edit(actor, id, expected, 'either', async (tx, _event, meeting, request, by, side) => {
      if (!side) throw new AppError('forbidden', 'The meeting’s participants record its outcome.');
      const slot = await tx.events.meetingGrid.slot(meeting.slotId);
      if (!slot || slot.startsAt > tx.clock.now()) throw new AppError('meeting_not_started', undefined, 'params.id');
      let recordId: string | null = null;
      if (input.recordSlug) {
        if (!LINKS_AGREEMENT.has(input.outcome))
          throw new AppError('validation_failed', 'Only an agreement or a letter of intent links a registry agreement.', 'body.recordSlug');
        const record = await tx.records.get(input.recordSlug);
        if (!record || record.kind !== 'agreement') throw notFound(`Agreement "${input.recordSlug}"`, 'body.recordSlug');
        const sides = await tx.events.meetingGrid.registrationsByIds([request.requesterId, request.recipientId]);
        const parties = new Set((await tx.records.partiesOf([record.id])).flatMap((p) => (p.organisation ? [p.organisation.id] : [])));
        if (sides.some((s) => !s.organisationId || !parties.has(s.organisationId)))
          throw new AppError(
            'agreement_not_shared',
            'Both participants’ organisations must be parties to the agreement.',
            'body.recordSlug',
          );
        recordId = record.id;
      }
      return {
        values: {
          outcome: input.outcome,
          outcomeNote: input.note?.trim() || null,
          outcomeRecordId: recordId,
          outcomeBy: by.user.id,
          outcomeAt: tx.clock.now(),
        },
        action: 'outcome',
      };
    });
    return this.edits.get(id, this.repos);
  }
}
