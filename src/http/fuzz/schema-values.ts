import fc from 'fast-check';
import type { JsonSchema } from './openapi-routes.js';

/**
 * Values for a JSON Schema: `validValue` follows it (so the handlers' own logic runs), `hostileValue`
 * breaks it on purpose. Values the platform knows (real slugs, concept codes, region codes…) are mixed in
 * by field name, so that valid-looking requests reach past "not found".
 */
export type KnownValues = Record<string, string[]>;

/** A JSON text inserted as is where this marker stands: JSON.stringify cannot write 1e400 or deep nesting. */
export const raw = (json: string) => `\u0001raw:${json}\u0001`;
const RAW_MARKER = /"\\u0001raw:(.*?)\\u0001"/g;

/** The JSON text a raw marker stands for, for a query string; any other string as it is. */
export const unraw = (text: string) => /^\u0001raw:(.*)\u0001$/s.exec(text)?.[1] ?? text;

export function toJson(value: unknown): string {
  return JSON.stringify(value).replace(RAW_MARKER, (_, json: string) => JSON.parse(`"${json}"`) as string);
}

/** Words of the platform's languages and domain, so that searches and glossary look-ups find something. */
const WORDS = ['filtration', 'céramique', 'Калуга', 'керамика', 'materials', 'innovation', 'université', 'cluster', 'Limoges', 'IATE'];
const LONG_MAX = 40;

const typesOf = (schema: JsonSchema) => (Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []);

const patterns = new Map<string, fc.Arbitrary<string>>();
const matching = (pattern: string) => {
  let arbitrary = patterns.get(pattern);
  if (!arbitrary) patterns.set(pattern, (arbitrary = fc.stringMatching(new RegExp(pattern, 'u'), { size: 'small' })));
  return arbitrary;
};

function validString(schema: JsonSchema): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 1000;
  const fits = (s: string) => s.length >= min && s.length <= max;
  switch (schema.format) {
    case 'uuid':
      return fc.uuid();
    case 'email':
      return fc.emailAddress().filter(fits);
    case 'uri':
      return fc.webUrl().filter((s) => fits(s) && (!schema.pattern || new RegExp(schema.pattern, 'u').test(s)));
    case 'date-time':
      return fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
  }
  if (schema.pattern) return matching(schema.pattern).filter(fits);
  const lengths = { minLength: Math.max(min, 0), maxLength: Math.max(min, Math.min(max, LONG_MAX)) };
  return fc.oneof(
    { weight: 4, arbitrary: fc.string({ ...lengths, unit: 'grapheme' }) },
    { weight: 3, arbitrary: fc.constantFrom(...WORDS).filter(fits) },
    { weight: 1, arbitrary: fc.constant('x'.repeat(Math.max(min, Math.min(max, 100_000)))) },
    { weight: 1, arbitrary: fc.string({ ...lengths, unit: 'binary' }) },
  );
}

function validNumber(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1_000_000);
  const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 1_000_000);
  const any = integer ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  // mostly small values: the first pages, a few results
  const small = integer ? fc.integer({ min, max: Math.min(max, min + 20) }) : fc.double({ min, max: Math.min(max, min + 20), noNaN: true });
  return fc.oneof({ weight: 1, arbitrary: fc.constantFrom(min, max) }, { weight: 4, arbitrary: small }, { weight: 1, arbitrary: any });
}

export function validValue(schema: JsonSchema, known: KnownValues = {}, name = ''): fc.Arbitrary<unknown> {
  const generated = validBySchema(schema, known, name);
  const real = known[name];
  if (!real || real.length === 0 || typesOf(schema).includes('array') || schema.type === 'object') return generated;
  return fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...real) }, { weight: 1, arbitrary: generated });
}

/** `name` is the field's: array items take the known values of their array's field (areas → area codes). */
function validBySchema(schema: JsonSchema, known: KnownValues, name: string): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) return fc.oneof(...branches.map((b) => validValue(b, known, name)));
  const types = typesOf(schema);
  if (types.length > 1) return fc.oneof(...types.map((type) => validValue({ ...schema, type }, known, name)));
  switch (types[0]) {
    case 'string':
      return validString(schema);
    case 'integer':
      return validNumber(schema, true);
    case 'number':
      return validNumber(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      return fc.array(validValue(schema.items ?? {}, known, name), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, 3)),
      });
    }
    case 'object':
      return validObject(schema, known);
  }
  return fc.jsonValue({ maxDepth: 2 });
}

function validObject(schema: JsonSchema, known: KnownValues): fc.Arbitrary<Record<string, unknown>> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, child] of Object.entries(schema.properties ?? {})) {
    model[key] = validValue(child, known, key);
  }
  return fc.record(model, { requiredKeys: (schema.required ?? []).filter((k) => k in model) });
}

/** Strings that have broken servers: encodings, sizes, look-alikes of numbers and of code. */
export const HOSTILE_STRINGS = [
  'a\u0000b',
  '\u0000',
  '\ud800',
  'x\udfff',
  '\ud83d',
  '',
  ' ',
  '\t\n\r',
  'Infinity',
  '-Infinity',
  '1e400',
  '-1e400',
  'NaN',
  '-0',
  '0x10',
  '1.5',
  '9007199254740993',
  'true',
  'null',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  '\u202eevil',
  '<script>alert(1)</script>',
  "'; DROP TABLE organisations; --",
  '%00',
  '../../etc/passwd',
  'Ж'.repeat(5001),
  'x'.repeat(300_000),
  '🧪'.repeat(200),
];

/** A value of the wrong type, out of bounds, or otherwise unlike what the schema says. */
export function hostileValue(schema: JsonSchema): fc.Arbitrary<unknown> {
  const bounds: unknown[] = [];
  if (schema.minimum !== undefined) bounds.push(schema.minimum - 1, schema.minimum - 0.5);
  if (schema.maximum !== undefined) bounds.push(schema.maximum + 1, schema.maximum + 0.5);
  if (schema.maxLength !== undefined) bounds.push('y'.repeat(schema.maxLength + 1));
  if (schema.maxItems !== undefined) bounds.push(Array.from({ length: schema.maxItems + 1 }, () => 'a'));
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    {
      weight: 2,
      arbitrary: fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, -0, 2 ** 53 + 2, Number.MAX_VALUE, [], {}, [null], { a: 1 }),
    },
    { weight: 2, arbitrary: fc.constantFrom(raw('1e400'), raw('-1e400'), raw('1e-400'), raw('123456789012345678901234567890')) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<unknown>(
        raw('['.repeat(5000) + ']'.repeat(5000)),
        Array.from({ length: 20_000 }, () => 0),
      ),
    },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    ...(bounds.length > 0 ? [{ weight: 2, arbitrary: fc.constantFrom(...bounds) }] : []),
  );
}

/** A value that is mostly valid, with some part of it broken: a field hostile, missing or added. */
export function mutatedValue(schema: JsonSchema, known: KnownValues, depth = 0): fc.Arbitrary<unknown> {
  if (schema.type === 'object' && schema.properties && depth < 4) {
    const entries = Object.entries(schema.properties);
    const fields = entries.map(([key, child]) =>
      fc.oneof(
        { weight: 4, arbitrary: validValue(child, known, key).map((v) => [key, v] as const) },
        { weight: 1, arbitrary: mutatedValue(child, known, depth + 1).map((v) => [key, v] as const) },
        { weight: 1, arbitrary: fc.constant(null).map(() => [key, undefined] as const) },
      ),
    );
    const extra = fc.option(fc.tuple(fc.constantFrom('extra', '__proto__', 'constructor', 'a\u0000', ''), hostileValue({})), { freq: 4 });
    return fc.tuple(fc.tuple(...fields), extra).map(([pairs, added]) => {
      const object: Record<string, unknown> = {};
      for (const [key, value] of pairs) if (value !== undefined) object[key] = value;
      if (added) Object.defineProperty(object, added[0], { value: added[1], enumerable: true, configurable: true, writable: true });
      return object;
    });
  }
  if (schema.type === 'array' && schema.items && depth < 4) {
    return fc.array(fc.oneof(validValue(schema.items, known), mutatedValue(schema.items, known, depth + 1)), { maxLength: 4 });
  }
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches && depth < 4) return fc.oneof(...branches.map((b) => mutatedValue(b, known, depth + 1)));
  return hostileValue(schema);
}
