import type { NewOffer } from '../../repositories/offers/offer-write.repository.js';
import { requireOriginal } from '../original-text.js';
import type { Repositories } from '../../repositories/index.js';
import { OFFER_LIMITS } from '../../shared/offers.js';
import type { OfferPatch } from '../../shared/schemas/offers.js';
import type { ClassificationService } from '../classification.service.js';
import { AppError, type ErrorParams, type ErrorReason } from '../errors.js';
import { requireKnownAreas } from '../known-areas.js';
import { expandRegions } from '../regions.js';

/** An offer's fields in full: a creation's body, or a patch laid over the offer as it is. */
export type OfferFieldsInput = Required<OfferPatch>;

/** The columns of an offer its editor writes (the owner, stage and derived columns aside). */
export type CheckedOfferColumns = Omit<NewOffer, 'organisationId' | 'regionCode' | 'stage' | 'createdBy' | 'source' | 'publishedAt'>;

export const invalid = (field: string, reason: ErrorReason, message: string, params?: ErrorParams) =>
  new AppError('validation_failed', message, field).because(reason, params);

const DAY_MS = 86_400_000;

/** The day `days` after `day` (YYYY-MM-DD). */
export const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** Whether YYYY-MM-DD names a day of the calendar (2027-02-30 does not). */
const isDay = (value: string) => {
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
};

function checkedDay(value: string, field: string): string {
  if (!isDay(value)) throw invalid(field, 'no_such_day', `There is no such day: ${value}.`, { value });
  return value;
}

/**
 * The expiry of a published offer: a day that has not passed (today is its last day at the earliest), and
 * at most OFFER_LIMITS.maxValidityDays ahead: an offer is renewed, not left up forever.
 */
export function checkedExpiry(value: string, today: string, field: string): string {
  checkedDay(value, field);
  if (value < today) throw invalid(field, 'in_past', `The expiry date ${value} has passed: give today or a later day.`, { value });
  const latest = addDays(today, OFFER_LIMITS.maxValidityDays);
  if (value > latest)
    throw invalid(
      field,
      'too_far',
      `An offer is published for at most ${OFFER_LIMITS.maxValidityDays} days: give ${latest} or an earlier day, and renew it then.`,
      {
        value,
        limit: OFFER_LIMITS.maxValidityDays,
      },
    );
  return value;
}

/** One refusal naming every field's problem (in `details`), the first as the error's own field and reason. */
function allProblems(problems: AppError[]): AppError {
  const [first] = problems;
  if (problems.length === 1) return first!;
  const details = problems.map((p) => ({
    field: p.field ?? 'body',
    message: p.message,
    ...(p.reason ? { reason: p.reason } : {}),
    ...(p.params ? { params: p.params } : {}),
  }));
  return new AppError('validation_failed', first!.message, first!.field, details).because(first!.reason!, first!.params);
}

/**
 * Checks an offer's fields as one (beyond the schema): texts in their original language, days that exist,
 * an expiry ahead and not too far, a deadline on or before it, and codes, areas and regions the platform
 * knows. Codes are stored in one form (NACE classes, `cpa:`/`hs:` product codes). Nothing is written.
 * `expiryFrom` is the day the expiry is checked against: today, or (for an edit that keeps the expiry) null.
 */
export async function checkOffer(
  repos: Repositories,
  classifications: ClassificationService,
  input: OfferFieldsInput,
  today: string,
  options: { expiryChanged: boolean } = { expiryChanged: true },
): Promise<CheckedOfferColumns> {
  // the editor shows every field's problem at once, not one per attempt to save
  const problems: AppError[] = [];
  const noted = <T>(work: () => T, instead: T): T => {
    try {
      return work();
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
      problems.push(error);
      return instead;
    }
  };
  noted(() => requireOriginal(input.title, 'body.title'), undefined);
  noted(() => requireOriginal(input.summary, 'body.summary'), undefined);
  noted(() => requireOriginal(input.description, 'body.description'), undefined);
  noted(() => requireOriginal(input.partnerRole, 'body.partnerRole'), undefined);
  const expiresOn = options.expiryChanged ? noted(() => checkedExpiry(input.expiresOn, today, 'body.expiresOn'), null) : input.expiresOn;
  const deadline = input.deadline === null ? null : noted(() => checkedDay(input.deadline!, 'body.deadline'), null);
  if (deadline !== null && expiresOn !== null && deadline > expiresOn)
    problems.push(
      invalid(
        'body.deadline',
        'after_expiry',
        `The deadline ${deadline} is after the expiry date ${expiresOn}: an offer is not answered once it has expired.`,
        { value: deadline, expiresOn },
      ),
    );
  if (problems.length > 0) throw allProblems(problems);
  const areaCodes = [...new Set(input.areas)];
  await requireKnownAreas(repos, areaCodes, 'body.areas');
  const naceCodes = classifications.naceClassesOf(input.nace, 'body.nace');
  const productCodes = classifications.products.storedCodes(input.productCodes, 'body.productCodes');
  const targetRegionCodes = [...new Set(input.targetRegions)];
  await expandRegions(repos, targetRegionCodes, 'body.targetRegions');
  return {
    kind: input.kind,
    title: input.title,
    summary: input.summary,
    description: input.description,
    areaCodes,
    naceCodes,
    productCodes,
    trl: input.trl,
    developmentStage: input.developmentStage,
    ipStatus: input.ipStatus,
    partnershipKinds: [...new Set(input.partnershipKinds)],
    partnerKinds: [...new Set(input.partnerKinds)],
    partnerSizes: [...new Set(input.partnerSizes)],
    partnerRole: input.partnerRole,
    targetRegionCodes,
    deadline,
    expiresOn: expiresOn!,
    anonymous: input.anonymous,
  };
}
