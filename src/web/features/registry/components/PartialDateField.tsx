import { useEffect, useState } from 'react';
import { formatPartialDate } from '../../../../shared/partial-date';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { readPartialDate } from '../hooks/partial-date-input';
import type { FieldErrors } from '../../../shared/ui/useFieldErrors';
import { FieldError } from '../../../shared/ui/FieldError';

/**
 * A date known to a year, a month or a day, in one text field: "2004" stays a year. What it was read as is
 * shown under it ("juin 2004"), so the precision is seen before saving. A text that is no date is sent as
 * typed: the API names the field in its answer.
 */
export function PartialDateField({
  id,
  label,
  value,
  onChange,
  errors,
  field,
  disabled,
}: {
  id: string;
  label: string;
  value: string | null;
  onChange(value: string | null): void;
  errors?: FieldErrors;
  /** The API's name of the field (body.dated). */
  field?: string;
  disabled?: boolean;
}) {
  const { t, lang } = useI18n();
  const [typed, setTyped] = useState(value ?? '');
  // a value set from outside (a conflict's merge, the kind's switch) replaces what was typed
  useEffect(() => {
    const read = readPartialDate(typed);
    if ('problem' in read ? typed !== value : read.value !== value) setTyped(value ?? '');
  }, [value]);
  const read = readPartialDate(typed);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const refused = errors && field ? errors.of(field).length > 0 : false;
  return (
    <div className="field partial-date">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        inputMode="numeric"
        autoComplete="off"
        disabled={disabled}
        value={typed}
        aria-invalid={refused || 'problem' in read || undefined}
        aria-describedby={[hintId, refused ? errorId : ''].filter(Boolean).join(' ')}
        onChange={(e) => {
          setTyped(e.target.value);
          const next = readPartialDate(e.target.value);
          onChange('problem' in next ? e.target.value.trim() : next.value);
        }}
      />
      <small id={hintId} className={'problem' in read ? 'error' : 'muted'}>
        {'problem' in read
          ? t(`registry.date.${read.problem}`)
          : read.value
            ? t('registry.date.readAs', { date: formatPartialDate(read.value, lang) })
            : t('registry.date.hint')}
      </small>
      {errors && field && <FieldError errors={errors} field={field} id={errorId} />}
    </div>
  );
}
