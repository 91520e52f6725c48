import { useEffect, useMemo, useState } from 'react';
import type { ResolvedCode } from '../../../shared/schemas/reference';
import { postJson } from '../api/client';
import { useNaceClasses, useNationalCodes } from '../api/reference';
import { useI18n } from '../i18n/I18nProvider';
import { chipOfResolved, codeCatalogue, nationalSystemOf, resolveChip, type CodeCatalogue, type CodeChip } from './code-catalogue';

/** The NACE classes and the reader's national codes, once both have loaded. */
export function useCodeCatalogue(): CodeCatalogue | null {
  const { lang } = useI18n();
  const system = nationalSystemOf(lang);
  const nace = useNaceClasses().data?.items;
  const national = useNationalCodes(system);
  const nationalItems = national.data?.items;
  const waiting = system !== null && national.status === 'loading';
  return useMemo(() => (nace && !waiting ? codeCatalogue(lang, nace, nationalItems) : null), [lang, nace, nationalItems, waiting]);
}

// a code of another system is asked once a page load (null: the server knows no such code)
const asked = new Map<string, Promise<ResolvedCode | null>>();
function askServer(code: string): Promise<ResolvedCode | null> {
  let answer = asked.get(code);
  if (!answer) {
    answer = postJson<{ items: ResolvedCode[] }>('/classifications/resolve', { codes: [code] }).then(
      ({ items }) => items[0] ?? null,
      () => null,
    );
    asked.set(code, answer);
  }
  return answer;
}

/** Each code's chip: read from the catalogue, or from the server for a national system not loaded. */
export function useCodeChips(codes: string[], catalogue: CodeCatalogue | null): CodeChip[] {
  const { lang } = useI18n();
  const [answers, setAnswers] = useState<Record<string, ResolvedCode | null>>({});
  const chips = codes.map((code): CodeChip => {
    if (!catalogue) return { input: code, state: 'pending' };
    const chip = resolveChip(code, catalogue);
    if (chip.state !== 'pending' || !(code in answers)) return chip;
    const answer = answers[code];
    return answer ? chipOfResolved(answer, lang) : { input: code, state: 'unknown' };
  });
  const missing = chips.filter((c) => c.state === 'pending' && catalogue && !(c.input in answers)).map((c) => c.input);
  const key = missing.join('\n');
  useEffect(() => {
    let current = true;
    for (const code of key ? key.split('\n') : [])
      void askServer(code).then((answer) => current && setAnswers((a) => ({ ...a, [code]: answer })));
    return () => {
      current = false;
    };
  }, [key]);
  return chips;
}
