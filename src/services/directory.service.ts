import type { Repositories } from '../repositories/index.js';
import { presentOrganisationDetail, presentOrganisationSummary } from '../presenters/organisation.presenter.js';
import type { OrganisationDetail, OrganisationList, OrganisationListQuery } from '../shared/schemas/organisations.js';
import { canSeeContacts, canSeeUnpublished, type Actor } from './access.js';
import { notFound } from './errors.js';
import { explainMatches } from './search/explain-matches.js';
import { readQuery } from './search/read-query.js';
import { expandRegions } from './regions.js';
import { requireKnownAreas } from './known-areas.js';
import type { ClassificationService } from './classification.service.js';

/** The organisation directory: search with filters, and one organisation's page. */
export class DirectoryService {
  constructor(
    private readonly repos: Repositories,
    private readonly classifications: ClassificationService,
  ) {}

  async search(query: OrganisationListQuery): Promise<OrganisationList> {
    const read = await readQuery(this.repos, query.q, 'query.q');

    const regionCodes = await expandRegions(this.repos, query.region ?? [], 'query.region');
    const areaCodes = query.area ?? [];
    await requireKnownAreas(this.repos, areaCodes, 'query.area');
    // a Russian or French user filters with the code of their own registration
    const naceClasses = this.classifications.naceClassesOf(query.nace ?? [], 'query.nace');

    const { page, pageSize } = query;
    const { rows, total } = await this.repos.organisations.search(
      { words: read?.words ?? [], regionCodes, kinds: query.kind ?? [], sectors: query.sector ?? [], areaCodes, naceClasses },
      { offset: (page - 1) * pageSize, limit: pageSize },
    );
    const matches = read ? await explainMatches(this.repos, rows, read) : new Map();
    return {
      items: rows.map((row) => ({ ...presentOrganisationSummary(row), ...(matches.has(row.id) ? { match: matches.get(row.id) } : {}) })),
      meta: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) },
    };
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
