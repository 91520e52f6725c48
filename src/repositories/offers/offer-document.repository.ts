import { eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { areas, offers } from '../../db/schema/index.js';
import { LANGUAGES, type Language } from '../../shared/languages.js';
import type { MultilingualText } from '../../shared/multilingual.js';
import type { ClassificationRepository } from '../classification.repository.js';
import { searchDocument, type DocumentText } from '../search-query.js';

/** What an offer's search document is made of: its texts and its stored codes. */
export interface OfferDocumentSource {
  title: MultilingualText | null;
  summary: MultilingualText | null;
  description: MultilingualText | null;
  partnerRole: MultilingualText | null;
  areaCodes: string[];
  naceCodes: string[];
  productCodes: string[];
}

function inLanguages(value: Partial<Record<Language, string>> | null | undefined): DocumentText[] {
  return LANGUAGES.flatMap((lang) => (value?.[lang]?.trim() ? [{ text: value[lang]!, lang }] : []));
}

/**
 * An offer's search document and glossary concepts, kept in its row (search_vector, concept_codes) as an
 * organisation's are: the title weighs most, then the summary and the partner sought, then the description,
 * then the titles of its codes and areas in every language (so «фильтр» finds an offer coded 23.14 whatever
 * its own language). Every path that writes an offer's texts (the editor, imports, the synthetic generator,
 * test fixtures) calls `refresh` in the same transaction, so search and matching read the same words.
 */
export class OfferDocumentRepository {
  constructor(
    private readonly db: Database,
    private readonly classifications: ClassificationRepository,
  ) {}

  async refresh(ids: string[], db: Database = this.db): Promise<void> {
    if (ids.length === 0) return;
    const rows = await db
      .select({
        id: offers.id,
        title: offers.title,
        summary: offers.summary,
        description: offers.description,
        partnerRole: offers.partnerRole,
        areaCodes: offers.areaCodes,
        naceCodes: offers.naceCodes,
        productCodes: offers.productCodes,
      })
      .from(offers)
      .where(inArray(offers.id, ids));
    const areaNames = await this.areaNames(
      rows.flatMap((r) => r.areaCodes),
      db,
    );
    for (const row of rows) {
      const document = this.documentOf(row, areaNames);
      await db
        .update(offers)
        .set({ searchVector: sql`${document}`, conceptCodes: sql`glossary_concepts_of(${document})` })
        .where(eq(offers.id, row.id));
    }
  }

  /**
   * The glossary concepts an unsaved draft's texts and codes name, read from the same document a saved
   * offer gets: the editor's preview of how matching will see it.
   */
  async conceptsOf(draft: OfferDocumentSource): Promise<string[]> {
    const document = this.documentOf(draft, await this.areaNames(draft.areaCodes, this.db));
    const result = (await this.db.execute(sql`select glossary_concepts_of(${document}) as codes`)) as unknown as {
      rows: { codes: string[] | null }[];
    };
    return result.rows[0]?.codes ?? [];
  }

  private async areaNames(codes: string[], db: Database): Promise<Map<string, MultilingualText>> {
    const unique = [...new Set(codes)];
    if (unique.length === 0) return new Map();
    const rows = await db.select({ code: areas.code, name: areas.name }).from(areas).where(inArray(areas.code, unique));
    return new Map(rows.map((a) => [a.code, a.name]));
  }

  private documentOf(row: OfferDocumentSource, areaNames: Map<string, MultilingualText>) {
    const codes = [
      ...row.naceCodes.flatMap((c) => inLanguages(this.classifications.naceEntry(c)?.title)),
      ...row.productCodes.flatMap((c) => inLanguages(this.classifications.products.entry(c)?.title)),
      ...row.areaCodes.flatMap((c) => inLanguages(areaNames.get(c))),
    ];
    return searchDocument({
      names: inLanguages(row.title),
      other: [...inLanguages(row.summary), ...inLanguages(row.partnerRole)],
      descriptions: inLanguages(row.description),
      codes,
    });
  }
}
