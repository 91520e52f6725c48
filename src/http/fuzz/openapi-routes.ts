import type { FastifyInstance } from 'fastify';

/** The subset of JSON Schema the routes' TypeBox schemas produce, as the OpenAPI document carries it. */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  default?: unknown;
}

export interface RouteParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: JsonSchema;
}

/** One operation of the API as the fuzzer sees it: its method, its path template and what it reads. */
export interface FuzzRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  /** The OpenAPI path, e.g. /api/v1/organisations/{slug}/profile. */
  path: string;
  parameters: RouteParameter[];
  /** The application/json body schema, or null when the route reads no body. */
  body: JsonSchema | null;
}

export const routeName = (route: Pick<FuzzRoute, 'method' | 'path'>) => `${route.method} ${route.path}`;

interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: RouteParameter[];
        requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
      }
    >
  >;
}

const METHODS = new Set(['get', 'post', 'put', 'delete', 'patch']);

/**
 * Every operation of the OpenAPI document the app builds from its own route schemas: a route added later
 * is fuzzed without any change here.
 */
export function routesOf(app: FastifyInstance): FuzzRoute[] {
  const doc = app.swagger() as unknown as OpenApiDocument;
  const routes: FuzzRoute[] = [];
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      if (!METHODS.has(method)) continue;
      routes.push({
        method: method.toUpperCase() as FuzzRoute['method'],
        path,
        parameters: (operation.parameters ?? []).map((p) => ({ ...p, required: p.required ?? false })),
        body: operation.requestBody?.content?.['application/json']?.schema ?? null,
      });
    }
  }
  return routes.sort((a, b) => routeName(a).localeCompare(routeName(b)));
}

/** Every number a request may carry, with the place it is found: each must have both bounds. */
export function unboundedNumbers(route: FuzzRoute): string[] {
  const found: string[] = [];
  const walk = (schema: JsonSchema | undefined, where: string) => {
    if (!schema) return;
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (types.includes('integer') || types.includes('number')) {
      const low = schema.minimum ?? schema.exclusiveMinimum;
      const high = schema.maximum ?? schema.exclusiveMaximum;
      if (low === undefined || high === undefined) found.push(where);
    }
    for (const [key, child] of Object.entries(schema.properties ?? {})) walk(child, `${where}.${key}`);
    walk(schema.items, `${where}[]`);
    for (const branch of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) walk(branch, where);
    if (typeof schema.additionalProperties === 'object') walk(schema.additionalProperties, `${where}.*`);
  };
  for (const p of route.parameters) walk(p.schema, `${p.in}.${p.name}`);
  walk(route.body ?? undefined, 'body');
  return found;
}
