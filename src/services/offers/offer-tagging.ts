import { conceptLabel } from '../../presenters/glossary.presenter.js';
import type { Repositories } from '../../repositories/index.js';
import type { OfferDocumentSource } from '../../repositories/offers/offer-document.repository.js';
import type { Language } from '../../shared/languages.js';
import { resolveText } from '../../shared/multilingual.js';
import type { OfferTagging, OfferTaggingBody } from '../../shared/schemas/offers.js';
import type { Actor } from '../access.js';
import type { ClassificationService } from '../classification.service.js';
import { requireKnownAreas } from '../known-areas.js';
import { describedProducts, readableOffer } from './offer-view.js';

/**
 * How matching sees an offer (the editor's preview): the glossary concepts its texts name, read from the
 * same search document the saved offer gets, and its codes and areas with their titles, in the reader's
 * language (else the original, else another).
 */
export class OfferTaggingService {
  constructor(
    private readonly repos: Repositories,
    private readonly classifications: ClassificationService,
  ) {}

  /** An unsaved draft's: its codes read as the editor will store them (an unknown one is refused, naming it). */
  async ofDraft(body: OfferTaggingBody, lang: Language): Promise<OfferTagging> {
    const areaCodes = [...new Set(body.areas ?? [])];
    await requireKnownAreas(this.repos, areaCodes, 'body.areas');
    const draft: OfferDocumentSource = {
      title: body.title ?? null,
      summary: body.summary ?? null,
      description: body.description ?? null,
      partnerRole: body.partnerRole ?? null,
      areaCodes,
      naceCodes: this.classifications.naceClassesOf(body.nace ?? [], 'body.nace'),
      productCodes: this.classifications.products.storedCodes(body.productCodes ?? [], 'body.productCodes'),
    };
    return this.present(await this.repos.offerDocuments.conceptsOf(draft), draft, lang);
  }

  /** A saved offer's, as the reader may see it. */
  async ofOffer(actor: Actor | null, slug: string, lang: Language): Promise<OfferTagging> {
    const row = await readableOffer(this.repos, actor, slug);
    return this.present(row.conceptCodes, row, lang);
  }

  private async present(
    conceptCodes: string[],
    source: Pick<OfferDocumentSource, 'areaCodes' | 'naceCodes' | 'productCodes'>,
    lang: Language,
  ): Promise<OfferTagging> {
    const [terms, areas] = await Promise.all([this.repos.glossary.terms(conceptCodes), this.repos.areas.byCodes(source.areaCodes)]);
    const areaNames = new Map(areas.map((a) => [a.code, a.name]));
    return {
      concepts: conceptCodes.map((code) => ({ code, label: resolveText(conceptLabel(code, terms), lang)?.text ?? code })),
      nace: source.naceCodes.map((code) => {
        const title = this.classifications.naceClass(code)?.title;
        return { code, title: (title && (title[lang] ?? title.en)) ?? code };
      }),
      products: describedProducts(this.classifications, source.productCodes),
      areas: source.areaCodes.map((code) => ({ code, label: resolveText(areaNames.get(code), lang)?.text ?? code })),
    };
  }
}
