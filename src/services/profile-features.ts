/** The keys under which the in-memory indexes (partners, directory) post an organisation's codes and attributes. */
export const feature = {
  area: (code: string) => `area:${code}`,
  nace: (code: string) => `nace:${code}`,
  concept: (code: string) => `concept:${code}`,
  /** A stored product code ("cpa:23.43.10", "hs:8482"): `product:hs:8482`; a code also posts its broader levels. */
  product: (code: string) => `product:${code}`,
  kind: (kind: string) => `kind:${kind}`,
  region: (code: string) => `region:${code}`,
  sector: (sector: string) => `sector:${sector}`,
  /** A name's sound key. */
  name: (key: string) => `name:${key}`,
};
