import { useEffect, useState } from 'react';
import { LANGUAGES, type Language } from '../../../../shared/languages';
import type { MultilingualText } from '../../../../shared/multilingual';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { Outcome, useSubmit } from '../../../shared/ui/forms';
import { FieldError, invalidProps } from '../../../shared/ui/FieldError';
import { MlText } from '../../../shared/ui/MlText';
import { useFieldErrors } from '../../../shared/ui/useFieldErrors';
import { versionConflict } from '../../../shared/versioning';
import { useMyOffers } from '../../marketplace/api/marketplace';
import type { MeetingSlot, MyMeetings } from '../api/contracts';
import { saveMyMeetings } from '../api/meetings';
import { BlockedSlots } from './BlockedSlots';

/**
 * Taking part in the one-to-one meetings: the switch, what I offer and seek at this event (in three
 * languages, as every text of the platform), the marketplace offers I bring, and the slots I am away.
 */
export function ProfileForm({
  slug,
  mine,
  slots,
  timeZone,
  onSaved,
}: {
  slug: string;
  mine: MyMeetings;
  slots: MeetingSlot[];
  timeZone: string;
  onSaved(): void;
}) {
  const { t, lang } = useI18n();
  const errors = useFieldErrors();
  const offers = useMyOffers('published');
  const [enabled, setEnabled] = useState(mine.meetingsEnabled);
  const [profile, setProfile] = useState<MultilingualText | null>(mine.meetingProfile);
  const [offerIds, setOfferIds] = useState(mine.offerIds);
  const [blocked, setBlocked] = useState(mine.blockedTimes);
  const [version, setVersion] = useState(mine.version);
  useEffect(() => {
    setEnabled(mine.meetingsEnabled);
    setProfile(mine.meetingProfile);
    setOfferIds(mine.offerIds);
    setBlocked(mine.blockedTimes);
    setVersion(mine.version);
  }, [mine]);
  const original: Language = profile?.original ?? lang;
  const setText = (l: Language, value: string) => {
    const next: MultilingualText = { ...(profile ?? { original }), original, [l]: value || undefined };
    setProfile(LANGUAGES.some((x) => next[x]) ? next : null);
  };
  const save = useSubmit(() =>
    errors.keeping(async () => {
      try {
        const saved = await saveMyMeetings(
          slug,
          { meetingsEnabled: enabled, meetingProfile: profile, offerIds, blockedTimes: blocked },
          version,
        );
        setVersion(saved.version);
        onSaved();
        return t('meetings.profile.saved');
      } catch (e) {
        // someone (an organiser, or this person in another tab) changed the registration: saved again over it
        const current = versionConflict(e);
        if (current !== null) setVersion(current);
        throw e;
      }
    }),
  );
  const myOffers = offers.data?.items ?? [];
  return (
    <form className="stack meeting-profile" onSubmit={save.onSubmit} noValidate>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={enabled}
          onChange={(e) => setEnabled(e.target.checked)}
          {...invalidProps(errors, 'body.meetingsEnabled', 'meetings-enabled-error')}
        />
        {t('meetings.profile.enable')}
      </label>
      <FieldError errors={errors} field="body.meetingsEnabled" id="meetings-enabled-error" />
      <fieldset className="languages">
        <legend>{t('meetings.profile.text')}</legend>
        <p className="muted">{t('meetings.profile.textHint')}</p>
        <div className="language-grid">
          {LANGUAGES.map((l) => {
            const id = `meeting-profile-${l}`;
            const field = `body.meetingProfile.${l}`;
            return (
              <div key={l} className={`language-column${l === original ? ' original' : ''}`} lang={l}>
                <div className="field">
                  <label htmlFor={id}>{`${t('meetings.profile.textLabel')} (${l})`}</label>
                  <textarea
                    id={id}
                    rows={4}
                    maxLength={2000}
                    value={profile?.[l] ?? ''}
                    onChange={(e) => setText(l, e.target.value)}
                    {...invalidProps(errors, field, `${id}-error`)}
                  />
                  <FieldError errors={errors} field={field} id={`${id}-error`} />
                </div>
              </div>
            );
          })}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('meetings.profile.offers')}</legend>
        {offers.data && myOffers.length === 0 && <p className="muted">{t('meetings.profile.noOffers')}</p>}
        {myOffers.map((o) => (
          <label key={o.id} className="checkbox">
            <input
              type="checkbox"
              checked={offerIds.includes(o.id)}
              onChange={(e) => setOfferIds((ids) => (e.target.checked ? [...ids, o.id] : ids.filter((x) => x !== o.id)))}
            />
            <MlText value={o.title} />
          </label>
        ))}
        <FieldError errors={errors} field="body.offerIds" id="meeting-offers-error" />
      </fieldset>
      <BlockedSlots slots={slots} timeZone={timeZone} blocked={blocked} onChange={setBlocked} />
      <FieldError errors={errors} field="body.blockedTimes" id="meeting-blocked-error" />
      <FieldError errors={errors} field="body" exact id="meeting-profile-error" />
      <button type="submit" disabled={save.busy}>
        {t('meetings.profile.save')}
      </button>
      <Outcome error={save.error} done={save.done} />
    </form>
  );
}
