import type { ApiState } from '../api/useApi';
import { useI18n } from '../i18n/I18nProvider';
import { useErrorText } from './forms';

/** What a page shows while its data loads or when it failed. */
export function Status<T>({ state }: { state: ApiState<T> }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  if (state.status === 'loading' && !state.data) return <p role="status">{t('app.loading')}</p>;
  // a known error says what it is (by its stable code); anything else stays generic
  if (state.status === 'error')
    return (
      <p role="alert" className="error">
        {errorText(state.error)}
      </p>
    );
  return null;
}
