import type { ComboboxItemGroup } from '@mantine/core';
import { useMemo } from 'react';
import { foldText } from '../../../shared/classification-codes';
import { LANGUAGES } from '../../../shared/languages';
import { resolveText } from '../../../shared/multilingual';
import type { Region } from '../../../shared/schemas/reference';
import { useRegions } from '../api/reference';
import { useI18n } from '../i18n/I18nProvider';

/** A choice's label with how many organisations it would give, when the listing counted them. */
export const withCount = (label: string, count: number | undefined) => (count === undefined ? label : `${label} · ${count}`);

/** The choice of a whole country in the directory's region filter (`country=` in its address). */
export const countryChoice = (country: string) => `country:${country}`;
export const choiceCountry = (value: string) => (value.startsWith('country:') ? value.slice('country:'.length) : null);

/** How many region choices a type-ahead shows at once: the list has 2,000 regions, a person reads a screenful. */
export const REGION_CHOICES_SHOWN = 60;

/**
 * Each region's words a type-ahead finds it by: its names, its parent's and its country's in every language,
 * and its code ("Nouvelle-Aquitaine" lists its departments too, "Suède" Sweden's counties).
 */
function searchTexts(regions: Region[]): Map<string, string> {
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const countryNames = LANGUAGES.map((l) => new Intl.DisplayNames([l], { type: 'region' }));
  const countries = new Map<string, string>();
  const texts = new Map<string, string>();
  for (const r of regions) {
    if (!countries.has(r.countryCode)) {
      countries.set(r.countryCode, countryNames.map((n) => n.of(r.countryCode) ?? '').join(' '));
      texts.set(countryChoice(r.countryCode), foldText(`${countries.get(r.countryCode)} ${r.countryCode}`));
    }
    const parent = r.parentCode ? byCode.get(r.parentCode)?.name : undefined;
    const words = [r.name.ru, r.name.fr, r.name.en, r.code, parent?.ru, parent?.fr, parent?.en, countries.get(r.countryCode)];
    texts.set(r.code, foldText(words.filter(Boolean).join(' ')));
  }
  return texts;
}

/**
 * The regions as grouped choices: each country's regions, a department under its region; with counts,
 * each region adds up its subdivisions (organisations are counted under the region they hold). Built once
 * for a language and counts: 2,000 regions are too many to walk again at every keystroke.
 */
export function useRegionGroups(
  counts?: Record<string, number>,
  /** Offer each whole country first in its group (a filter; a profile is in one region). */
  withCountries = false,
): {
  groups: ComboboxItemGroup[];
  count(codes: string[]): number | undefined;
  /** A choice's words in every language (a side of a partnership has none: its label is searched). */
  searchText(value: string): string | undefined;
} {
  const { lang, t } = useI18n();
  const regions = useRegions().data?.items;
  const texts = useMemo(() => searchTexts(regions ?? []), [regions]);
  return useMemo(() => {
    const all = regions ?? [];
    const text = (r: Region) => resolveText(r.name, lang)?.text ?? r.code;
    const countries = new Intl.DisplayNames([lang], { type: 'region' });
    const children = new Map<string, Region[]>();
    for (const r of all) if (r.parentCode) children.set(r.parentCode, [...(children.get(r.parentCode) ?? []), r]);
    const count = (codes: string[]) =>
      counts &&
      [...new Set(codes.flatMap((c) => [c, ...(children.get(c) ?? []).map((r) => r.code)]))].reduce((n, c) => n + (counts[c] ?? 0), 0);
    const label = (r: Region) => withCount(`${text(r)} (${r.code})`, count([r.code]));
    const known = new Set(all.map((r) => r.code));
    const byCountry = new Map<string, Region[]>();
    for (const r of all) byCountry.set(r.countryCode, [...(byCountry.get(r.countryCode) ?? []), r]);
    const groups = [...byCountry].map(([country, inCountry]) => ({
      group: countries.of(country) ?? country,
      items: [
        ...(withCountries
          ? [
              {
                value: countryChoice(country),
                label: withCount(
                  t('directory.wholeCountry', { country: countries.of(country) ?? country }),
                  count(inCountry.filter((r) => !r.parentCode).map((r) => r.code)),
                ),
              },
            ]
          : []),
        ...inCountry
          .filter((r) => !r.parentCode || !known.has(r.parentCode))
          .flatMap((top) => [
            { value: top.code, label: label(top) },
            ...(children.get(top.code) ?? []).map((sub) => ({ value: sub.code, label: `— ${label(sub)}` })),
          ]),
      ],
    }));
    return { groups, count, searchText: (value: string) => texts.get(value) };
  }, [regions, lang, t, counts, texts, withCountries]);
}
