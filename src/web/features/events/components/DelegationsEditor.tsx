import { useState } from 'react';
import { DELEGATION_ROLES } from '../../../../shared/events';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { Outcome, useAction, useSubmit } from '../../../shared/ui/forms';
import { REGION_CHOICES_SHOWN, useRegionGroups } from '../../../shared/ui/region-choices';
import { Status } from '../../../shared/ui/Status';
import { TypeaheadSelect } from '../../../shared/ui/Typeahead';
import { LIST_BELOW } from './below-input';
import { FieldError } from '../../../shared/ui/FieldError';
import { useFieldErrors } from '../../../shared/ui/useFieldErrors';
import { createDelegation, deleteDelegation, updateDelegation, useDelegations } from '../api/events';
import type { Delegation, Event } from '../api/contracts';
import { ignoreNoContent } from '../api/no-content';
import {
  draftOfDelegation,
  inputOfDelegation,
  newDelegationDraft,
  newMember,
  type DelegationDraft,
  type MemberDraft,
} from '../hooks/delegation-draft';
import { DelegationView } from './DelegationsView';
import { ErrField, ErrSelect, EventTexts } from './EventTexts';

/** The visiting delegations: each with its head and members, their roles, travel dates; its visits are sessions of the programme. */
export function DelegationsEditor({ event }: { event: Event }) {
  const { t, lang } = useI18n();
  const list = useDelegations(event.slug);
  const [editing, setEditing] = useState<{ delegation: Delegation | null; draft: DelegationDraft } | null>(null);
  const errors = useFieldErrors();
  const remove = useAction();
  const save = useSubmit(() =>
    errors.keeping(async () => {
      const body = inputOfDelegation(editing!.draft, lang);
      if (editing!.delegation) await updateDelegation(event.slug, editing!.delegation, body);
      else await createDelegation(event.slug, body);
      setEditing(null);
      list.reload();
      return t('events.delegations.saved');
    }),
  );
  return (
    <section id="delegations" className="stack" aria-labelledby="delegations-title">
      <h2 id="delegations-title">{t('events.delegations.title')}</h2>
      <Status state={list} />
      {list.data?.items.length === 0 && <p className="muted">{t('events.delegations.empty')}</p>}
      <ul className="cards">
        {(list.data?.items ?? []).map((d) => (
          <li key={d.id} className="card">
            <DelegationView delegation={d} zone={event.timeZone} />
            <div className="row">
              <button type="button" className="secondary" onClick={() => setEditing({ delegation: d, draft: draftOfDelegation(d, lang) })}>
                {t('events.editor.editItem')}
              </button>
              <button
                type="button"
                className="secondary"
                onClick={() => remove.run(() => deleteDelegation(event.slug, d.id).catch(ignoreNoContent), list.reload)}
              >
                {t('events.editor.deleteItem')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      {editing ? (
        <form onSubmit={save.onSubmit} noValidate aria-label={t('events.delegations.formTitle')}>
          <h3>{t('events.delegations.formTitle')}</h3>
          <DelegationForm draft={editing.draft} onChange={(draft) => setEditing({ ...editing, draft })} errors={errors} />
          <div className="row">
            <button type="submit" disabled={save.busy}>
              {t('events.delegations.save')}
            </button>
            <button type="button" className="secondary" onClick={() => setEditing(null)}>
              {t('events.editor.close')}
            </button>
          </div>
        </form>
      ) : (
        <p>
          <button type="button" onClick={() => setEditing({ delegation: null, draft: newDelegationDraft(lang) })}>
            {t('events.delegations.add')}
          </button>
        </p>
      )}
      <Outcome error={save.error ?? remove.error} done={save.done} />
    </section>
  );
}

function DelegationForm({
  draft,
  onChange,
  errors,
}: {
  draft: DelegationDraft;
  onChange(d: DelegationDraft): void;
  errors: ReturnType<typeof useFieldErrors>;
}) {
  const { t } = useI18n();
  const regions = useRegionGroups();
  const set = <K extends keyof DelegationDraft>(key: K, value: DelegationDraft[K]) => onChange({ ...draft, [key]: value });
  const member = (i: number, key: keyof MemberDraft, value: string) =>
    set(
      'members',
      draft.members.map((m, j) => (j === i ? { ...m, [key]: value } : m)),
    );
  return (
    <div className="stack delegation-form">
      <EventTexts
        prefix="delegation"
        fields={[{ key: 'name', label: t('events.fields.delegationName'), maxLength: 300, required: true }]}
        values={{ name: draft.name }}
        original={draft.name.original}
        onChange={(_k, value) => set('name', value ?? { original: draft.name.original })}
        errors={errors}
      />
      <TypeaheadSelect
        id="delegation-region"
        comboboxProps={LIST_BELOW}
        className="field region-field"
        label={t('events.fields.fromRegionCode')}
        data={regions.groups}
        searchText={regions.searchText}
        limit={REGION_CHOICES_SHOWN}
        value={draft.fromRegionCode || null}
        onChange={(code) => set('fromRegionCode', code ?? '')}
        error={errors.of('body.fromRegionCode').join(' ') || undefined}
      />
      <div className="row">
        <ErrField
          id="delegation-arrives"
          type="date"
          label={t('events.fields.arrivesOn')}
          field="body.arrivesOn"
          errors={errors}
          value={draft.arrivesOn}
          onChange={(e) => set('arrivesOn', e.target.value)}
        />
        <ErrField
          id="delegation-departs"
          type="date"
          label={t('events.fields.departsOn')}
          field="body.departsOn"
          errors={errors}
          value={draft.departsOn}
          onChange={(e) => set('departsOn', e.target.value)}
        />
      </div>
      <fieldset className="members">
        <legend>{t('events.fields.members')}</legend>
        {draft.members.map((m, i) => (
          <div key={i} className="member-row stack">
            <div className="row">
              <ErrSelect
                id={`member-${i}-role`}
                label={t('events.fields.memberRole')}
                field={`body.members.${i}.role`}
                errors={errors}
                value={m.role}
                options={DELEGATION_ROLES.map((r) => ({ value: r, label: t(`events.delegationRoles.${r}`) }))}
                onChange={(role) => member(i, 'role', role)}
              />
              <ErrField
                id={`member-${i}-name`}
                label={t('events.fields.memberName')}
                field={`body.members.${i}.name`}
                errors={errors}
                maxLength={200}
                value={m.name}
                onChange={(e) => member(i, 'name', e.target.value)}
              />
            </div>
            <div className="row">
              <ErrField
                id={`member-${i}-position`}
                label={t('events.fields.position')}
                field={`body.members.${i}.position`}
                errors={errors}
                maxLength={300}
                value={m.position}
                onChange={(e) => member(i, 'position', e.target.value)}
              />
              <ErrField
                id={`member-${i}-organisation`}
                label={t('events.fields.memberOrganisation')}
                field={`body.members.${i}.organisationName`}
                errors={errors}
                maxLength={300}
                value={m.organisationName}
                onChange={(e) => member(i, 'organisationName', e.target.value)}
              />
            </div>
            <button
              type="button"
              className="secondary"
              onClick={() =>
                set(
                  'members',
                  draft.members.filter((_, j) => j !== i),
                )
              }
            >
              {t('events.delegations.removeMember')}
            </button>
          </div>
        ))}
        <FieldError exact errors={errors} field="body.members" id="delegation-members-error" />
        <button type="button" className="secondary" onClick={() => set('members', [...draft.members, newMember()])}>
          {t('events.delegations.addMember')}
        </button>
      </fieldset>
      <ErrField
        id="delegation-notes"
        label={t('events.fields.notes')}
        field="body.notes"
        errors={errors}
        maxLength={2000}
        value={draft.notes}
        onChange={(e) => set('notes', e.target.value)}
      />
    </div>
  );
}
