import { useState } from 'react';
import { SECTORS } from '../../../../shared/domain';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { Outcome, useSubmit } from '../../../shared/ui/forms';
import { useFieldErrors } from '../../../shared/ui/useFieldErrors';
import { addAttendee, useDelegations } from '../api/events';
import type { AttendeeInput, Event, ParticipationType } from '../api/contracts';
import { useNamed } from './event-words';
import { ErrField, ErrSelect } from './EventTexts';

/** An organiser registers someone else: a delegation member without an account, a guest announced by phone. */
export function AddAttendeeForm({ event, types, onAdded }: { event: Event; types: ParticipationType[]; onAdded(): void }) {
  const { t } = useI18n();
  const named = useNamed();
  const delegations = useDelegations(event.slug).data?.items ?? [];
  const blank = { participationTypeId: '', name: '', email: '', organisationName: '', sector: '', delegationId: '' };
  const [form, setForm] = useState(blank);
  const [overCapacity, setOverCapacity] = useState(false);
  const errors = useFieldErrors();
  const set = (key: keyof typeof blank, value: string) => setForm({ ...form, [key]: value });
  const submit = useSubmit(() =>
    errors.keeping(async () => {
      const body: AttendeeInput = { participationTypeId: form.participationTypeId, name: form.name.trim() };
      if (form.email.trim()) body.email = form.email.trim();
      if (form.organisationName.trim()) body.organisationName = form.organisationName.trim();
      if (form.sector) body.sector = form.sector as AttendeeInput['sector'];
      if (form.delegationId) body.delegationId = form.delegationId;
      if (overCapacity) body.overCapacity = true;
      const added = await addAttendee(event.slug, body);
      setForm(blank);
      onAdded();
      return t('events.attendees.added', { name: added.name });
    }),
  );
  return (
    <form className="stack card add-attendee" onSubmit={submit.onSubmit} noValidate aria-labelledby="add-attendee-title">
      <h2 id="add-attendee-title">{t('events.attendees.addTitle')}</h2>
      <ErrSelect
        id="attendee-type"
        label={t('events.fields.participationTypeId')}
        field="body.participationTypeId"
        errors={errors}
        value={form.participationTypeId}
        options={[{ value: '', label: '—' }, ...types.map((p) => ({ value: p.id, label: named(p.name) }))]}
        onChange={(v) => set('participationTypeId', v)}
      />
      <div className="row">
        <ErrField
          id="attendee-name"
          label={t('events.fields.attendeeName')}
          field="body.name"
          errors={errors}
          maxLength={200}
          value={form.name}
          onChange={(e) => set('name', e.target.value)}
        />
        <ErrField
          id="attendee-email"
          type="email"
          label={t('events.fields.email')}
          field="body.email"
          errors={errors}
          value={form.email}
          onChange={(e) => set('email', e.target.value)}
        />
      </div>
      <div className="row">
        <ErrField
          id="attendee-organisation"
          label={t('events.fields.organisationName')}
          field="body.organisationName"
          errors={errors}
          maxLength={300}
          value={form.organisationName}
          onChange={(e) => set('organisationName', e.target.value)}
        />
        <ErrSelect
          id="attendee-sector"
          label={t('events.fields.sector')}
          field="body.sector"
          errors={errors}
          value={form.sector}
          options={[{ value: '', label: '—' }, ...SECTORS.map((s) => ({ value: s, label: t(`events.sectors.${s}`) }))]}
          onChange={(v) => set('sector', v)}
        />
      </div>
      {delegations.length > 0 && (
        <ErrSelect
          id="attendee-delegation"
          label={t('events.fields.delegationId')}
          field="body.delegationId"
          errors={errors}
          value={form.delegationId}
          options={[{ value: '', label: '—' }, ...delegations.map((d) => ({ value: d.id, label: named(d.name) }))]}
          onChange={(v) => set('delegationId', v)}
        />
      )}
      <label className="checkbox">
        <input type="checkbox" checked={overCapacity} onChange={(e) => setOverCapacity(e.target.checked)} />{' '}
        {t('events.attendees.overCapacity')}
      </label>
      <div className="row">
        <button type="submit" disabled={submit.busy}>
          {t('events.attendees.add')}
        </button>
      </div>
      <Outcome error={submit.error} done={submit.done} />
    </form>
  );
}
