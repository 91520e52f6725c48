/** Error responses as OpenAPI sees them; the body is always the shared Error schema. */
const ref = (description: string) => ({ description, $ref: 'Error#' });

export const errors = {
  400: ref('Invalid request: the field and the problem are named'),
  404: ref('No such record'),
  422: ref('A value names nothing the platform knows'),
} as const;
