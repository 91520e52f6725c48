import { useEffect, useState } from 'react';
import type { Language } from '../../../shared/languages';
import { displayProductCode } from '../../../shared/product-codes';
import type { ProductCode } from '../../../shared/schemas/reference';
import { getJson, postJson, queryString } from '../api/client';

/**
 * Product codes for the profile editor: the type-ahead and each chip's code are asked of the API (the
 * whole reference is too large to load with the page), each answer once a page load.
 */
const searches = new Map<string, Promise<ProductCode[]>>();
const resolved = new Map<string, Promise<ProductCode | null>>();

export function searchProducts(q: string, lang: Language): Promise<ProductCode[]> {
  const key = `${lang} ${q.trim().toLowerCase()}`;
  let answer = searches.get(key);
  if (!answer) {
    answer = getJson<{ items: ProductCode[] }>(`/classifications/products${queryString({ q: q.trim(), lang, limit: 20 })}`).then(
      ({ items }) => items,
      () => [],
    );
    searches.set(key, answer);
  }
  return answer;
}

/** A typed code's stored form and title; null when no classification has it. */
export function resolveProduct(input: string): Promise<ProductCode | null> {
  let answer = resolved.get(input);
  if (!answer) {
    answer = postJson<{ items: { input: string; product: ProductCode | null }[] }>('/classifications/products/resolve', {
      codes: [input],
    }).then(
      ({ items }) => items[0]?.product ?? null,
      () => null,
    );
    resolved.set(input, answer);
  }
  return answer;
}

/** The type-ahead's options for what is being typed (none for fewer than two characters). */
export function useProductSearch(q: string, lang: Language): ProductCode[] {
  const [found, setFound] = useState<ProductCode[]>([]);
  useEffect(() => {
    let current = true;
    if (q.trim().length < 2) setFound([]);
    // a short pause, so that each keystroke does not ask
    const timer = setTimeout(() => {
      if (q.trim().length >= 2) void searchProducts(q, lang).then((items) => current && setFound(items));
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [q, lang]);
  return found;
}

/** Each code's answer (undefined while asked). */
export function useResolvedProducts(codes: string[]): Record<string, ProductCode | null | undefined> {
  const [answers, setAnswers] = useState<Record<string, ProductCode | null>>({});
  const key = codes.join('\n');
  useEffect(() => {
    let current = true;
    for (const code of key ? key.split('\n') : [])
      void resolveProduct(code).then((p) => current && setAnswers((a) => ({ ...a, [code]: p })));
    return () => {
      current = false;
    };
  }, [key]);
  return answers;
}

/** A product code's title in the reader's language, else another one, with the language it is in. */
export function productTitle(product: Pick<ProductCode, 'title'>, lang: Language): { text: string; lang: Language } {
  for (const l of [lang, 'en', 'fr', 'ru'] as const) {
    const text = product.title[l];
    if (text) return { text, lang: l };
  }
  return { text: '', lang };
}

export { displayProductCode };
