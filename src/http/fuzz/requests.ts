import fc from 'fast-check';
import { textProblem } from '../../shared/schemas/unsafe-values.js';
import type { FuzzRoute, JsonSchema, RouteParameter } from './openapi-routes.js';
import { HOSTILE_STRINGS, hostileValue, mutatedValue, toJson, unraw, validValue, type KnownValues } from './schema-values.js';

/** One request of the fuzzer, before the actor's cookie and anti-forgery token are added. */
export interface FuzzRequest {
  method: FuzzRoute['method'];
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  /** Whether a signed-in actor sends its anti-forgery token: mostly, but not always. */
  csrf: 'session' | 'none' | 'wrong';
  /** What the request tries, for the report: "valid", "mutated body", "raw body"… */
  kind: string;
  /** Set when a parameter the route reads carries a value no schema may let through: the request must be refused. */
  mustRefuse?: string;
}

/** encodeURIComponent, except that a lone surrogate is written as the bytes it would have (not UTF-8), not thrown. */
export function encodePart(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff) {
      out +=
        `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`.toUpperCase();
    } else out += encodeURIComponent(char);
  }
  return out;
}

/** Path segments and query text sent as they are, not encoded: broken %-sequences and the like. */
const RAW_PATH_VALUES = ['%C3%28', '%E0%A4%A', '%ED%A0%80', '%', '%00', '%2F', '..', '.', '%20', 'a%2Fb', '%FF', 'x'.repeat(150)];
const RAW_QUERY_SUFFIXES = ['&%', '&%C3%28=1', '&=', '&&&', '&a=%ED%A0%80', '&q=%E0%A4%A', '&%00=%00', '&x=1&x=2&x=3', '&=x', '&a[b]=1'];
const ODD_PATH_VALUES = ['0', '-1', 'Infinity', 'NaN', 'null', 'undefined', '__proto__', 'constructor', 'Калуга', 'A-UPPER', 'a--b', '-a'];

const stringOf = (value: unknown) =>
  typeof value === 'string' ? unraw(value) : typeof value === 'object' ? JSON.stringify(value) : String(value);

/** Sometimes `arbitrary`, mostly null: one in `oneIn`. */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>, oneIn: number) =>
  fc.oneof({ weight: 1, arbitrary }, { weight: oneIn - 1, arbitrary: fc.constant(null) });

function pathValue(param: RouteParameter, known: KnownValues, broken: boolean): fc.Arbitrary<string> {
  if (broken) {
    return fc.oneof(
      { weight: 2, arbitrary: fc.constantFrom(...ODD_PATH_VALUES, ...HOSTILE_STRINGS.filter((s) => s.length < 200)).map(encodePart) },
      { weight: 1, arbitrary: fc.constantFrom(...RAW_PATH_VALUES) },
    );
  }
  const real = known[param.name] ?? [];
  return fc.oneof(...(real.length > 0 ? [{ weight: 8, arbitrary: fc.constantFrom(...real).map(encodePart) }] : []), {
    weight: 2,
    arbitrary: validValue(param.schema, known, param.name).map((v) => encodePart(stringOf(v))),
  });
}

/** A query parameter's pairs: absent or valid (arrays repeat the key), and when `broken`, often hostile. */
type Pair = [key: string, value: string];

function queryPairs(param: RouteParameter, known: KnownValues, broken: boolean): fc.Arbitrary<Pair[]> {
  const key = param.name;
  const pairs = (value: unknown): Pair[] => (Array.isArray(value) ? value : [value]).map((v) => [key, stringOf(v)]);
  const valid = validValue(param.schema, known, param.name).map(pairs);
  const hostile = fc.oneof(fc.constantFrom(...HOSTILE_STRINGS.filter((s) => s.length < 20_000)), hostileValue(param.schema).map(stringOf));
  const present = broken
    ? fc.oneof(
        { weight: 2, arbitrary: valid },
        { weight: 2, arbitrary: hostile.map((v) => [[key, v]] as Pair[]) },
        {
          weight: 1,
          arbitrary: fc.array(hostile, { minLength: 2, maxLength: 30 }).map((vs) => vs.map((v) => [key, v] as Pair)),
        },
      )
    : valid;
  if (param.required) return present;
  return fc.oneof({ weight: 1, arbitrary: present }, { weight: 1, arbitrary: fc.constant<Pair[]>([]) });
}

const isNumeric = (schema: JsonSchema): boolean =>
  ['integer', 'number'].includes(String(schema.type)) || (schema.type === 'array' && !!schema.items && isNumeric(schema.items));

/** Why a query value, once decoded, can never be accepted for this parameter (or null). */
function unsafeParameter(param: RouteParameter, value: string): string | null {
  const problem = textProblem(value);
  if (problem) return `query.${param.name} ${problem}`;
  const number = Number(value.trim());
  if (isNumeric(param.schema) && (number === Infinity || number === -Infinity)) return `query.${param.name} is ${value}`;
  return null;
}

const MALFORMED_BODIES: (string | Buffer)[] = [
  '',
  '{',
  '{"a":',
  'nul',
  '[]',
  'null',
  '"text"',
  '1e400',
  '{"a":1,}',
  "{'a':1}",
  '\uFEFF{}',
  '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{"admin":true}}}',
  Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
  Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x22, 0x7d]),
  Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d]),
  Buffer.from([0xfe, 0xff, 0x00, 0x7b, 0x00, 0x7d]),
  '['.repeat(100_000),
  `[${'0,'.repeat(100_000)}0]`,
];
const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/xml',
  'application/JSON',
  'application/json;;',
  '',
];

type Body = { payload?: string | Buffer; contentType?: string; kind: string };

function validBody(route: FuzzRoute, known: KnownValues): fc.Arbitrary<Body> {
  if (!route.body || route.method === 'GET') return fc.constant({ kind: 'valid' });
  return validValue(route.body, known).map((value) => ({ payload: toJson(value), contentType: 'application/json', kind: 'valid' }));
}

function brokenBody(route: FuzzRoute, known: KnownValues): fc.Arbitrary<Body> {
  const schema: JsonSchema = route.body ?? {};
  return fc.oneof(
    {
      weight: route.body ? 6 : 1,
      arbitrary: mutatedValue(schema, known).map((value) => ({
        payload: toJson(value),
        contentType: 'application/json',
        kind: 'mutated body',
      })),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom(...MALFORMED_BODIES).map((payload) => ({ payload, contentType: 'application/json', kind: 'raw body' })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(validValue(schema, known), fc.constantFrom(...CONTENT_TYPES))
        .map(([value, contentType]) => ({ payload: toJson(value), contentType, kind: 'content type' })),
    },
    { weight: 1, arbitrary: fc.constant<Body>({ kind: 'no body' }) },
  );
}

const HEADERS = fc.record(
  {
    'accept-language': fc.constantFrom('fr', 'ru-RU,ru;q=0.9', 'en-GB,en;q=0.8'),
    'x-forwarded-for': fc.constantFrom('203.0.113.7', '2001:db8::1', '10.0.0.1, 203.0.113.9'),
    'user-agent': fc.constantFrom('Mozilla/5.0', 'curl/8'),
  },
  { requiredKeys: [] },
);
const ODD_HEADERS = fc.record(
  {
    'accept-language': fc.constantFrom('xx', '*', 'fr;q=NaN', '', ';;;', 'ru'.repeat(3000)),
    'x-forwarded-for': fc.constantFrom('not-an-address', '::1', '999.1.1.1', ''),
    'x-forwarded-proto': fc.constantFrom('https', 'gopher'),
    'user-agent': fc.constantFrom('x'.repeat(5000), '', 'Kaluga \u00e9'),
    accept: fc.constantFrom('text/csv', '*/*', 'text/html', 'application/xml'),
    'content-length': fc.constantFrom('abc', '-1'),
  },
  { requiredKeys: [] },
);

type Broken = 'path' | 'query' | 'body' | 'headers' | 'csrf' | 'all';

/**
 * The requests the fuzzer sends to one route: a third valid from its schema and real data (so the handlers'
 * own rules run), the rest with one part broken (path, query, body, headers, anti-forgery token) or all.
 */
export function requestsFor(route: FuzzRoute, known: KnownValues): fc.Arbitrary<FuzzRequest> {
  const parts: Broken[] = ['query', 'headers', 'csrf', 'all'];
  if (route.parameters.some((p) => p.in === 'path')) parts.push('path', 'path');
  if (route.method !== 'GET') parts.push('body', 'body', 'body');
  // the arbitraries are built once per route, not per request: building them is most of the cost
  return fc.oneof(
    { weight: parts.length, arbitrary: requestWith(route, known, null) },
    ...parts.map((part) => ({ weight: 2, arbitrary: requestWith(route, known, part) })),
  );
}

function requestWith(route: FuzzRoute, known: KnownValues, part: Broken | null): fc.Arbitrary<FuzzRequest> {
  const breaks = (p: Broken) => part === p || part === 'all';
  const pathParams = route.parameters.filter((p) => p.in === 'path');
  const queryParams = route.parameters.filter((p) => p.in === 'query');
  const path = fc
    .tuple(...pathParams.map((p) => pathValue(p, known, breaks('path'))))
    .map((values) => pathParams.reduce((url, p, i) => url.replace(`{${p.name}}`, values[i]!), route.path));
  const extra = fc.tuple(
    fc.constantFrom('extra', 'page', 'q', '__proto__', 'x%00'),
    fc.constantFrom(...HOSTILE_STRINGS.filter((s) => s.length < 100)),
  );
  const query = fc
    .tuple(
      fc.tuple(...queryParams.map((p) => queryPairs(p, known, breaks('query')))),
      breaks('query') ? sometimes(extra, 3) : fc.constant(null),
      breaks('query') ? sometimes(fc.constantFrom(...RAW_QUERY_SUFFIXES), 3) : fc.constant(null),
    )
    .map(([lists, added, suffix]) => {
      const pairs = lists.flat().map(([k, v]) => `${encodePart(k)}=${encodePart(v)}`);
      if (added) pairs.push(`${added[0]}=${encodePart(added[1])}`);
      const text = pairs.join('&') + (suffix ?? '');
      const unsafe = lists.flatMap((list, i) => list.map(([, v]) => unsafeParameter(queryParams[i]!, v)).filter(Boolean));
      return { text: text === '' ? '' : `?${text}`, mustRefuse: unsafe[0] ?? undefined };
    });
  const body = breaks('body') && route.method !== 'GET' ? brokenBody(route, known) : validBody(route, known);
  const headers = breaks('headers') ? ODD_HEADERS : HEADERS;
  const csrf = breaks('csrf') ? fc.constantFrom<FuzzRequest['csrf']>('none', 'wrong') : fc.constant<FuzzRequest['csrf']>('session');
  return fc.tuple(path, query, body, headers, csrf).map(([url, q, b, h, token]) => ({
    method: route.method,
    url: url + q.text,
    ...(q.mustRefuse ? { mustRefuse: q.mustRefuse } : {}),
    headers: { ...h, ...(b.contentType !== undefined ? { 'content-type': b.contentType } : {}) } as Record<string, string>,
    ...(b.payload !== undefined ? { payload: b.payload } : {}),
    csrf: token,
    kind: part ? `${b.kind === 'valid' ? '' : `${b.kind}, `}broken ${part}` : 'valid',
  }));
}
