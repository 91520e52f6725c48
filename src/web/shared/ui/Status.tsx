import type { ApiState } from '../api/useApi';
import { useI18n } from '../i18n/I18nProvider';

/** What a page shows while its data loads or when it failed. */
export function Status<T>({ state }: { state: ApiState<T> }) {
  const { t } = useI18n();
  if (state.status === 'loading' && !state.data) return <p role="status">{t('app.loading')}</p>;
  if (state.status === 'error')
    return (
      <p role="alert" className="error">
        {t('app.error')}
      </p>
    );
  return null;
}
