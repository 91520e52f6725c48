import { useEffect, useState } from 'react';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { useAction } from '../../../shared/ui/forms';
import { followOffer, useMyFollows } from '../api/marketplace';

/** Follow an offer (its updates by e-mail), or stop; a toggle button that says which it is (aria-pressed). */
export function FollowButton({ slug }: { slug: string }) {
  const { t } = useI18n();
  const follows = useMyFollows(true);
  const [following, setFollowing] = useState(false);
  useEffect(() => {
    if (follows.data) setFollowing(follows.data.items.some((f) => f.offer.slug === slug));
  }, [follows.data, slug]);
  const { error, run } = useAction();
  return (
    <p className="row follow">
      <button
        type="button"
        className="secondary"
        aria-pressed={following}
        onClick={() =>
          run(
            () => followOffer(slug, !following),
            () => setFollowing(!following),
          )
        }
      >
        {following ? t('marketplace.follow.following') : t('marketplace.follow.follow')}
      </button>
      {error && (
        <span role="alert" className="error">
          {error}
        </span>
      )}
    </p>
  );
}
