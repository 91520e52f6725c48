/**
 * Values a schema's own keywords let through but the platform cannot keep: NUL characters (PostgreSQL
 * refuses them in text), lone surrogates (they have no UTF-8 form) and non-finite numbers (Ajv coerces
 * "Infinity" and "1e400" to Infinity, and its integer, minimum and maximum checks skip it). The API checks
 * every validated value with this, whatever the route's schema; the import checks every row.
 */

const NUL = /\u0000/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a text cannot be kept, or null when it can. */
export function textProblem(text: string): string | null {
  return textReason(text) ? UNSAFE_MESSAGES[textReason(text)!] : null;
}

/** The stable reason (the web app's key for the message in the reader's language) of an unsafe value. */
export type UnsafeReason = 'nul' | 'lone_surrogate' | 'non_finite';
const UNSAFE_MESSAGES: Record<UnsafeReason, string> = {
  nul: 'must not contain NUL characters (U+0000)',
  lone_surrogate: 'must be valid Unicode text (it has a lone surrogate)',
  non_finite: 'must be a finite number',
};

function textReason(text: string): UnsafeReason | null {
  if (NUL.test(text)) return 'nul';
  if (LONE_SURROGATE.test(text)) return 'lone_surrogate';
  return null;
}

export interface UnsafeValue {
  /** JSON Pointer of the value, as Ajv reports errors: "/name/fr", "/codes/2". */
  pointer: string;
  message: string;
  reason: UnsafeReason;
}

const escapePointer = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Every unsafe value inside `value` (at most `max`). The walk uses a stack of its own, not recursion: a body
 * of 256 KiB can nest far deeper than the call stack.
 */
export function findUnsafeValues(value: unknown, max = 20): UnsafeValue[] {
  const found: UnsafeValue[] = [];
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length > 0 && found.length < max) {
    const [item, pointer] = stack.pop()!;
    if (typeof item === 'string') {
      const reason = textReason(item);
      if (reason) found.push({ pointer, message: UNSAFE_MESSAGES[reason], reason });
    } else if (typeof item === 'number') {
      if (!Number.isFinite(item)) found.push({ pointer, message: UNSAFE_MESSAGES.non_finite, reason: 'non_finite' });
    } else if (Array.isArray(item)) {
      for (let i = item.length - 1; i >= 0; i--) stack.push([item[i], `${pointer}/${i}`]);
    } else if (item !== null && typeof item === 'object') {
      const keys = Object.keys(item);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i]!;
        const child = `${pointer}/${escapePointer(key)}`;
        const reason = textReason(key);
        if (reason) found.push({ pointer: child, message: `has a name that ${UNSAFE_MESSAGES[reason]}`, reason });
        else stack.push([(item as Record<string, unknown>)[key], child]);
      }
    }
  }
  return found;
}
