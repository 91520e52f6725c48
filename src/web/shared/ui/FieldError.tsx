import type { FieldErrors } from './useFieldErrors';

/** The API's messages about one field, beside it; `id` ties them to the input (aria-describedby). */
export function FieldError({ errors, field, id, exact }: { errors: FieldErrors; field: string; id: string; exact?: boolean }) {
  const texts = exact ? errors.exactly(field) : errors.of(field);
  if (texts.length === 0) return null;
  return (
    <p id={id} className="error field-error">
      {texts.join(' ')}
    </p>
  );
}

/** The attributes an input takes when the API refused its value. */
export function invalidProps(errors: FieldErrors, field: string, id: string) {
  return errors.of(field).length ? { 'aria-invalid': true as const, 'aria-describedby': id } : {};
}
