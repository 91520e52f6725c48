import type { ComboboxItemGroup } from '@mantine/core';
import type { Region } from '../../../shared/schemas/reference';
import { useRegions } from '../api/reference';
import { useI18n } from '../i18n/I18nProvider';
import { useMlString } from './MlText';

/** A choice's label with how many organisations it would give, when the listing counted them. */
export const withCount = (label: string, count: number | undefined) => (count === undefined ? label : `${label} · ${count}`);

/**
 * The regions as grouped choices: each country's regions, a department under its region; with counts,
 * each region adds up its subdivisions (organisations are counted under the region they hold).
 */
export function useRegionGroups(counts?: Record<string, number>): {
  groups: ComboboxItemGroup[];
  count(codes: string[]): number | undefined;
} {
  const { lang } = useI18n();
  const text = useMlString();
  const regions = useRegions().data?.items ?? [];
  const countries = new Intl.DisplayNames([lang], { type: 'region' });
  const byCountry = new Map<string, Region[]>();
  for (const r of regions) byCountry.set(r.countryCode, [...(byCountry.get(r.countryCode) ?? []), r]);
  const count = (codes: string[]) =>
    counts &&
    regions.filter((r) => codes.includes(r.code) || codes.includes(r.parentCode ?? '')).reduce((n, r) => n + (counts[r.code] ?? 0), 0);
  const label = (r: Region) => withCount(`${text(r.name)} (${r.code})`, count([r.code]));
  const groups = [...byCountry].map(([country, inCountry]) => ({
    group: countries.of(country) ?? country,
    items: inCountry
      .filter((r) => !r.parentCode || !inCountry.some((p) => p.code === r.parentCode))
      .flatMap((top) => [
        { value: top.code, label: label(top) },
        ...inCountry.filter((r) => r.parentCode === top.code).map((sub) => ({ value: sub.code, label: `— ${label(sub)}` })),
      ]),
  }));
  return { groups, count };
}
