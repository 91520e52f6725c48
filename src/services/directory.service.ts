import type { Repositories } from '../repositories/index.js';
import { presentOrganisationDetail, presentOrganisationSummary } from '../presenters/organisation.presenter.js';
import type { OrganisationDetail, OrganisationList, OrganisationListQuery } from '../shared/schemas/organisations.js';
import { canSeeContacts, canSeeUnpublished, type Actor } from './access.js';
import { notFound } from './errors.js';
import { explainMatches } from './search/explain-matches.js';
import { readQuery } from './search/read-query.js';
import { DirectoryIndex } from './search/directory-index.js';
import type { SearchWord } from '../repositories/search-query.js';
import type { OrganisationFilter, PageRange } from '../repositories/organisation.repository.js';
import { expandRegions } from './regions.js';
import { requireKnownAreas } from './known-areas.js';
import type { ClassificationService } from './classification.service.js';

/** The organisation directory: search with filters, and one organisation's page. */
export class DirectoryService {
  private readonly index: DirectoryIndex;

  constructor(
    private readonly repos: Repositories,
    private readonly classifications: ClassificationService,
  ) {
    this.index = new DirectoryIndex(repos.search);
  }

  async search(query: OrganisationListQuery): Promise<OrganisationList> {
    const read = await readQuery(this.repos, query.q, 'query.q');

    const regionCodes = await expandRegions(this.repos, query.region ?? [], 'query.region');
    const areaCodes = query.area ?? [];
    await requireKnownAreas(this.repos, areaCodes, 'query.area');
    // a Russian or French user filters with the code of their own registration
    const naceClasses = this.classifications.naceClassesOf(query.nace ?? [], 'query.nace');

    const { page, pageSize } = query;
    const filter = { regionCodes, kinds: query.kind ?? [], sectors: query.sector ?? [], areaCodes, naceClasses };
    const range = { offset: (page - 1) * pageSize, limit: pageSize };
    const { rows, total } = read ? await this.find(read.words, filter, range) : await this.list(filter, range);
    const matches = read ? await explainMatches(this.repos, rows, read) : new Map();
    return {
      items: rows.map((row) => ({ ...presentOrganisationSummary(row), ...(matches.has(row.id) ? { match: matches.get(row.id) } : {}) })),
      meta: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) },
    };
  }

  /** Loads the directory index now rather than on the first search (it reads in pages: requests go on meanwhile). */
  warmUp(): Promise<void> {
    return this.index.refresh();
  }

  /**
   * A listing without words, by name. The directory index lists and counts in a millisecond or two what
   * costs the database 20–200 ms on 100,000 organisations (the count, and a walk of the name index that a
   * sparse filter makes long); until the index is loaded, the database answers, so that a start does not
   * make the first page wait for the load.
   */
  private async list(filter: OrganisationFilter, range: PageRange) {
    if (!this.index.loaded) return this.repos.organisations.browse(filter, range);
    await this.index.refresh();
    const found = this.index.browse(filter, range);
    return { rows: await this.repos.organisations.inOrder(found.ids), total: found.total };
  }

  /** Organisations matching the words, from the directory index; the page's rows read from the database. */
  private async find(words: SearchWord[], filter: OrganisationFilter, range: PageRange) {
    await this.index.refresh();
    let found = this.index.search(words, filter, range);
    // nothing found for what looks like a name (a word the glossary does not know, no filters): perhaps a
    // typo, so try names that sound close (a slower trigram pass)
    const filtered = Object.values(filter).some((f) => f.length > 0);
    if (found.total === 0 && !filtered && words.some((w) => w.nameKey && w.concepts.length === 0)) {
      const fuzzy = await Promise.all(
        words.map(async (w) => (w.nameKey ? { ...w, soundsLike: await this.repos.search.namesSoundingLike(w.nameKey) } : w)),
      );
      found = this.index.search(fuzzy, filter, range);
    }
    return { rows: await this.repos.organisations.inOrder(found.hits.map((h) => h.id)), total: found.total };
  }

  /** An organisation's page: published ones for everyone, others for their people and coordinators. */
  async get(slug: string, actor: Actor | null = null): Promise<OrganisationDetail> {
    const row = await this.repos.organisations.getBySlug(slug);
    if (!row || (!row.published && !canSeeUnpublished(actor, row, await this.repos.regions.list())))
      throw notFound(`Organisation "${slug}"`, 'params.slug');
    const [region, areas, allPeople, contacts] = await Promise.all([
      this.repos.regions.get(row.regionCode),
      this.repos.areas.byCodes(row.areaCodes),
      this.repos.organisations.people(row.id),
      this.contactsVisible(actor),
    ]);
    const people = contacts ? allPeople : allPeople.map(({ email: _e, phone: _p, ...person }) => person);
    const nace = row.naceClasses.map((c) => this.classifications.naceClass(c)).filter((n) => n !== undefined);
    return presentOrganisationDetail(row, { region: region!, areas, nace, people });
  }

  private async contactsVisible(actor: Actor | null): Promise<boolean> {
    if (!actor) return false;
    const ids = actor.grants.map((g) => g.organisationId).filter((id): id is string => id !== null);
    const published = new Set((await this.repos.organisations.byIds(ids)).filter((o) => o.published).map((o) => o.id));
    return canSeeContacts(actor, published);
  }
}
