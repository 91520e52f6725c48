import '../marketplace.css';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { Status } from '../../../shared/ui/Status';
import { useTitle } from '../../../shared/ui/useTitle';
import { useMyInterests } from '../api/marketplace';
import type { Interest } from '../api/contracts';
import { InterestItem } from './InterestItem';

/** My expressions of interest: those I sent and those my organisations' offers received, with their state and threads. */
export function MyInterestsPage() {
  const { t } = useI18n();
  const interests = useMyInterests();
  useTitle(t('marketplace.myInterests.title'));
  const items = interests.data?.items ?? [];
  const sent = items.filter((i) => i.side === 'interested');
  const received = items.filter((i) => i.side !== 'interested');
  return (
    <>
      <h1>{t('marketplace.myInterests.title')}</h1>
      <Status state={interests} />
      <Group id="interests-sent" title={t('marketplace.interests.sent')} items={sent} onChanged={interests.reload} />
      <Group id="interests-received" title={t('marketplace.interests.received')} items={received} onChanged={interests.reload} />
    </>
  );
}

function Group({ id, title, items, onChanged }: { id: string; title: string; items: Interest[]; onChanged(): void }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {items.length === 0 ? (
        <p>{t('marketplace.interests.none')}</p>
      ) : (
        <ul className="cards interest-list">
          {items.map((i) => (
            <InterestItem key={i.id} interest={i} onChanged={onChanged} />
          ))}
        </ul>
      )}
    </section>
  );
}
