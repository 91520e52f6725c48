import type { Repositories } from '../../repositories/index.js';
import type { ProfileChanges } from '../../shared/schemas/profile.js';
import type { ProfileReview } from '../../shared/schemas/review.js';
import { canValidate, coordinatedRegions, isAdmin, refusal, requireActor, type Actor } from '../access.js';
import type { ClassificationService } from '../classification.service.js';
import { AppError } from '../errors.js';
import { diffProfiles } from './profile-diff.js';
import { currentProfile } from './profile.js';
import type { ProfileWorkflowService } from './profile-workflow.service.js';

/** What a coordinator reads before deciding: the submitted profile in full and what changed since the last decision. */
export class ProfileReviewService {
  constructor(
    private readonly repos: Repositories,
    private readonly profiles: ProfileWorkflowService,
    private readonly classifications: ClassificationService,
  ) {}

  /**
   * The review of a submitted profile, for those who decide on it and, read-only, for the coordinators of
   * the region it is leaving. The changes are counted from the last validated or returned profile; for a
   * profile validated before decisions kept theirs, from the public profile; none for a first submission.
   */
  async review(actorOrNull: Actor | null, slug: string): Promise<ProfileReview> {
    const actor = requireActor(actorOrNull);
    const org = await this.profiles.find(actor, slug);
    const regions = await this.repos.regions.list();
    const canDecide = canValidate(actor, org, regions);
    if (!canDecide && !isAdmin(actor) && !coordinatedRegions(actor, regions).includes(org.regionCode)) throw refusal(actor);
    if (org.status !== 'submitted')
      throw new AppError('invalid_transition', `Only a submitted profile is reviewed; this one is ${org.status}.`);
    const decided = (await this.repos.audit.decisions(org.id)).filter((d) => d.decision !== 'submitted');
    const last = decided.at(-1);
    const profile = currentProfile(org);
    let baseline: ProfileChanges | null = null;
    let since: ProfileReview['since'] = null;
    if (last?.snapshot) {
      baseline = last.snapshot;
      since = { decision: last.decision as 'validated' | 'returned', reason: last.reason, at: last.at.toISOString() };
    } else if (org.published) {
      baseline = currentProfile({ ...org, pendingProfile: null });
      since = { decision: 'published', reason: null, at: null };
    }
    const changes = baseline ? diffProfiles(baseline, profile) : [];
    return {
      slug: org.slug,
      status: org.status,
      regionCode: org.regionCode,
      version: org.version,
      canDecide,
      submittedAt: org.updatedAt.toISOString(),
      profile,
      since,
      changes,
      codes: this.titled([...profile.nace, ...changedCodes(changes, 'nace')]),
      products: [...new Set([...(profile.productCodes ?? []), ...changedCodes(changes, 'productCodes')])].flatMap(
        (code) => this.classifications.products.describe(code) ?? [],
      ),
    };
  }

  /** Each code once, with its titles; a code the classifications no longer know is left out (shown bare). */
  private titled(codes: string[]): ProfileReview['codes'] {
    return [...new Set(codes.filter(Boolean))].flatMap((code) => {
      try {
        return [this.classifications.resolve(code)];
      } catch {
        return [];
      }
    });
  }
}

/** The codes a list field's changes name, before and after. */
const changedCodes = (changes: ProfileReview['changes'], field: string) =>
  changes.filter((c) => c.field === field).flatMap((c) => [c.before ?? '', c.after ?? ''].filter(Boolean));
