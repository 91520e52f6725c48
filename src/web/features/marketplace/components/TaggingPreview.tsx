import { useEffect, useState } from 'react';
import type { OfferTagging } from '../../../../shared/schemas/offers';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { previewTagging } from '../api/marketplace';
import type { OfferDraft } from '../hooks/offer-draft';

/**
 * "How matching sees it": the glossary concepts, activity and product codes and areas the draft is tagged
 * with, asked again a moment after the typing stops (nothing is saved).
 */
export function TaggingPreview({ draft }: { draft: OfferDraft }) {
  const { t, lang } = useI18n();
  const [tagging, setTagging] = useState<OfferTagging | null>(null);
  const [failed, setFailed] = useState(false);
  const key = JSON.stringify(draft);
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      previewTagging(draft).then(
        (answer) => current && (setTagging(answer), setFailed(false)),
        () => current && setFailed(true),
      );
    }, 600);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // the draft's content, not its identity, decides when to ask again
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  const groups: [string, string[]][] = tagging
    ? [
        [t('marketplace.tagging.concepts'), tagging.concepts.map((c) => c.label)],
        [t('marketplace.tagging.nace'), tagging.nace.map((n) => `${n.code} ${n.title}`)],
        [
          t('marketplace.tagging.products'),
          tagging.products.map((p) => `${p.code.replace(/^\w+:/, '')} ${p.title[lang] ?? p.title.en ?? p.title.fr ?? p.title.ru ?? ''}`),
        ],
        [t('marketplace.tagging.areas'), tagging.areas.map((a) => a.label)],
      ]
    : [];
  return (
    <section className="notice tagging-preview" aria-labelledby="tagging-title" aria-live="polite">
      <h2 id="tagging-title">{t('marketplace.tagging.title')}</h2>
      {failed && <p className="muted">{t('marketplace.tagging.unavailable')}</p>}
      {!tagging && !failed && <p className="muted">{t('marketplace.tagging.waiting')}</p>}
      {tagging &&
        (groups.every(([, items]) => items.length === 0) ? (
          <p className="muted">{t('marketplace.tagging.nothing')}</p>
        ) : (
          <dl className="offer-fields">
            {groups
              .filter(([, items]) => items.length > 0)
              .map(([label, items]) => (
                <div key={label}>
                  <dt>{label}</dt>
                  <dd>
                    <ul className="chips">
                      {items.map((i) => (
                        <li key={i}>{i}</li>
                      ))}
                    </ul>
                  </dd>
                </div>
              ))}
          </dl>
        ))}
    </section>
  );
}
