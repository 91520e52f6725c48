import type { MeetingRegistrationRow } from '../../../repositories/events/meeting-grid.repository.js';
import type { Repositories } from '../../../repositories/index.js';
import type { Language } from '../../../shared/languages.js';
import { resolveText } from '../../../shared/multilingual.js';
import type { MeetingSuggestionList } from '../../../shared/schemas/events/meetings.js';
import { requireActor, type Actor } from '../../access.js';
import { AppError } from '../../errors.js';
import { scorePair, type MatchContext } from '../../matching/scoring.js';
import { readableEvent } from '../events/event-guard.js';
import { myRegistration, requireMeetingsOffered, takesPart } from './meeting-access.js';
import type { MeetingProfileService } from './meeting-profile.service.js';

const LIMIT = 20;
const MAX_PARTICIPANTS = 5000;

const REASONS: Record<
  Language,
  { areas: (list: string) => string; nace: (n: number) => string; kinds: string; regions: string; concepts: (n: number) => string }
> = {
  en: {
    areas: (list) => `Shared areas: ${list}`,
    nace: (n) => `${n} shared ${n === 1 ? 'activity' : 'activities'} (NACE)`,
    kinds: 'Complementary kinds of organisation',
    regions: 'Your regions are partners',
    concepts: (n) => `${n} shared ${n === 1 ? 'subject' : 'subjects'}`,
  },
  fr: {
    areas: (list) => `Domaines communs : ${list}`,
    nace: (n) => `${n} ${n === 1 ? 'activité commune' : 'activités communes'} (NACE)`,
    kinds: 'Types d’organisation complémentaires',
    regions: 'Vos régions sont partenaires',
    concepts: (n) => `${n} ${n === 1 ? 'sujet commun' : 'sujets communs'}`,
  },
  ru: {
    areas: (list) => `Общие направления: ${list}`,
    nace: (n) => `Общие виды деятельности (NACE): ${n}`,
    kinds: 'Взаимодополняющие типы организаций',
    regions: 'Ваши регионы — партнёры',
    concepts: (n) => `Общие темы: ${n}`,
  },
};

/**
 * People to meet: the other meeting participants, their organisations scored against the reader's by the
 * partner matchmaking's scoring (services/matching/scoring.ts scorePair), best 20 first, with the reasons in
 * the reader's language. Participants without an organisation on the platform are listed, not scored.
 */
export class MeetingSuggestionService {
  constructor(
    private readonly repos: Repositories,
    private readonly profiles: MeetingProfileService,
  ) {}

  async suggest(actor: Actor | null, slug: string): Promise<MeetingSuggestionList> {
    const by = requireActor(actor);
    const event = await readableEvent(this.repos, by, slug);
    requireMeetingsOffered(event);
    const me = await myRegistration(this.repos, by, event);
    if (me.status !== 'confirmed') throw new AppError('meetings_not_allowed', undefined, 'params.slug');
    const { rows } = await this.repos.events.meetingGrid.participants(event.id, { limit: MAX_PARTICIPANTS, offset: 0 });
    const others = rows.filter((r) => r.id !== me.id && takesPart(r) && r.organisationId !== me.organisationId);
    const language = by.user.language;
    const orgs = new Map(
      (
        await this.repos.organisations.byIds([...new Set([me, ...others].flatMap((r) => (r.organisationId ? [r.organisationId] : [])))])
      ).map((o) => [o.id, o]),
    );
    const source = me.organisationId ? orgs.get(me.organisationId) : undefined;
    const scored: { row: MeetingRegistrationRow; score: number; reasons: string[] }[] = [];
    if (source) {
      const context: MatchContext = {
        conceptWeights: new Map(source.conceptCodes.map((c) => [c, 1])),
        pairedRegions: await this.pairedRegions(source.regionCode),
      };
      const areaNames = new Map((await this.repos.areas.byCodes(source.areaCodes)).map((a) => [a.code, a.name]));
      const words = REASONS[language];
      for (const row of others) {
        const candidate = row.organisationId ? orgs.get(row.organisationId) : undefined;
        if (!candidate) continue;
        const pair = scorePair(source, candidate, context);
        if (pair.score <= 0) continue;
        const reasons: string[] = [];
        if (pair.areas.length > 0)
          reasons.push(
            words.areas(
              pair.areas.map((code) => resolveText(areaNames.get(code) ?? { original: 'en', en: code }, language)?.text ?? code).join(', '),
            ),
          );
        if (pair.nace.length > 0) reasons.push(words.nace(pair.nace.length));
        if (pair.concepts.length > 0) reasons.push(words.concepts(pair.concepts.length));
        if (pair.complementarity > 0) reasons.push(words.kinds);
        if (pair.regionPair) reasons.push(words.regions);
        scored.push({ row, score: Math.round(pair.score * 1000) / 1000, reasons });
      }
    }
    scored.sort((a, b) => b.score - a.score || a.row.name.localeCompare(b.row.name));
    const best = scored.slice(0, LIMIT);
    // those not on the platform follow, unscored, while places are left
    const unscored = others.filter((r) => !r.organisationId || !orgs.has(r.organisationId)).slice(0, Math.max(0, LIMIT - best.length));
    const people = await this.profiles.presentAll(this.repos, [...best.map((b) => b.row), ...unscored], me);
    return {
      items: people.map((p, i) =>
        i < best.length ? { ...p, score: best[i]!.score, reasons: best[i]!.reasons } : { ...p, score: 0, reasons: [] },
      ),
    };
  }

  private async pairedRegions(regionCode: string): Promise<Set<string>> {
    const sides = await this.repos.partnerships.allSides();
    const paired = new Set<string>();
    for (const side of sides.filter((s) => s.regionCodes.includes(regionCode)))
      for (const other of sides.filter((s) => s.partnershipId === side.partnershipId && s !== side))
        for (const code of other.regionCodes) paired.add(code);
    return paired;
  }
}
