/**
 * Glossary concepts that name a place or a kind of organisation rather than what an organisation works on.
 * Two organisations that both mention "Kaluga" or "university" have no subject in common: such a concept
 * tells where an organisation is or what it is, which the region filter and complementarity already weigh,
 * so the score does not count it as a shared subject (docs/matching.md). The shipped glossary's codes,
 * narrower places included (Obninsk under Kaluga, Limoges under Limousin).
 */
export const PLACE_CONCEPTS = [
  'kaluga',
  'obninsk',
  'limousin',
  'limoges',
  'correze',
  'creuse',
  'haute-vienne',
  'nouvelle-aquitaine',
  'moscow',
  'tula',
  'saint-petersburg',
  'russia',
  'france',
] as const;

/** Kinds of organisation and public bodies: what a partner is, not what it does. */
export const ORGANISATION_KIND_CONCEPTS = [
  'university',
  'research-institute',
  'technopark',
  'residency',
  'cluster',
  'development-agency',
  'regional-council',
  'smes',
] as const;

const NOT_SUBJECTS: ReadonlySet<string> = new Set<string>([...PLACE_CONCEPTS, ...ORGANISATION_KIND_CONCEPTS]);

/** Whether sharing this concept says two organisations work on the same thing. */
export function isSubjectConcept(code: string): boolean {
  return !NOT_SUBJECTS.has(code);
}
