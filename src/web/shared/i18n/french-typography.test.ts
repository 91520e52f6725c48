import { describe, expect, it } from 'vitest';
import fr from './locales/fr.json' with { type: 'json' };

const NBSP = '\u00a0';

/** Every text of a locale file with its key path. */
function texts(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => texts(v, path ? `${path}.${k}` : k));
  return [];
}

/**
 * French typography: a no-break space before : ; ! ? and inside « ». A colon between digits (10:30) or in a
 * web address (https://) is not punctuation, nor a ? or : inside a {placeholder}.
 */
export function typographyFaults(text: string): string[] {
  const faults: string[] = [];
  const plain = text.replace(/\{[^}]*\}/g, '{}').replace(/https?:\/\/\S+/g, 'URL');
  for (let i = 0; i < plain.length; i++) {
    const c = plain[i]!;
    const before = plain[i - 1];
    const after = plain[i + 1];
    if (':;!?'.includes(c)) {
      if (c === ':' && before && /\d/.test(before) && after && /\d/.test(after)) continue;
      if ('!?'.includes(c) && (before === '!' || before === '?')) continue;
      if (before !== NBSP) faults.push(`no no-break space before “${c}” in “${text}”`);
    }
    if (c === '«' && after !== NBSP) faults.push(`no no-break space after « in “${text}”`);
    if (c === '»' && before !== NBSP) faults.push(`no no-break space before » in “${text}”`);
  }
  return faults;
}

describe('French typography of fr.json', () => {
  it('finds the faults it is meant to find', () => {
    expect(typographyFaults('Domaines communs : x')).toHaveLength(1);
    expect(typographyFaults(`Domaines communs${NBSP}: x`)).toEqual([]);
    expect(typographyFaults('« Kaluga »')).toHaveLength(2);
    expect(typographyFaults('Vraiment?')).toHaveLength(1);
    expect(typographyFaults('à 10:30, voir https://example.org/?q=1')).toEqual([]);
  });

  it('has a no-break space before : ; ! ? and inside « » in every text', () => {
    const faults = texts(fr).flatMap(([key, text]) => typographyFaults(text).map((f) => `${key}: ${f}`));
    expect(faults).toEqual([]);
  });
});
