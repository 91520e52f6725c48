import { useCallback, useMemo, useState } from 'react';
import { ApiRequestError } from '../api/client';
import { errorMessage } from '../i18n/error-text';
import { useI18n } from '../i18n/I18nProvider';

/**
 * The API's refusal of a form, field by field, each message in the reader's language beside the field it
 * names (`body.title.ru` beside the Russian title, `body.parties[1].organisation` beside the second party).
 */
export function useFieldErrors() {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const messages = useMemo(() => {
    if (!(error instanceof ApiRequestError) || !error.body) return [];
    const { field, details } = error.body.error;
    const all = details?.length ? details.map((d) => ({ ...error.body!.error, ...d })) : field ? [error.body.error] : [];
    return all.map((e) => ({ field: e.field ?? '', text: errorMessage(t, e) }));
  }, [error, t]);
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
