import type { MultilingualText } from '../../../../shared/multilingual';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { useMlString } from '../../../shared/ui/MlText';

/** One audit event as the log records it (GET /audit-events). */
export interface AuditEvent {
  id: string;
  at: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  regionCode: string | null;
  before: unknown;
  after: unknown;
}

type Record_ = Record<string, unknown>;
const isRecord = (v: unknown): v is Record_ => !!v && typeof v === 'object' && !Array.isArray(v);
const isMultilingual = (v: unknown): v is MultilingualText => isRecord(v) && typeof v.original === 'string';

/**
 * The audit log in the reader's words: the action as a sentence ("Profile submitted"), the entity by its
 * name when the event carries one, and the change as a list of the fields that changed. The recorded JSON
 * stays one click away, for whoever needs the exact values.
 */
export function useAuditWords() {
  const { t } = useI18n();
  const text = useMlString();
  // a label of the translation files, or the recorded word itself when there is none (a newer action)
  const known = (key: string, fallback: string) => {
    const said = t(key);
    return said === key ? fallback : said;
  };
  const value = (v: unknown): string => {
    if (v === null || v === undefined || v === '') return '—';
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
    if (isMultilingual(v)) return text(v);
    if (Array.isArray(v)) return v.map(value).join(', ');
    return JSON.stringify(v);
  };
  return {
    action: (e: AuditEvent) => known(`words.audit.actions.${e.action.replace(/\./g, '_')}`, e.action),
    entity: (e: AuditEvent) => {
      const named = [e.after, e.before].find((x) => isRecord(x) && (x.name || x.candidate || x.code || x.term)) as Record_ | undefined;
      const name = named ? value(named.name ?? named.candidate ?? named.code ?? named.term) : null;
      const kind = known(`words.audit.entities.${e.entityType}`, e.entityType);
      return name ? t('words.audit.named', { kind, name }) : kind;
    },
    /** The fields that differ between before and after, each as one readable line. */
    changes: (e: AuditEvent): string[] => {
      const before = isRecord(e.before) ? e.before : {};
      const after = isRecord(e.after) ? e.after : {};
      const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
      return keys
        .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
        .map((k) => {
          const field = known(`fields.${k}`, k);
          if (!(k in after) || after[k] === null) return t('words.audit.cleared', { field });
          if (!(k in before)) return t('words.audit.set', { field, after: value(after[k]) });
          return t('words.audit.changed', { field, before: value(before[k]), after: value(after[k]) });
        });
    },
  };
}

/** The change cell: the changed fields as a list, the recorded JSON behind a "details" toggle. */
export function AuditChange({ event }: { event: AuditEvent }) {
  const { t } = useI18n();
  const words = useAuditWords();
  const changes = words.changes(event);
  if (event.before == null && event.after == null) return null;
  return (
    <>
      {changes.length > 0 && (
        <ul className="audit-changes">
          {changes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      )}
      <details>
        <summary>{t('words.audit.details')}</summary>
        <p className="muted">{t('words.audit.entityId', { id: event.entityId })}</p>
        <code className="change">{JSON.stringify({ before: event.before, after: event.after })}</code>
      </details>
    </>
  );
}
