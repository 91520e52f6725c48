import { partialDateProblem } from '../../../../shared/partial-date';

/** What a partial date field holds as typed: nothing, a date the API accepts, or why it is not one. */
export type TypedPartialDate = { value: null } | { value: string } | { problem: 'shape' | 'no_such_day' };

const pad = (part: string) => part.padStart(2, '0');

/**
 * A partial date as people type it, in the API's form ("2004", "2004-06", "2004-06-15"). Besides ISO, the
 * day-first forms of French and Russian writing are read ("06/2004", "15.06.2004", "15/6/2004"), since
 * that is how a date is copied from a letter or a press release; nothing is ever completed to 1 January.
 */
export function readPartialDate(typed: string): TypedPartialDate {
  const text = typed.trim();
  if (!text) return { value: null };
  const iso = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(text);
  const dayFirst = /^(?:(\d{1,2})[./])?(\d{1,2})[./](\d{4})$/.exec(text);
  let value: string | null = null;
  if (iso) value = [iso[1], iso[2] && pad(iso[2]), iso[3] && pad(iso[3])].filter(Boolean).join('-');
  else if (dayFirst) value = [dayFirst[3], pad(dayFirst[2]!), dayFirst[1] && pad(dayFirst[1])].filter(Boolean).join('-');
  if (value === null) return { problem: 'shape' };
  const problem = partialDateProblem(value);
  return problem ? { problem } : { value };
}
