import type { ComboboxItemGroup } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Partnership } from '../../../../shared/schemas/reference';
import { getJson } from '../../../shared/api/client';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { useMlString } from '../../../shared/ui/MlText';
import { useRegionGroups, withCount } from '../../../shared/ui/region-choices';
import { usePartnerships } from '../../home/api/partnerships';

/** A choice of several regions: the choice's value is their codes joined by commas, one `region=` each. */
export const regionsValue = (codes: string[]) => [...codes].sort().join(',');

/** The sides of the partnerships (each partnership's page read once). */
function usePartnershipSides(): Partnership['sides'] {
  const slugs = (usePartnerships().data?.items ?? []).map((p) => p.slug).join('\n');
  const [sides, setSides] = useState<Partnership['sides']>([]);
  useEffect(() => {
    let current = true;
    const pages = slugs ? slugs.split('\n').map((slug) => getJson<Partnership>(`/partnerships/${encodeURIComponent(slug)}`)) : [];
    Promise.all(pages).then(
      (found) => current && setSides(found.flatMap((p) => p.sides)),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [slugs]);
  return sides;
}

/**
 * The region filter's choices: the partnership sides that are a named set of regions ("Limousin" is three
 * departments), then each country's regions, a department under its region.
 */
export function useRegionFilterChoices(counts?: Record<string, number>): {
  choices: ComboboxItemGroup[];
  searchText(value: string): string | undefined;
} {
  const { t } = useI18n();
  const text = useMlString();
  const { groups, count, searchText } = useRegionGroups(counts, true);
  // a side of one region is already that region's choice
  const sides = usePartnershipSides()
    .filter((s) => s.regions.length > 1)
    .map((s) => {
      const codes = s.regions.map((r) => r.code);
      return { value: regionsValue(codes), label: withCount(`${text(s.name)} (${codes.join(', ')})`, count(codes)) };
    });
  return { choices: sides.length ? [{ group: t('directoryPaging.partnershipSides'), items: sides }, ...groups] : groups, searchText };
}

/** The chosen regions as choices: a side's regions, all chosen, show as that side. */
export function chosenRegionChoices(chosen: string[], choices: ComboboxItemGroup[]): string[] {
  const sides = choices.flatMap((g) => g.items.map((i) => (typeof i === 'string' ? i : i.value))).filter((v) => v.includes(','));
  const shown: string[] = [];
  const covered = new Set<string>();
  for (const side of sides) {
    const codes = side.split(',');
    if (codes.every((c) => chosen.includes(c)) && !codes.some((c) => covered.has(c))) {
      shown.push(side);
      codes.forEach((c) => covered.add(c));
    }
  }
  return [...shown, ...chosen.filter((c) => !covered.has(c))];
}
