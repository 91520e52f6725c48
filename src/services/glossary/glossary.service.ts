import { conceptLabel, presentConcept as present } from '../../presenters/glossary.presenter.js';
import { resolveText } from '../../shared/multilingual.js';
import type { Repositories } from '../../repositories/index.js';
import type { Concept, ConceptList, ConceptListQuery, GlossaryChange, NewConceptBody, NewTermBody } from '../../shared/schemas/glossary.js';
import { isAdmin, requireActor, type Actor } from '../access.js';
import { audit } from '../audit.js';
import type { ClassificationService } from '../classification.service.js';
import { AppError, notFound, unknownValue } from '../errors.js';
import { requireWritten, type ExpectedVersion } from '../versioning.js';

/** Coordinators and administrators extend the glossary; everyone reads it. */
export function canEditGlossary(actor: Actor | null): boolean {
  return isAdmin(actor) || !!actor?.grants.some((g) => g.role === 'regional_coordinator');
}

/**
 * The trilingual concept glossary: reading it, and the coordinators' changes. A change re-tags, in the
 * same transaction, the organisations it can affect, so that search and matchmaking see it at once.
 */
export class GlossaryService {
  constructor(
    private readonly repos: Repositories,
    private readonly classifications: ClassificationService,
  ) {}

  async list(query: ConceptListQuery): Promise<ConceptList> {
    const [concepts, terms] = await Promise.all([this.repos.glossary.concepts(), this.repos.glossary.terms(null)]);
    const found = query.q ? await this.repos.glossary.conceptCodesMatching(query.q.trim()) : concepts.map((c) => c.code);
    // in the reader's alphabetical order of labels, not by code: "Калуга" under К, "Céramique" under C
    const lang = query.lang ?? 'en';
    const collator = new Intl.Collator(lang, { sensitivity: 'base' });
    const labelOf = new Map(found.map((code) => [code, resolveText(conceptLabel(code, terms), lang)?.text ?? code]));
    const all = [...found].sort((a, b) => collator.compare(labelOf.get(a)!, labelOf.get(b)!) || a.localeCompare(b));
    const { page, pageSize } = query;
    const codes = all.slice((page - 1) * pageSize, page * pageSize);
    const byCode = new Map(concepts.map((c) => [c.code, c]));
    return {
      items: codes.map((code) => present(byCode.get(code)!, terms)),
      meta: { page, pageSize, total: all.length, pageCount: Math.ceil(all.length / pageSize) },
    };
  }

  async get(code: string): Promise<Concept> {
    const concept = await this.repos.glossary.concept(code);
    if (!concept) throw notFound(`Concept "${code}"`, 'params.code');
    return present(concept, await this.repos.glossary.terms([code, ...concept.broader]));
  }

  async createConcept(actor: Actor | null, body: NewConceptBody): Promise<GlossaryChange> {
    const by = this.requireEditor(actor);
    const naceClasses = this.classifications.naceClassesOf(body.nace, 'body.nace');
    return this.repos.transaction(async (tx) => {
      if (await tx.glossary.concept(body.code)) throw new AppError('concept_exists', undefined, 'body.code');
      const known = new Set((await tx.glossary.concepts()).map((c) => c.code));
      const unknown = body.broader.filter((c) => !known.has(c));
      if (unknown.length > 0) throw unknownValue('body.broader', unknown, 'concept');
      // inserted by someone else since the check above: it waited for their commit and added nothing
      if ((await tx.glossary.insertConcepts([{ code: body.code, broader: [...new Set(body.broader)], naceClasses, source: 'user' }])) === 0)
        throw new AppError('concept_exists', undefined, 'body.code');
      const ids: string[] = [];
      for (const [i, term] of body.terms.entries()) ids.push(await this.insertTerm(tx, body.code, term, by, `body.terms[${i}]`));
      const retagged = await tx.glossary.retag({ termIds: ids, conceptCodes: [] });
      await audit(tx, { actorId: by.user.id, action: 'glossary.concept_created', entityType: 'concept', entityId: body.code, after: body });
      return { concept: present((await tx.glossary.concept(body.code))!, await tx.glossary.terms([body.code])), retagged };
    });
  }

  /**
   * Adds a term to a concept. With an expected version (If-Match: the concept's), a concept whose terms
   * someone else changed since is refused (version_conflict).
   */
  async addTerm(actor: Actor | null, code: string, body: NewTermBody, expected: ExpectedVersion = null): Promise<GlossaryChange> {
    const by = this.requireEditor(actor);
    return this.repos.transaction(async (tx) => {
      if (!(await tx.glossary.concept(code))) throw notFound(`Concept "${code}"`, 'params.code');
      await requireWritten(await tx.glossary.moveConceptVersion(code, expected), async () => (await tx.glossary.concept(code))?.version);
      const id = await this.insertTerm(tx, code, body, by, 'body');
      const retagged = await tx.glossary.retag({ termIds: [id], conceptCodes: [] });
      await audit(tx, { actorId: by.user.id, action: 'glossary.term_added', entityType: 'concept', entityId: code, after: body });
      return { concept: present((await tx.glossary.concept(code))!, await tx.glossary.terms([code])), retagged };
    });
  }

  /** Removes a term; the expected version, if given, is its concept's (as for addTerm). */
  async removeTerm(actor: Actor | null, id: string, expected: ExpectedVersion = null): Promise<GlossaryChange> {
    const by = this.requireEditor(actor);
    return this.repos.transaction(async (tx) => {
      const term = await tx.glossary.term(id);
      if (!term) throw notFound('Term', 'params.id');
      const code = term.conceptCode;
      await requireWritten(await tx.glossary.moveConceptVersion(code, expected), async () => (await tx.glossary.concept(code))?.version);
      // read again under the concept's lock: someone may have removed it just before
      if ((await tx.glossary.term(id))!.removed) throw notFound('Term', 'params.id');
      await tx.glossary.removeTerm(id);
      const retagged = await tx.glossary.retag({ termIds: [], conceptCodes: [code] });
      await audit(tx, {
        actorId: by.user.id,
        action: 'glossary.term_removed',
        entityType: 'concept',
        entityId: code,
        before: { language: term.language, term: term.term },
      });
      const concept = (await tx.glossary.concept(code))!;
      return { concept: present(concept, await tx.glossary.terms([code])), retagged };
    });
  }

  private requireEditor(actor: Actor | null): Actor {
    const by = requireActor(actor);
    if (!canEditGlossary(by)) throw new AppError('forbidden', 'Only coordinators and administrators edit the glossary.');
    return by;
  }

  /** Adds a term, or brings back a removed one; a live duplicate or a term of stop words only is refused. */
  private async insertTerm(tx: Repositories, code: string, body: NewTermBody, by: Actor, field: string): Promise<string> {
    const term = body.term.trim().replace(/\s+/g, ' ');
    const position = await tx.glossary.termCount(code, body.language);
    const existing = await tx.glossary.findTerm(code, body.language, term);
    if (existing && !existing.removed) throw new AppError('term_exists', undefined, `${field}.term`);
    if (existing) {
      await tx.glossary.restoreTerm(existing.id, position, by.user.id);
      return existing.id;
    }
    // not a duplicate (checked above), so an insert that adds nothing found no searchable word
    const [id] = await tx.glossary.insertTerms([
      { conceptCode: code, language: body.language, term, position, source: 'user', createdBy: by.user.id },
    ]);
    if (!id) throw new AppError('term_not_searchable', undefined, `${field}.term`);
    return id;
  }
}
