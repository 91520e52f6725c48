import type { ApiError } from '../../../shared/schemas/common';
import { ApiRequestError } from '../api/client';
import { useI18n } from './I18nProvider';

type Translate = ReturnType<typeof useI18n>['t'];
/**
 * A page's own names of its fields, by the field's last part (`nace` for `query.nace[0]`): a filter's error
 * then names it as the filter's label does, where the registry-wide name (`fields.nace`) would differ.
 */
export type FieldLabels = Readonly<Record<string, string>>;
const LANGUAGE_PARTS = new Set(['ru', 'fr', 'en']);

/**
 * A field of an error (`body.name.fr`, `query.pageSize`, `body.terms[0].term`) as the reader calls it:
 * «Название (французский)», «Размер страницы». A field with no label is shown as the API names it.
 */
export function fieldLabel(t: Translate, field: string | undefined, labels: FieldLabels = {}): string {
  if (!field) return t('fields.request');
  const parts = field
    .replace(/\[\d+\]/g, '')
    .split('.')
    .slice(1);
  if (parts.length === 0) return t(`fields.${field}`) === `fields.${field}` ? field : t(`fields.${field}`);
  const last = parts[parts.length - 1]!;
  const language = LANGUAGE_PARTS.has(last) && parts.length > 1 ? last : null;
  const name = language ? parts[parts.length - 2]! : last;
  const key = `fields.${name}`;
  const label = labels[name] ?? (t(key) === key ? name : t(key));
  return language ? `${label} (${t(`language.names.${language}`)})` : label;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The error's values as the message shows them: a language by its name in the reader's language, a day
 * (2027-06-30) as the pages write days («30 июн. 2027 г.»), when the caller gives the reader's language.
 */
function shownParams(t: Translate, params: Record<string, string | number> | undefined, lang?: string) {
  const shown: Record<string, string | number> = { ...params };
  if (typeof shown.language === 'string') shown.language = t(`language.names.${shown.language}`);
  if (lang)
    for (const [name, value] of Object.entries(shown))
      if (typeof value === 'string' && DAY.test(value))
        // the day itself, whatever the reader's time zone: read and written at noon UTC
        shown[name] = new Date(`${value}T12:00:00Z`).toLocaleDateString(lang, { dateStyle: 'medium', timeZone: 'UTC' });
  return shown;
}

/**
 * The message of an API error in the reader's language: by its reason where it has one (`required`,
 * `maxLength` with its limit, `nul`, …) with the field's name, else by its stable code. The server's
 * English text is the last resort, for a code this version of the web app does not know.
 */
export function errorMessage(t: Translate, error: ApiError['error'], lang?: string, labels?: FieldLabels): string {
  // a token comes from an e-mailed link, never from the reader's typing: a cut or damaged one is a bad link
  if (error.code === 'validation_failed' && error.field === 'body.token') return t('errors.token_invalid');
  const vars = { field: fieldLabel(t, error.field, labels), ...shownParams(t, error.params, lang) };
  // "at least 1 character" is a text left empty: said as such
  const reason = error.reason === 'minLength' && Number(error.params?.limit) === 1 ? 'required' : error.reason;
  if (reason) {
    const key = `invalid.${reason}`;
    const text = t(key, vars);
    if (text !== key) return text;
  }
  const key = `errors.${error.code}`;
  const text = t(key, vars);
  return text === key ? error.message : text;
}

export function useErrorText(labels?: FieldLabels) {
  const { t } = useI18n();
  return (error: unknown) =>
    error instanceof ApiRequestError && error.body ? errorMessage(t, error.body.error, undefined, labels) : t('app.error');
}
