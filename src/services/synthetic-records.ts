import { randomUUID } from 'node:crypto';
import type { Repositories } from '../repositories/index.js';
import type { PartyCandidate, RecordBundle } from '../repositories/registry/record-batch.repository.js';
import type { Language } from '../shared/languages.js';
import type { MultilingualText } from '../shared/multilingual.js';
import { partialDate } from '../shared/partial-date.js';
import {
  ACADEMIC_PARTNERSHIP_KINDS,
  RESIDENCY_SERVICES,
  STAGES,
  type AgreementType,
  type PartyRole,
  type RecordKind,
  type StageModel,
} from '../shared/registry.js';
import {
  AGREEMENT_LABEL,
  ACADEMIC_LABEL,
  KIND_LABEL,
  MILESTONES,
  NAMED_PARTY_SYLLABLES,
  PURPOSES,
  type Words,
} from './synthetic-record-texts.js';
import { ACTIVITIES, REGIONS, capitalise, random } from './synthetic-organisations.js';
import { transliterate } from '../shared/transliterate.js';

/**
 * A synthetic set of registry records (agreements, initiatives, academic partnerships, residencies) among
 * the organisations already there, labelled source "synthetic", for benchmarks and load tests. The same
 * seed on the same organisations gives the same set. Most records join a Russian and a French party (a
 * partnership's timeline has something to show); some have parties of one country only (and so belong to
 * no cross-border partnership's timeline). Dates are known to a year, a month or a day, about a third each.
 */
export interface SyntheticRecordCounts {
  agreements?: number;
  initiatives?: number;
  academicPartnerships?: number;
  residencies?: number;
}

/** The last year a synthetic date falls in, so that sets made on different days are the same. */
const LAST_YEAR = 2026;
const NAMED_PARTIES = 60;

type Rnd = () => number;
type Party = { organisationId?: string; namedPartyId?: string; regionCode: string };

const weighted = <T>(rnd: Rnd, entries: [T, number][]): T => {
  let roll = rnd() * entries.reduce((a, [, w]) => a + w, 0);
  return entries.find(([, w]) => (roll -= w) < 0)?.[0] ?? entries[0]![0];
};

const pad = (n: number) => String(n).padStart(2, '0');

/** A date in 1995–2026, recent years likelier, known to a year, a month or a day about a third each. */
function syntheticDate(rnd: Rnd): string {
  const year = LAST_YEAR - Math.floor(rnd() ** 1.4 * 31);
  const precision = rnd();
  if (precision < 1 / 3) return String(year);
  const month = 1 + Math.floor(rnd() * 12);
  if (precision < 2 / 3) return `${year}-${pad(month)}`;
  return `${year}-${pad(month)}-${pad(1 + Math.floor(rnd() * 28))}`; // every month has a 28th
}

/** The same date `years` later, at its precision. */
const laterBy = (value: string, years: number) => String(Number(value.slice(0, 4)) + years) + value.slice(4);

const STAGE_WEIGHTS: Record<RecordKind, [string, number][]> = {
  agreement: [
    ['draft', 8],
    ['signed', 15],
    ['in_force', 47],
    ['expired', 20],
    ['terminated', 10],
  ],
  initiative: [
    ['proposed', 10],
    ['under_discussion', 10],
    ['agreed', 15],
    ['active', 35],
    ['completed', 20],
    ['abandoned', 10],
  ],
  academic_partnership: [
    ['proposed', 15],
    ['active', 60],
    ['ended', 15],
    ['abandoned', 10],
  ],
  residency: [
    ['application', 10],
    ['admitted', 15],
    ['resident', 40],
    ['graduated', 20],
    ['declined', 8],
    ['withdrawn', 7],
  ],
};

const AGREEMENT_TYPE_WEIGHTS: [AgreementType, number][] = [
  ['cooperation_agreement', 40],
  ['memorandum_of_understanding', 25],
  ['letter_of_intent', 15],
  ['contract', 15],
  ['other', 5],
];

/** The stages a record went through to reach `stage`: the pipeline up to it, or up to where it left for an end. */
function stagePath(kind: RecordKind, stage: string, rnd: Rnd): string[] {
  const { pipeline } = STAGES[kind] as StageModel;
  const at = pipeline.indexOf(stage);
  if (at >= 0) return pipeline.slice(0, at + 1);
  return [...pipeline.slice(0, 1 + Math.floor(rnd() * (pipeline.length - 1))), stage];
}

const AREAS = [...new Set(ACTIVITIES.flatMap((a) => (a.area ? [a.area] : [])))];
const regionOf = (code: string) => REGIONS.find((r) => r.code === code) ?? REGIONS[0]!;

/** Organisations by country and region, and the named parties, to draw parties from. */
class PartyPool {
  private readonly byRegion = new Map<string, PartyCandidate[]>();
  private readonly byCountry = new Map<string, PartyCandidate[]>();

  constructor(
    candidates: PartyCandidate[],
    private readonly named: Party[],
    private readonly rnd: Rnd,
  ) {
    for (const c of candidates) {
      const country = c.regionCode.slice(0, 2);
      if (!this.byRegion.has(c.regionCode)) this.byRegion.set(c.regionCode, []);
      if (!this.byCountry.has(country)) this.byCountry.set(country, []);
      this.byRegion.get(c.regionCode)!.push(c);
      this.byCountry.get(country)!.push(c);
    }
    if (candidates.length < 2) throw new Error('Synthetic records need at least two organisations: generate organisations first.');
  }

  private readonly lists = new Map<string, PartyCandidate[]>();

  /** The organisations of the country (or of its founding-case regions), of the kinds given when there are some; made once. */
  private list(country: 'RU' | 'FR', home: boolean, kinds?: string[]): PartyCandidate[] {
    const key = `${country}|${home}|${kinds?.join(',') ?? ''}`;
    let list = this.lists.get(key);
    if (!list) {
      const codes = country === 'RU' ? ['RU-KLU'] : ['FR-19', 'FR-23', 'FR-87'];
      const inHome = home ? codes.flatMap((code) => this.byRegion.get(code) ?? []) : [];
      list = inHome.length > 0 ? inHome : (this.byCountry.get(country) ?? [...this.byCountry.values()].flat());
      if (kinds) {
        const preferred = list.filter((c) => kinds.includes(c.kind));
        if (preferred.length > 0) list = preferred;
      }
      this.lists.set(key, list);
    }
    return list;
  }

  /** An organisation of the country (half of the time in the founding case's regions), preferring the kinds given. */
  pick(country: 'RU' | 'FR', kinds?: string[]): PartyCandidate {
    const list = this.list(country, this.rnd() < 0.5, kinds);
    return list[Math.floor(this.rnd() * list.length)]!;
  }

  /** 2–4 distinct parties, the first two of different countries except for about one record in seven. */
  parties(kinds?: string[], count = 2 + Math.floor(this.rnd() ** 2 * 3)): Party[] {
    const first: 'RU' | 'FR' = this.rnd() < 0.5 ? 'RU' : 'FR';
    const other = first === 'RU' ? 'FR' : 'RU';
    const oneCountry = this.rnd() < 1 / 7;
    const chosen = new Map<string, Party>();
    for (let i = 0, tries = 0; chosen.size < count && tries < 20; tries++, i++) {
      const country = i === 0 || oneCountry ? first : i === 1 ? other : this.rnd() < 0.5 ? first : other;
      const c = this.pick(country, kinds);
      if (!chosen.has(c.id)) chosen.set(c.id, { organisationId: c.id, regionCode: c.regionCode });
    }
    const parties = [...chosen.values()];
    // a party not on the platform yet, in about one record in eight (never the first)
    if (parties.length > 1 && this.named.length > 0 && this.rnd() < 0.125) {
      const at = 1 + Math.floor(this.rnd() * (parties.length - 1));
      const sameCountry = this.named.filter((n) => n.regionCode.slice(0, 2) === parties[at]!.regionCode.slice(0, 2));
      const pool = sameCountry.length > 0 ? sameCountry : this.named;
      parties[at] = pool[Math.floor(this.rnd() * pool.length)]!;
    }
    return parties;
  }
}

function syntheticNamedParties(
  seed: number,
): { name: MultilingualText; kind: 'technopark' | 'university' | 'enterprise'; regionCode: string; countryCode: string }[] {
  const rnd = random(seed * 104729 + 7);
  const kinds = ['technopark', 'university', 'enterprise'] as const;
  const labels: Record<(typeof kinds)[number], Words> = {
    technopark: { ru: 'Технопарк', fr: 'Technopôle', en: 'Technopark' },
    university: { ru: 'Университет', fr: 'Université', en: 'University' },
    enterprise: { ru: 'Компания', fr: 'Société', en: 'Company' },
  };
  return Array.from({ length: NAMED_PARTIES }, () => {
    const region = REGIONS[Math.floor(rnd() * REGIONS.length)]!;
    const kind = kinds[Math.floor(rnd() * kinds.length)]!;
    const brandRu = capitalise(
      Array.from({ length: 3 }, () => NAMED_PARTY_SYLLABLES[Math.floor(rnd() * NAMED_PARTY_SYLLABLES.length)]).join(''),
    );
    const brand = region.lang === 'ru' ? brandRu : transliterate(brandRu);
    const label = labels[kind];
    const name = { ru: `${label.ru} «${brand}»`, fr: `${label.fr} ${transliterate(brand)}`, en: `${transliterate(brand)} ${label.en}` };
    return { name: { original: region.lang, ...name }, kind, regionCode: region.code, countryCode: region.code.slice(0, 2) };
  });
}

/** The records, one bundle each (record, parties, milestones, stage history, participation). */
export function* syntheticRecordBundles(
  counts: SyntheticRecordCounts,
  candidates: PartyCandidate[],
  named: Party[],
  seed = 1,
): Generator<RecordBundle> {
  const rnd = random(seed * 15485863 + 1);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const pool = new PartyPool(candidates, named, rnd);
  const plan: [RecordKind, number][] = [
    ['agreement', counts.agreements ?? 0],
    ['initiative', counts.initiatives ?? 0],
    ['academic_partnership', counts.academicPartnerships ?? 0],
    ['residency', counts.residencies ?? 0],
  ];
  for (const [kind, count] of plan) {
    for (let i = 1; i <= count; i++) {
      const id = randomUUID();
      const stage = weighted(rnd, STAGE_WEIGHTS[kind]);
      const activity = pick(ACTIVITIES);
      const second = rnd() < 0.25 ? pick(ACTIVITIES) : undefined;
      const start = syntheticDate(rnd);
      const roles: PartyRole[] = [];
      let parties: Party[];
      let types: string[] = [];
      let label: Words;
      if (kind === 'residency') {
        const hostCountry = rnd() < 0.5 ? 'RU' : 'FR';
        const host = pool.pick(hostCountry, ['technopark', 'cluster_organisation']);
        const resident = pool.pick(hostCountry === 'RU' ? 'FR' : 'RU', ['enterprise']);
        parties = [resident, host].map((c) => ({ organisationId: c.id, regionCode: c.regionCode }));
        roles.push('resident', 'host');
        label = KIND_LABEL.residency;
      } else {
        parties = pool.parties(kind === 'academic_partnership' ? ['university', 'research_institute'] : undefined);
        if (kind === 'agreement') {
          const type = weighted(rnd, AGREEMENT_TYPE_WEIGHTS);
          types = [type];
          label = AGREEMENT_LABEL[type];
          parties.forEach(() => roles.push('signatory'));
        } else if (kind === 'academic_partnership') {
          types = [...new Set([pick(ACADEMIC_PARTNERSHIP_KINDS), ...(rnd() < 0.3 ? [pick(ACADEMIC_PARTNERSHIP_KINDS)] : [])])];
          const what = ACADEMIC_LABEL[types[0] as keyof typeof ACADEMIC_LABEL];
          const base = KIND_LABEL.academic_partnership;
          label = { ru: `${base.ru} (${what.ru})`, fr: `${base.fr} (${what.fr})`, en: `${base.en} (${what.en})` };
          parties.forEach(() => roles.push('partner'));
        } else {
          label = KIND_LABEL.initiative;
          parties.forEach((_, p) => roles.push(p === 0 ? 'coordinator' : rnd() < 0.15 ? 'funder' : 'partner'));
        }
      }
      const [a, b] = parties.map((p) => pick(regionOf(p.regionCode).cities));
      const lang: Language = regionOf(parties[0]!.regionCode).lang;
      const purpose = pick(PURPOSES);
      const title: Words = {
        ru: `${label.ru}: ${activity.ru}, ${a!.ru} — ${b!.ru}`,
        fr: `${label.fr} : ${activity.fr}, ${a!.fr} – ${b!.fr}`,
        en: `${label.en}: ${activity.en}, ${a!.en} – ${b!.en}`,
      };
      const summary: Words = {
        ru: `${capitalise(activity.ru)}${second ? ` и ${second.ru}` : ''}: ${purpose.ru}.`,
        fr: `${capitalise(activity.fr)}${second ? ` et ${second.fr}` : ''} : ${purpose.fr}.`,
        en: `${capitalise(activity.en)}${second ? ` and ${second.en}` : ''}: ${purpose.en}.`,
      };
      const translated = rnd() < 0.7; // the rest exist only in the first party's language
      const only = (v: Words): MultilingualText => (translated ? { original: lang, ...v } : { original: lang, [lang]: v[lang] });
      // a draft is not signed yet: it has no date of its own, only the validity it plans
      const dated = kind === 'agreement' && stage === 'draft' ? null : start;
      const until = rnd() < (kind === 'agreement' ? 0.6 : 0.7) ? laterBy(start, 1 + Math.floor(rnd() * 5)) : null;
      const areaCodes = [...new Set([activity.area ?? pick(AREAS), ...(second?.area ? [second.area] : [])])];
      const record: RecordBundle['record'] = {
        id,
        slug: `synthetic-${kind.replace('_', '-')}-${seed}-${i}`,
        kind,
        types,
        title: only(title),
        summary: only(summary),
        stage,
        areaCodes,
        dated,
        datedFirst: dated ? partialDate(dated).first : null,
        datedLast: dated ? partialDate(dated).last : null,
        validFrom: start,
        validFromFirst: partialDate(start).first,
        validUntil: until,
        validUntilLast: until ? partialDate(until).last : null,
        details: kind === 'residency' ? { services: RESIDENCY_SERVICES.filter(() => rnd() < 0.35) } : {},
        regionCodes: [...new Set(parties.map((p) => p.regionCode))],
        published: rnd() < 0.9,
        source: 'synthetic',
      };
      const path = stagePath(kind, stage, rnd);
      const startYear = Number(start.slice(0, 4));
      const stageChanges = path.map((to, step) => {
        const happened = laterBy(start, Math.min(step, LAST_YEAR - startYear));
        return {
          recordId: id,
          fromStage: step === 0 ? null : path[step - 1]!,
          toStage: to,
          happened,
          happenedFirst: partialDate(happened).first,
          // steps of one year keep their order when read by the time they were recorded
          recordedAt: new Date(Date.parse(`${partialDate(happened).first}T12:00:00Z`) + step * 60_000),
        };
      });
      const milestones =
        kind === 'initiative'
          ? MILESTONES.slice(0, 1 + Math.floor(rnd() * 4)).map((m, position) => {
              const due = `${Math.min(startYear + position, LAST_YEAR)}-${pad(1 + Math.floor(rnd() * 12))}-${pad(1 + Math.floor(rnd() * 28))}`;
              const done = stage === 'completed' || (stage === 'active' && rnd() < 0.5 && due < `${LAST_YEAR}`) ? due : null;
              return { recordId: id, position, title: only(m), dueOn: due, doneOn: done };
            })
          : [];
      const participation =
        kind === 'academic_partnership' && stage !== 'proposed'
          ? Array.from({ length: 1 + Math.floor(rnd() * 3) }, (_, y) => ({
              recordId: id,
              academicYear: `${startYear + y}/${startYear + y + 1}`,
              participants: 2 + Math.floor(rnd() * 30),
            }))
          : [];
      yield {
        record,
        parties: parties.map((p, position) => ({
          recordId: id,
          position,
          organisationId: p.organisationId ?? null,
          namedPartyId: p.namedPartyId ?? null,
          role: roles[position] ?? 'partner',
        })),
        milestones,
        stageChanges,
        participation,
      };
    }
  }
}

/** Inserts a synthetic set of records among the organisations there, in batches; returns how many of each kind. */
export async function insertSyntheticRecords(
  repos: Repositories,
  counts: SyntheticRecordCounts,
  options: { seed?: number; batchSize?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<{ inserted: number }> {
  const seed = options.seed ?? 1;
  const total = (counts.agreements ?? 0) + (counts.initiatives ?? 0) + (counts.academicPartnerships ?? 0) + (counts.residencies ?? 0);
  if (total === 0) return { inserted: 0 };
  const candidates = await repos.recordBatches.partyCandidates();
  const namedRows = syntheticNamedParties(seed);
  const namedIds = await repos.recordBatches.insertNamedParties(namedRows);
  const named = namedIds.map((id, i) => ({ namedPartyId: id, regionCode: namedRows[i]!.regionCode }));
  const batchSize = options.batchSize ?? 500;
  let batch: RecordBundle[] = [];
  let done = 0;
  options.onProgress?.(0, total);
  for (const bundle of syntheticRecordBundles(counts, candidates, named, seed)) {
    batch.push(bundle);
    if (batch.length === batchSize) {
      await repos.recordBatches.insertBundles(batch);
      done += batch.length;
      batch = [];
      options.onProgress?.(done, total);
    }
  }
  if (batch.length > 0) {
    await repos.recordBatches.insertBundles(batch);
    done += batch.length;
    options.onProgress?.(done, total);
  }
  await repos.recordBatches.analyse();
  return { inserted: done };
}
