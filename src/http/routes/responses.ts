/** Error responses as OpenAPI sees them; the body is always the shared Error schema. */
const ref = (description: string) => ({ description, $ref: 'Error#' });

export const errors = {
  400: ref('Invalid request: the field and the problem are named'),
  401: ref('Not signed in, or wrong credentials'),
  403: ref('Not allowed, or the anti-forgery token is missing'),
  404: ref('No such record'),
  409: ref('Conflicts with the current state'),
  410: ref('The link expired or was used'),
  422: ref('A value names nothing the platform knows, or a weak password'),
  429: ref('Too many attempts; see Retry-After'),
} as const;

/** The public read routes answer only these. */
export const readErrors = { 400: errors[400], 404: errors[404], 422: errors[422] } as const;
