import type { OfferRow } from '../../presenters/offer.presenter.js';
import type { Repositories } from '../../repositories/index.js';
import { LANGUAGES } from '../../shared/languages.js';
import type { MultilingualText } from '../../shared/multilingual.js';
import { offerPagePath } from '../../shared/offers.js';
import type { Actor } from '../access.js';
import { csvRows, type CsvSeparator } from '../csv/csv.js';
import { ownersShownTo } from './offer-view.js';

/** The export's columns, one line an offer; texts in each language beside the language they were written in. */
export const OFFER_CSV_COLUMNS = [
  'slug',
  'kind',
  'original_language',
  ...LANGUAGES.map((l) => `title_${l}`),
  ...LANGUAGES.map((l) => `summary_${l}`),
  'areas',
  'nace',
  'product_codes',
  'trl',
  'development_stage',
  'ip_status',
  'partnership_kinds',
  'partner_kinds',
  'partner_sizes',
  'target_regions',
  'region',
  'deadline',
  'expires_on',
  'published_at',
  'anonymous',
  'organisation',
  'organisation_name',
  'link',
] as const;

const inEach = (text: MultilingualText | null) => LANGUAGES.map((l) => text?.[l] ?? '');
const list = (values: readonly string[]) => values.join(' ');

/**
 * The published offers as CSV for a spreadsheet (a byte order mark first, so Cyrillic and accents read as
 * UTF-8; cells never run as formulas: csv/csv.ts). An anonymous offer's owner columns are empty for a
 * reader organisationShown does not show it to: its region stays, as on its page.
 */
export async function exportOffers(
  repos: Repositories,
  actor: Actor | null,
  publicUrl: string,
  separator: CsvSeparator = ',',
): Promise<string> {
  const rows = await repos.offers.published();
  const shownTo = await ownersShownTo(repos, actor, rows);
  const line = (row: OfferRow) => {
    const shown = shownTo.has(row.id);
    return [
      row.slug,
      row.kind,
      row.title.original,
      ...inEach(row.title),
      ...inEach(row.summary),
      list(row.areaCodes),
      list(row.naceCodes),
      list(row.productCodes),
      row.trl === null ? '' : String(row.trl),
      row.developmentStage ?? '',
      row.ipStatus ?? '',
      list(row.partnershipKinds),
      list(row.partnerKinds),
      list(row.partnerSizes),
      list(row.targetRegionCodes),
      row.regionCode,
      row.deadline ?? '',
      row.expiresOn,
      row.publishedAt?.toISOString() ?? '',
      row.anonymous ? 'yes' : 'no',
      shown ? row.organisation.slug : '',
      shown ? (row.organisation.name[row.organisation.name.original] ?? '') : '',
      `${publicUrl}${offerPagePath(row.slug)}`,
    ];
  };
  return '\uFEFF' + csvRows([[...OFFER_CSV_COLUMNS], ...rows.map(line)], separator);
}
