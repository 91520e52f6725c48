import { useState, type FormEvent, type InputHTMLAttributes, type ReactNode } from 'react';
import { useErrorText } from '../i18n/error-text';

export { useErrorText };

/** A labelled input; the label and the field are tied for screen readers. */
export function Field({ label, hint, ...input }: { label: string; hint?: string } & InputHTMLAttributes<HTMLInputElement>) {
  const id = input.id ?? `field-${input.name}`;
  // the hint is described, not labelled: the field's name stays short for screen readers
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} aria-describedby={hint ? `${id}-hint` : undefined} {...input} />
      {hint && (
        <small id={`${id}-hint`} className="muted">
          {hint}
        </small>
      )}
    </div>
  );
}

/** A form that sends once at a time and shows the outcome: an error in an alert, a success in a status. */
export function useSubmit(action: () => Promise<string | void>) {
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const onSubmit = async (event?: FormEvent) => {
    event?.preventDefault();
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      setDone((await action()) ?? null);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, done, onSubmit };
}

export function Outcome({ error, done }: { error: string | null; done: string | null }): ReactNode {
  return (
    <>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {done && (
        <p role="status" className="success">
          {done}
        </p>
      )}
    </>
  );
}

/** A labelled select of known values. */
export function SelectField<T extends string>({
  id,
  label,
  value,
  options,
  onChange,
  placeholder,
}: {
  id: string;
  label: string;
  value: T;
  options: { value: T; label: string }[];
  onChange(value: T): void;
  /** A first, empty choice that must be replaced (the select is then required): nothing is chosen for the person. */
  placeholder?: string;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} required={placeholder !== undefined} onChange={(e) => onChange(e.target.value as T)}>
        {placeholder !== undefined && (
          <option value="" disabled>
            {placeholder}
          </option>
        )}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** For buttons that act at once (end a session, remove a member): runs the work and keeps its error. */
export function useAction() {
  const errorText = useErrorText();
  const [error, setError] = useState<string | null>(null);
  const run = (work: () => Promise<unknown>, then?: () => void) => {
    setError(null);
    work().then(
      () => then?.(),
      (e: unknown) => setError(errorText(e)),
    );
  };
  return { error, run };
}
