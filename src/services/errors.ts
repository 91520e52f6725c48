/**
 * The one registry of error codes the API and the CLI report. Codes are stable: clients match on them,
 * so a code is never renamed, only added. docs/errors.md lists them.
 */
export const ERROR_CODES = {
  validation_failed: { status: 400, message: 'The request is not valid.' },
  bad_request: { status: 400, message: 'The request cannot be read.' },
  malformed_json: { status: 400, message: 'The request body is not valid JSON.' },
  invalid_encoding: { status: 400, message: 'The request is not valid UTF-8, or a %-sequence in its address is broken.' },
  query_empty: { status: 422, message: 'The search query is empty: leave it out to list everything, or type some words.' },
  query_has_no_words: { status: 422, message: 'The search query has no words: only punctuation or spaces.' },
  unknown_value: { status: 422, message: 'A value does not name anything the platform knows.' },
  unknown_code: { status: 422, message: 'The code is not a NACE Rev. 2, NAF rév. 2 or ОКВЭД 2 code.' },
  import_invalid: { status: 422, message: 'The import has invalid rows; nothing was written.' },
  not_signed_in: { status: 401, message: 'Sign in first.' },
  invalid_credentials: { status: 401, message: 'The e-mail address or the password is wrong.' },
  csrf_failed: { status: 403, message: 'The request lacks the anti-forgery token of your session; reload the page.' },
  forbidden: { status: 403, message: 'You are not allowed to do this.' },
  outside_region: { status: 403, message: 'This organisation is outside the regions you coordinate.' },
  sender_not_validated: {
    status: 403,
    message: 'Only people of a validated organisation contact other organisations: yours is not validated yet.',
  },
  email_not_confirmed: { status: 403, message: 'Confirm your e-mail address first: follow the link we sent you.' },
  own_organisation: { status: 422, message: 'An organisation does not write to itself: choose another one.' },
  email_taken: { status: 409, message: 'An account with this e-mail address exists already.' },
  already_member: { status: 409, message: 'This person is a member of the organisation already.' },
  last_admin: { status: 409, message: 'An organisation keeps at least one administrator: name another one first.' },
  not_published: { status: 409, message: 'This organisation’s profile is not validated yet: partners are suggested for public profiles.' },
  // offer matching and follows
  offer_not_published: { status: 409, message: 'Only a published offer can be followed: this one is not, or no longer.' },
  concept_exists: { status: 409, message: 'The glossary has a concept with this code already.' },
  term_exists: { status: 409, message: 'The concept has this term in this language already.' },
  version_conflict: { status: 409, message: 'Someone else saved this record in the meantime: reload it and merge your changes.' },
  invalid_transition: { status: 409, message: 'The profile is not in a state that allows this.' },
  token_invalid: { status: 400, message: 'This link is not valid. Ask for a new one.' },
  token_expired: { status: 410, message: 'This link has expired. Ask for a new one.' },
  token_used: {
    status: 410,
    message: 'This link has been used already, or a newer one was used after it. Ask for a new one if you need it.',
  },
  term_not_searchable: { status: 422, message: 'The term has no searchable word in its language (only stop words such as "the" or "de").' },
  weak_password: { status: 422, message: 'Choose a stronger password.' },
  rate_limited: { status: 429, message: 'Too many attempts. Wait a little and try again.' },
  search_starting: { status: 503, message: 'The search is still loading after a start. Try again in a few seconds.' },
  search_unavailable: { status: 503, message: 'The search is not answering just now. Try again in a moment.' },
  stage_change_refused: {
    status: 409,
    message: 'The record cannot move to this stage from where it is: only a coordinator moves a record past a stage or back.',
  },
  document_type_refused: {
    status: 415,
    message: 'This kind of file cannot be attached: PDF, office documents (Word, Excel, PowerPoint, OpenDocument) and images only.',
  },
  document_too_large: { status: 413, message: 'The file is larger than the platform accepts.' },
  already_merged: { status: 409, message: 'This party not yet on the platform has been merged into an organisation already.' },
  // the marketplace's alerts
  saved_searches_full: { status: 409, message: 'You keep 20 saved searches at most: delete one before saving another.' },
  // the marketplace (offers and requests)
  offer_stage_refused: {
    status: 409,
    message: 'The offer cannot move to this stage from where it is, or not by you: see the reason.',
  },
  job_not_failed: { status: 409, message: 'Only a failed job is retried: this one is queued, running or done.' },
  // the marketplace: expressions of interest and their outcome
  offer_not_open: { status: 409, message: 'This offer is not open to expressions of interest: it is not published, or it has expired.' },
  own_offer: { status: 409, message: 'An organisation does not express interest in its own offer: choose another of your organisations.' },
  interest_exists: { status: 409, message: 'Your organisation has expressed interest in this offer already.' },
  interest_not_pending: { status: 409, message: 'This expression of interest has been decided or withdrawn already.' },
  interest_not_accepted: {
    status: 409,
    message: 'Only an accepted expression of interest (a contact) can be marked as having led to an agreement.',
  },
  agreement_not_shared: {
    status: 422,
    message: 'Both organisations must be parties to the agreement: the offer’s owner and the interested one.',
  },
  // events
  event_invalid: {
    status: 422,
    message: 'The event’s values do not fit together (its dates, venue, organisers, programme or delegation): see the field.',
  },
  // events: registration, waiting list, check-in
  registration_closed: {
    status: 422,
    message: 'Registration for this event is closed: it is not open, past its closing time, or the event is a draft or cancelled.',
  },
  already_registered: {
    status: 409,
    message: 'You are registered for this event already: cancel that registration first to register again.',
  },
  not_a_member: { status: 422, message: 'You are not a member of this organisation: name one of yours, or type your organisation’s name.' },
  invalid_answer: { status: 422, message: 'An answer to the registration’s questions is missing or does not fit its question.' },
  invalid_question: { status: 422, message: 'A question is not valid: its id is used twice, or a choice question has no choices.' },
  capacity_below_registered: {
    status: 422,
    message: 'The capacity is below the number of confirmed registrations: cancel some first, or choose a larger capacity.',
  },
  participation_type_full: {
    status: 409,
    message: 'This participation type is full: raise its capacity, or confirm over it (overCapacity).',
  },
  participation_type_in_use: { status: 409, message: 'People have registered under this participation type: it cannot be deleted.' },
  registration_not_pending: {
    status: 409,
    message: 'Only a registration awaiting approval is approved or declined: this one has been decided already.',
  },
  registration_not_active: { status: 409, message: 'This registration is cancelled or declined already.' },
  registration_not_confirmed: { status: 409, message: 'Only a confirmed registration checks in.' },
  already_checked_in: { status: 409, message: 'This person has checked in already.' },
  // events: one-to-one meetings and their schedule
  meetings_not_offered: { status: 409, message: 'This event has no one-to-one meetings.' },
  slot_outside_event: { status: 422, message: 'The time lies outside the event’s start and end.' },
  slots_overlap: { status: 422, message: 'Two blocks of meeting slots overlap: one slot at a time.' },
  schedule_exists: { status: 409, message: 'Meetings are placed in slots this change would remove: cancel or move them first.' },
  meetings_not_allowed: {
    status: 422,
    message: 'Only a confirmed participant of a type that takes part in meetings can enable one-to-one meetings.',
  },
  meeting_with_oneself: { status: 422, message: 'A meeting request goes to someone else, not to oneself.' },
  meeting_request_exists: { status: 409, message: 'There is a meeting request between you two already (sent or received).' },
  meetings_not_enabled: { status: 422, message: 'This participant does not take part in one-to-one meetings.' },
  meeting_requests_closed: { status: 422, message: 'Meeting requests for this event are closed.' },
  meeting_request_not_pending: { status: 409, message: 'This meeting request has been decided or cancelled already.' },
  schedule_running: { status: 409, message: 'The scheduler is running for this event already: wait for its answer.' },
  schedule_published: { status: 409, message: 'The final schedule is published: only requests accepted since are placed now.' },
  meeting_conflict: { status: 409, message: 'The meeting cannot go there: see who or what is in the way.' },
  meeting_placed: { status: 409, message: 'This request is placed in the schedule already, or it is not accepted.' },
  meeting_not_started: { status: 409, message: 'An outcome is recorded once the meeting’s time has come.' },
  not_found: { status: 404, message: 'No such record.' },
  route_not_found: { status: 404, message: 'No such API route.' },
  method_not_allowed: { status: 405, message: 'This method is not allowed here.' },
  request_timeout: { status: 408, message: 'The request did not arrive in time: send it again, whole.' },
  payload_too_large: { status: 413, message: 'The request body is too large.' },
  headers_too_large: { status: 431, message: 'The request headers are too large.' },
  unsupported_media_type: { status: 415, message: 'The request body must be application/json.' },
  internal_error: { status: 500, message: 'Something went wrong on our side. The error was logged.' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/**
 * Why, where one code covers several cases: the stable keys an error's `reason` takes (with `params`), from
 * which a client writes the message in its reader's language. The Ajv keywords of a route's schema
 * (organisation-record.ts describeAjvError), the unsafe values (shared/schemas/unsafe-values.ts), and the
 * services' own (`AppError.because`). Added to, never renamed, like the codes.
 */
export const ERROR_REASONS = [
  'required',
  'unknown_field',
  'enum',
  'shape',
  'type',
  'format',
  'maxLength',
  'minLength',
  'maximum',
  'minimum',
  'exclusiveMaximum',
  'exclusiveMinimum',
  'maxItems',
  'minItems',
  'maxProperties',
  'minProperties',
  'invalid',
  'nul',
  'lone_surrogate',
  'non_finite',
  'original_language_missing',
  'unknown_value',
  'unknown_code',
  'unknown_product_code',
  'no_such_day',
  'ends_before_start',
  'too_few_parties',
  'duplicate_party',
  'skips_stage',
  'path_in_name',
  'file_type',
  'file_too_large',
  'one_party_form',
  'party_role',
  'resident_and_host',
  'duplicate_value',
  'host_decides',
  'resident_withdraws',
  'same_stage',
  'not_a_draft',
  // the marketplace (offers and requests)
  'in_past',
  'after_expiry',
  'too_far',
  'not_editable',
  'own_offer',
  'owner_not_published',
  'reviewer_decides',
  'owner_decides',
  // events
  'not_a_venue',
  'outside_event',
  'one_head',
  'undated',
] as const;
export type ErrorReason = (typeof ERROR_REASONS)[number];

/** Values a message names (a limit, a language, a code), for the reader's-language message of a reason. */
export type ErrorParams = Record<string, string | number>;

export interface ErrorDetail {
  field: string;
  message: string;
  /** Why, as a stable key (`required`, `maxLength`, `nul`, …): the web app's message in the reader's language. */
  reason?: ErrorReason;
  params?: ErrorParams;
}

export class AppError extends Error {
  readonly status: number;
  /** Seconds to wait, for rate_limited and search_starting (sent as Retry-After). */
  retryAfter?: number;
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly field?: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message ?? ERROR_CODES[code].message);
    this.name = 'AppError';
    this.status = ERROR_CODES[code].status;
  }

  /** Why, when one code covers several cases: a stable key and its values, which clients translate. */
  reason?: ErrorReason;
  params?: ErrorParams;
  because(reason: ErrorReason, params?: ErrorParams): this {
    this.reason = reason;
    if (params) this.params = params;
    return this;
  }
}

export const notFound = (what: string, field?: string) => new AppError('not_found', `${what} was not found.`, field);
export const unknownValue = (field: string, values: string[], what: string) =>
  new AppError('unknown_value', `Unknown ${what}: ${values.join(', ')}.`, field).because('unknown_value', { value: values.join(', ') });
