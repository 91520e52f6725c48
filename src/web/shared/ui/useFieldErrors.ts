import { useCallback, useMemo, useState } from 'react';
import { ApiRequestError } from '../api/client';
import { errorMessage } from '../i18n/error-text';
import { useI18n } from '../i18n/I18nProvider';

/** A rule of the text's form (a pattern): beside a more telling message on the same field, it says nothing more. */
const isShape = (e: { reason?: string }) => e.reason === 'pattern' || e.reason === 'format' || e.reason === 'shape';

/**
 * The API's refusal of a form, field by field, each message in the reader's language beside the field it
 * names (`body.title.ru` beside the Russian title, `body.parties[1].organisation` beside the second party).
 */
export function useFieldErrors() {
  const { t, lang } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const messages = useMemo(() => {
    if (!(error instanceof ApiRequestError) || !error.body) return [];
    const { field, details } = error.body.error;
    const all = details?.length ? details.map((d) => ({ ...error.body!.error, ...d })) : field ? [error.body.error] : [];
    const said = all.map((e) => ({ field: e.field ?? '', text: errorMessage(t, e, lang) }));
    // an empty text breaks two rules at once (at least one character, not only spaces): the field is told once
    return said.filter(
      (m, i) =>
        !said.slice(0, i).some((earlier) => earlier.field === m.field && earlier.text === m.text) &&
        !(isShape(all[i]!) && said.some((o, j) => j !== i && o.field === m.field)),
    );
  }, [error, t, lang]);
  /** The messages of a field and of its parts (`body.title` also gets `body.title.fr`). */
  const of = useCallback(
    (field: string) =>
      messages
        .filter(
          (m) => m.field === field || m.field.startsWith(`${field}.`) || m.field.startsWith(`${field}[`) || m.field.startsWith(`${field}/`),
        )
        .map((m) => m.text),
    [messages],
  );
  /** The messages of the field itself, not of its parts. */
  const exactly = useCallback((field: string) => messages.filter((m) => m.field === field).map((m) => m.text), [messages]);
  /** Runs a form's write: a refusal is kept for the fields it names and thrown on, for the form's outcome. */
  const keeping = useCallback(async <T>(work: () => Promise<T>): Promise<T> => {
    setError(null);
    try {
      return await work();
    } catch (e) {
      setError(e);
      throw e;
    }
  }, []);
  return { of, exactly, keeping, set: setError, clear: useCallback(() => setError(null), []) };
}
export type FieldErrors = ReturnType<typeof useFieldErrors>;
