import type { ApiState } from '../api/useApi';
import type { FieldLabels } from '../i18n/error-text';
import { useI18n } from '../i18n/I18nProvider';
import { useErrorText } from './forms';

/** What a page shows while its data loads or when it failed; `fieldLabels`: the page's names of the fields it sent. */
export function Status<T>({ state, fieldLabels }: { state: ApiState<T>; fieldLabels?: FieldLabels }) {
  const { t } = useI18n();
  const errorText = useErrorText(fieldLabels);
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
