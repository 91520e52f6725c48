import type { Repositories } from '../../../repositories/index.js';
import { requireOriginal } from '../../original-text.js';
import type { EventColumns, OrganisationRef } from '../../../repositories/events/events/event.repository.js';
import { canonicalTimeZone, knownDateProblem } from '../../../shared/event-dates.js';
import type { OrganiserRole } from '../../../shared/events.js';
import type { EventInput } from '../../../shared/schemas/events/events.js';
import { AppError, unknownValue, type ErrorParams, type ErrorReason } from '../../errors.js';
import { requireKnownAreas } from '../../known-areas.js';

/** A 422 of an event's values that do not fit together, naming the field and why. */
export const eventInvalid = (field: string, reason: ErrorReason, message: string, params?: ErrorParams) =>
  new AppError('event_invalid', message, field).because(reason, params);

export interface CheckedEvent {
  columns: EventColumns & Required<Pick<EventColumns, 'kind' | 'title' | 'timeZone' | 'regionCode'>>;
  organisers: { organisation: OrganisationRef; role: OrganiserRole }[];
}

const instant = (value: string | null | undefined) => (value ? new Date(value) : null);

/**
 * An event's fields checked in full (a change is laid over the event's fields first, so that a new end is
 * checked against the start it keeps): an IANA time zone, an end after the start, instants or a known date,
 * a venue that is a venue, organisers named once, a region and areas the platform knows.
 */
export async function checkEvent(repos: Repositories, input: EventInput): Promise<CheckedEvent> {
  const timeZone = canonicalTimeZone(input.timeZone);
  if (!timeZone) throw unknownValue('body.timeZone', [input.timeZone], 'time zone (an IANA name such as Europe/Moscow)');

  const startsAt = instant(input.startsAt);
  const endsAt = instant(input.endsAt);
  if (endsAt && !startsAt) throw eventInvalid('body.startsAt', 'required', 'An event with an end has a start too.');
  if (startsAt && endsAt && endsAt <= startsAt)
    throw eventInvalid('body.endsAt', 'ends_before_start', 'The event ends before (or when) it starts.');
  const knownDate = input.knownDate ?? null;
  if (knownDate) {
    const problem = knownDateProblem(knownDate);
    if (problem === 'no_such_day')
      throw new AppError('validation_failed', `There is no such day: ${knownDate}.`, 'body.knownDate').because('no_such_day', {
        value: knownDate,
      });
    if (problem) throw new AppError('validation_failed', 'Give YYYY, YYYY-MM, YYYY-MM-DD or --MM-DD.', 'body.knownDate').because('shape');
  }
  if (!startsAt && !knownDate)
    throw eventInvalid('body.startsAt', 'undated', 'An event needs its start (and end), or the date a source knows (knownDate).');

  requireOriginal(input.title, 'body.title');
  requireOriginal(input.description, 'body.description');
  if (!(await repos.regions.get(input.regionCode))) throw unknownValue('body.regionCode', [input.regionCode], 'region');
  const areaCodes = [...new Set(input.areaCodes ?? [])];
  await requireKnownAreas(repos, areaCodes, 'body.areaCodes');

  let venueOrganisationId: string | null = null;
  if (input.venueOrganisationSlug) {
    const [venue] = await repos.events.events.organisationsBySlugs([input.venueOrganisationSlug]);
    if (!venue) throw unknownValue('body.venueOrganisationSlug', [input.venueOrganisationSlug], 'organisation');
    if (venue.kind !== 'venue')
      throw eventInvalid(
        'body.venueOrganisationSlug',
        'not_a_venue',
        `${input.venueOrganisationSlug} is not a venue: name the place by venueName and venueAddress.`,
        {
          value: input.venueOrganisationSlug,
        },
      );
    venueOrganisationId = venue.id;
  }

  const slugs = input.organisers.map((o) => o.organisationSlug);
  const found = new Map((await repos.events.events.organisationsBySlugs(slugs)).map((o) => [o.slug, o]));
  const seen = new Set<string>();
  const organisers = input.organisers.map((o, i) => {
    const field = `body.organisers.${i}.organisationSlug`;
    if (seen.has(o.organisationSlug))
      throw eventInvalid(field, 'duplicate_value', `${o.organisationSlug} is named twice among the organisers.`, {
        value: o.organisationSlug,
      });
    seen.add(o.organisationSlug);
    const organisation = found.get(o.organisationSlug);
    if (!organisation) throw unknownValue(field, [o.organisationSlug], 'organisation');
    return { organisation, role: o.role };
  });

  const registrationClosesAt = instant(input.registrationClosesAt);
  return {
    columns: {
      kind: input.kind,
      title: input.title,
      description: input.description ?? null,
      timeZone,
      startsAt,
      endsAt,
      knownDate,
      venueOrganisationId,
      venueName: input.venueName ?? null,
      venueAddress: input.venueAddress ?? null,
      regionCode: input.regionCode,
      areaCodes,
      languages: input.languages ?? [],
      registrationOpen: input.registrationOpen ?? false,
      registrationClosesAt,
      meetingsEnabled: input.meetingsEnabled ?? false,
      reportedAttendance: input.reportedAttendance ?? null,
      reportedAttendanceApproximate: input.reportedAttendanceApproximate ?? false,
      reportedSectors: input.reportedSectors ?? [],
    },
    organisers,
  };
}
