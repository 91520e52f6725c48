import type { ReactNode } from 'react';
import { LANGUAGES } from '../../../shared/languages';
import type { MultilingualText } from '../../../shared/multilingual';
import { useI18n } from '../i18n/I18nProvider';
import { differingFields } from '../versioning';

/**
 * The conflict of a save with a version someone else saved in the meantime: the fields that differ between
 * the person's edit and the saved version, side by side, and the two ways on.
 */
export function VersionConflict<T extends object>({
  mine,
  theirs,
  label,
  show,
  busy,
  onKeepMine,
  onTakeTheirs,
  actions = { keepMine: 'conflict.keepMine', takeTheirs: 'conflict.takeTheirs' },
}: {
  mine: T;
  theirs: T;
  /** A field's name in the reader's language. */
  label(field: keyof T & string): string;
  /** A field's value as text. */
  show(field: keyof T & string, value: T[keyof T]): ReactNode;
  busy: boolean;
  onKeepMine(): void;
  onTakeTheirs(): void;
  /** The buttons' labels (keys): a change that adds to a record, not replaces it, says so. */
  actions?: { keepMine: string; takeTheirs: string };
}) {
  const { t } = useI18n();
  const fields = differingFields(mine, theirs);
  const empty = <span className="muted">{t('conflict.empty')}</span>;
  const cell = (field: keyof T & string, value: T[keyof T]) => {
    const shown = value === null || value === undefined || (Array.isArray(value) && value.length === 0) ? null : show(field, value);
    return shown ?? empty;
  };
  return (
    <section className="notice conflict" role="alert" aria-labelledby="conflict-title">
      <h2 id="conflict-title">{t('conflict.title')}</h2>
      <p>{t('conflict.explanation')}</p>
      {fields.length === 0 ? (
        <p>{t('conflict.noDifference')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table conflict-fields">
            <thead>
              <tr>
                <th scope="col">{t('conflict.field')}</th>
                <th scope="col">{t('conflict.mine')}</th>
                <th scope="col">{t('conflict.theirs')}</th>
              </tr>
            </thead>
            <tbody>
              {fields.map((field) => (
                <tr key={field}>
                  <th scope="row">{label(field)}</th>
                  <td>{cell(field, mine[field])}</td>
                  <td>{cell(field, theirs[field])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="row">
        <button type="button" disabled={busy} onClick={onKeepMine}>
          {t(actions.keepMine)}
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={onTakeTheirs}>
          {t(actions.takeTheirs)}
        </button>
      </div>
    </section>
  );
}

/** A multilingual value in a conflict's cell: every language it has, each marked with its language. */
export function EveryLanguage({ value }: { value: MultilingualText }) {
  const { t } = useI18n();
  return (
    <>
      {LANGUAGES.filter((l) => value[l]).map((l) => (
        <span key={l} lang={l} className="conflict-text">
          <abbr title={t(`language.names.${l}`)}>{l}</abbr> {value[l]}
        </span>
      ))}
    </>
  );
}

/**
 * What an editor page shows around a save that met someone else's: the conflict while it is open, and once
 * their version is taken, a note that the person's other edits were kept on top of it.
 */
export function ConflictNotice<T extends object>({
  conflict,
  mine,
  merged,
  ...rest
}: Omit<Parameters<typeof VersionConflict<T>>[0], 'mine' | 'theirs'> & {
  conflict: { theirs: T } | null;
  mine: T | null | undefined;
  merged: boolean;
}) {
  const { t } = useI18n();
  return (
    <>
      {conflict && mine && <VersionConflict mine={mine} theirs={conflict.theirs} {...rest} />}
      {merged && (
        <p role="status" className="notice">
          {t('conflict.merged')}
        </p>
      )}
    </>
  );
}
