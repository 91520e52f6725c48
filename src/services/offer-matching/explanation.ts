import type { OrganisationKind } from '../../shared/domain.js';
import type { Language } from '../../shared/languages.js';
import { resolveText, type MultilingualText } from '../../shared/multilingual.js';
import type { OfferKind } from '../../shared/offers.js';
import type { MatchExplanation, MatchSignal, MatchSignalExplained } from '../../shared/schemas/offer-matching.js';
import type { ScoredPair } from '../matching/scoring.js';

type Words = Record<Language, string>;

const ORGANISATION_KIND_WORDS: Record<OrganisationKind, Words> = {
  enterprise: { en: 'company', fr: 'entreprise', ru: 'компания' },
  university: { en: 'university', fr: 'université', ru: 'университет' },
  research_institute: { en: 'research institute', fr: 'institut de recherche', ru: 'научный институт' },
  development_agency: { en: 'development agency', fr: 'agence de développement', ru: 'агентство развития' },
  technopark: { en: 'technopark', fr: 'technopôle', ru: 'технопарк' },
  cluster_organisation: { en: 'cluster organisation', fr: 'pôle de compétitivité', ru: 'кластер' },
  government_body: { en: 'public authority', fr: 'collectivité', ru: 'орган власти' },
  municipality: { en: 'municipality', fr: 'commune', ru: 'муниципалитет' },
  venue: { en: 'venue', fr: 'lieu d’accueil', ru: 'площадка' },
  other: { en: 'organisation', fr: 'organisation', ru: 'организация' },
};

const OFFER_KIND_WORDS: Record<OfferKind, Words> = {
  technology_offer: { en: 'technology offer', fr: 'offre de technologie', ru: 'технологическое предложение' },
  technology_request: { en: 'technology request', fr: 'demande de technologie', ru: 'технологический запрос' },
  business_offer: { en: 'business offer', fr: 'offre commerciale', ru: 'деловое предложение' },
  business_request: { en: 'business request', fr: 'demande commerciale', ru: 'деловой запрос' },
  rd_partner_search: { en: 'R&D partner search', fr: 'recherche de partenaire R&D', ru: 'поиск партнёра для НИОКР' },
  soft_landing_request: { en: 'soft-landing request', fr: 'demande d’accueil (soft landing)', ru: 'запрос на мягкую посадку' },
};

/** What each signal says, in each language; `items` are the shared things, already in the reader's language. */
const SENTENCES: Record<MatchSignal, Record<Language, (items: string) => string>> = {
  complementarity: {
    en: (i) => `Complementary: ${i}`,
    fr: (i) => `Complémentaires : ${i}`,
    ru: (i) => `Дополняют друг друга: ${i}`,
  },
  areas: {
    en: (i) => `Shared areas of cooperation: ${i}`,
    fr: (i) => `Domaines de coopération communs : ${i}`,
    ru: (i) => `Общие направления сотрудничества: ${i}`,
  },
  nace: {
    en: (i) => `Shared activities (NACE): ${i}`,
    fr: (i) => `Activités communes (NACE) : ${i}`,
    ru: (i) => `Общие виды деятельности (NACE): ${i}`,
  },
  products: { en: (i) => `Shared products: ${i}`, fr: (i) => `Produits communs : ${i}`, ru: (i) => `Общая продукция: ${i}` },
  concepts: { en: (i) => `Shared subjects: ${i}`, fr: (i) => `Sujets communs : ${i}`, ru: (i) => `Общие темы: ${i}` },
  partnerSought: {
    en: (i) => `The partner sought: ${i}`,
    fr: (i) => `Le partenaire recherché : ${i}`,
    ru: (i) => `Искомый партнёр: ${i}`,
  },
  targetRegion: {
    en: (i) => `In a region where partners are sought: ${i}`,
    fr: (i) => `Dans une région où des partenaires sont recherchés : ${i}`,
    ru: (i) => `В регионе, где ищут партнёров: ${i}`,
  },
  regionPair: {
    en: (i) => `On the other side of a partnership between regions: ${i}`,
    fr: (i) => `De l’autre côté d’un partenariat entre régions : ${i}`,
    ru: (i) => `По другую сторону межрегионального партнёрства: ${i}`,
  },
};

/** Labels of what a pair shares, as the service looked them up (multilingual; the explanation picks the reader's). */
export interface ExplanationLabels {
  area: (code: string) => MultilingualText | undefined;
  nace: (code: string) => Partial<Record<Language, string>> | undefined;
  product: (code: string) => Partial<Record<Language, string>> | undefined;
  concept: (code: string) => MultilingualText | undefined;
  region: (code: string) => MultilingualText | undefined;
  /** The partnership a paired region is on the other side of. */
  partnership: (regionCode: string) => MultilingualText | undefined;
}

/** Each side of the pair: an offer's kind, or an organisation's. */
export interface ExplainedSides {
  source: { kind: OrganisationKind; offerKind?: OfferKind };
  candidate: { kind: OrganisationKind; offerKind?: OfferKind; regionCode: string };
}

const pick = (value: Partial<Record<Language, string>> | undefined, lang: Language, fallback: string) =>
  value ? (resolveText({ original: 'en', ...value } as MultilingualText, lang)?.text ?? fallback) : fallback;
const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * A scored pair explained in the reader's language: each signal that scored, its points, the shared items
 * and a sentence. It names codes, kinds and regions only: never the owner of an offer (whoever reads it).
 */
export function explainPair(pair: ScoredPair, sides: ExplainedSides, labels: ExplanationLabels, lang: Language): MatchExplanation {
  const kindOf = (side: { kind: OrganisationKind; offerKind?: OfferKind }) =>
    side.offerKind ? OFFER_KIND_WORDS[side.offerKind][lang] : ORGANISATION_KIND_WORDS[side.kind][lang];
  const items: Record<MatchSignal, { code: string; label: string }[]> = {
    complementarity:
      pair.contributions.complementarity > 0
        ? [sides.source, sides.candidate].map((s) => ({ code: s.offerKind ?? s.kind, label: kindOf(s) }))
        : [],
    areas: pair.areas.map((code) => ({ code, label: pick(labels.area(code), lang, code) })),
    nace: pair.nace.map((code) => ({ code, label: `${code} ${pick(labels.nace(code), lang, '')}`.trim() })),
    products: pair.products.map((p) => ({
      code: p.code,
      label: `${p.code.replace(/^\w+:/, '')} ${pick(labels.product(p.code), lang, '')}`.trim(),
    })),
    concepts: pair.concepts.map((c) => ({ code: c.code, label: pick(labels.concept(c.code), lang, c.code) })),
    partnerSought: [
      ...(pair.partnerSought.sourceSeeks ? [sides.candidate.kind] : []),
      ...(pair.partnerSought.candidateSeeks ? [sides.source.kind] : []),
    ].map((kind) => ({ code: kind, label: ORGANISATION_KIND_WORDS[kind][lang] })),
    targetRegion: pair.targetRegion
      ? [{ code: sides.candidate.regionCode, label: pick(labels.region(sides.candidate.regionCode), lang, sides.candidate.regionCode) }]
      : [],
    regionPair: pair.regionPair
      ? [
          {
            code: sides.candidate.regionCode,
            label: pick(labels.partnership(sides.candidate.regionCode), lang, sides.candidate.regionCode),
          },
        ]
      : [],
  };
  const signals: MatchSignalExplained[] = (Object.keys(items) as MatchSignal[])
    .filter((signal) => pair.contributions[signal] > 0)
    .map((signal) => ({
      signal,
      points: round(pair.contributions[signal]),
      items: items[signal],
      text: SENTENCES[signal][lang](items[signal].map((i) => i.label).join(', ')),
    }))
    .sort((a, b) => b.points - a.points);
  return { language: lang, signals };
}
