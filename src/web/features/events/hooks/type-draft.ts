import type { ParticipationKind, QuestionKind } from '../../../../shared/events';
import type { Language } from '../../../../shared/languages';
import type { MultilingualText } from '../../../../shared/multilingual';
import type { ParticipationType, ParticipationTypeInput, Question } from '../api/contracts';

export interface QuestionDraft {
  id: string;
  label: string;
  kind: QuestionKind;
  required: boolean;
  /** A choice question's choices, one a line. */
  choices: string;
}

/** A participation type as its editor holds it: the capacity as typed (empty: no limit), questions as rows. */
export interface TypeDraft {
  kind: ParticipationKind;
  name: MultilingualText;
  capacity: string;
  requiresApproval: boolean;
  meetingsAllowed: boolean;
  questions: QuestionDraft[];
}

const plain = (v: MultilingualText | string | null | undefined, lang: Language) =>
  !v ? '' : typeof v === 'string' ? v : (v[lang] ?? v[v.original] ?? '');

export const newTypeDraft = (lang: Language): TypeDraft => ({
  kind: 'visitor',
  name: { original: lang },
  capacity: '',
  requiresApproval: false,
  meetingsAllowed: true,
  questions: [],
});

let counter = 0;
/** A question's id: stable once saved, as the answers are keyed by it. */
export const newQuestion = (): QuestionDraft => ({
  id: `q${Date.now().toString(36)}${(counter++).toString(36)}`,
  label: '',
  kind: 'text',
  required: false,
  choices: '',
});

export const draftOfType = (p: ParticipationType, lang: Language): TypeDraft => ({
  kind: p.kind,
  name: typeof p.name === 'string' ? { original: lang, [lang]: p.name } : p.name,
  capacity: p.capacity === null || p.capacity === undefined ? '' : String(p.capacity),
  requiresApproval: !!p.requiresApproval,
  meetingsAllowed: !!p.meetingsAllowed,
  questions: (p.questions ?? []).map((q) => ({
    id: q.id,
    label: plain(q.label, lang),
    kind: q.kind,
    required: q.required,
    choices: (q.choices ?? []).map((c) => plain(c.label, lang)).join('\n'),
  })),
});

export function inputOfType(d: TypeDraft, lang: Language): ParticipationTypeInput {
  const ml = (text: string): MultilingualText => ({ original: lang, [lang]: text.trim() });
  const questions: Question[] = d.questions.map((q) => ({
    id: q.id,
    label: ml(q.label),
    kind: q.kind,
    required: q.required,
    ...(q.kind === 'choice'
      ? {
          choices: q.choices
            .split('\n')
            .map((c) => c.trim())
            .filter(Boolean)
            .map((c, i) => ({ id: `c${i + 1}`, label: ml(c) })),
        }
      : {}),
  }));
  return {
    kind: d.kind,
    name: d.name,
    // an empty capacity is no limit (null), so that clearing a type's limit removes it
    capacity:
      d.capacity.trim() === ''
        ? null
        : // a capacity typed as words is sent as typed: the API names the field
          Number.isFinite(Number(d.capacity))
          ? Number(d.capacity)
          : (d.capacity as unknown as number),
    requiresApproval: d.requiresApproval,
    meetingsAllowed: d.meetingsAllowed,
    questions,
  };
}
