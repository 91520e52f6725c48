import type { Region } from '../../../../shared/schemas/reference';
import { useRegions } from '../../../shared/api/reference';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { useMlString } from '../../../shared/ui/MlText';
import { usePartnership, usePartnerships } from '../../home/api/partnerships';

/** A choice of several regions: the select's value is their codes joined by commas, one `region=` each. */
export const regionsValue = (codes: string[]) => [...codes].sort().join(',');

/** A choice's label with how many organisations it would give, when the listing counted them. */
export const withCount = (label: string, count: number | undefined) => (count === undefined ? label : `${label} · ${count}`);

/**
 * The region filter's choices: the partnership sides that are a named set of regions ("Limousin" is three
 * departments), then each country's regions, a department under its region.
 */
export function RegionOptions({ counts }: { counts?: Record<string, number> }) {
  const { t, lang } = useI18n();
  const text = useMlString();
  const regions = useRegions().data?.items ?? [];
  const partnerships = usePartnerships().data?.items ?? [];
  const countries = new Intl.DisplayNames([lang], { type: 'region' });
  const byCountry = new Map<string, Region[]>();
  for (const r of regions) byCountry.set(r.countryCode, [...(byCountry.get(r.countryCode) ?? []), r]);
  // organisations are counted under the region they hold: a region adds up its subdivisions
  const count = (codes: string[]) =>
    counts &&
    regions.filter((r) => codes.includes(r.code) || codes.includes(r.parentCode ?? '')).reduce((n, r) => n + (counts[r.code] ?? 0), 0);
  const label = (r: Region) => withCount(`${text(r.name)} (${r.code})`, count([r.code]));
  return (
    <>
      {partnerships.length > 0 && (
        <optgroup label={t('directoryPaging.partnershipSides')}>
          {partnerships.map((p) => (
            <PartnershipSides key={p.slug} slug={p.slug} count={count} />
          ))}
        </optgroup>
      )}
      {[...byCountry].map(([country, inCountry]) => (
        <optgroup key={country} label={countries.of(country) ?? country}>
          {inCountry
            .filter((r) => !r.parentCode || !inCountry.some((p) => p.code === r.parentCode))
            .flatMap((top) => [
              <option key={top.code} value={top.code}>
                {label(top)}
              </option>,
              ...inCountry
                .filter((r) => r.parentCode === top.code)
                .map((sub) => (
                  <option key={sub.code} value={sub.code}>
                    {`\u00a0\u00a0\u00a0— ${label(sub)}`}
                  </option>
                )),
            ])}
        </optgroup>
      ))}
    </>
  );
}

/** A partnership's sides of more than one region (a side of one region is already that region's choice). */
function PartnershipSides({ slug, count }: { slug: string; count(codes: string[]): number | undefined }) {
  const text = useMlString();
  const sides = usePartnership(slug).data?.sides ?? [];
  return (
    <>
      {sides
        .filter((s) => s.regions.length > 1)
        .map((s) => (
          <option key={text(s.name)} value={regionsValue(s.regions.map((r) => r.code))}>
            {withCount(`${text(s.name)} (${s.regions.map((r) => r.code).join(', ')})`, count(s.regions.map((r) => r.code)))}
          </option>
        ))}
    </>
  );
}
