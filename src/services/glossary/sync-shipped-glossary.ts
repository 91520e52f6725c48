import type { Repositories } from '../../repositories/index.js';
import type { NewTerm } from '../../repositories/glossary.repository.js';
import { LANGUAGES } from '../../shared/languages.js';
import { applyShipped, type ShippedApplication } from '../apply-shipped.js';

interface ShippedConcept {
  code: string;
  broader?: string[];
  nace?: string[];
  ru: string[];
  fr: string[];
  en: string[];
}

const GLOSSARY: ShippedApplication = { stamp: 'glossary', files: ['glossary.json'], applier: 1 };

/**
 * Adds the shipped glossary's missing concepts and terms (src/reference/glossary.json). Coordinators'
 * additions stay, and so do their removals: a removed term is kept as a tombstone and not brought back.
 * When anything was added, every organisation is re-tagged. Returns the numbers added and re-tagged.
 */
export async function syncShippedGlossary(repos: Repositories): Promise<{ concepts: number; terms: number; retagged: number }> {
  const applied = await applyShipped(repos, GLOSSARY, async (tx, files) => {
    const shippedConcepts = files.json<{ concepts: ShippedConcept[] }>('glossary.json').concepts;
    const concepts = await tx.glossary.insertConcepts(
      shippedConcepts.map((c) => ({ code: c.code, broader: c.broader ?? [], naceClasses: c.nace ?? [], source: 'shipped' as const })),
    );
    const terms: NewTerm[] = shippedConcepts.flatMap((c) =>
      LANGUAGES.flatMap((language) =>
        c[language].map((term, position) => ({ conceptCode: c.code, language, term, position, source: 'shipped' as const })),
      ),
    );
    // compiling 1,500 terms at every start would cost a second: only the missing ones are sent
    const present = await tx.glossary.shippedTermKeys();
    const added = await tx.glossary.insertTerms(terms.filter((t) => !present.has(`${t.conceptCode} ${t.language} ${t.term}`)));
    const retagged = added.length > 0 ? await tx.glossary.retagAll() : 0;
    return { concepts, terms: added.length, retagged };
  });
  // the file applied already: nothing it holds can be missing but what coordinators removed (kept removed)
  return applied ?? { concepts: 0, terms: 0, retagged: 0 };
}
