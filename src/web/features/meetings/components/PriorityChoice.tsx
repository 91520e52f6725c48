import { MEETING_PRIORITIES, type MeetingPriority } from '../../../../shared/events';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { SelectField } from '../../../shared/ui/forms';

/** Must meet or would like to meet: what the scheduler weighs (docs/scheduling.md). */
export function PriorityChoice({ id, value, onChange }: { id: string; value: MeetingPriority; onChange(value: MeetingPriority): void }) {
  const { t } = useI18n();
  return (
    <SelectField
      id={id}
      label={t('meetings.request.priority')}
      value={value}
      options={MEETING_PRIORITIES.map((p) => ({ value: p, label: t(`meetings.priority.${p}`) }))}
      onChange={onChange}
    />
  );
}
