import type { RegistrationQuestion } from '../../../db/schema/events.js';
import type { Answers, Question } from '../../../shared/schemas/events/registration.js';
import { AppError } from '../../errors.js';

/** A type's questions: ids unique (answers are kept by id), a choice question with choices, each choice id once. */
export function checkQuestions(questions: Question[]): RegistrationQuestion[] {
  const seen = new Set<string>();
  for (const [i, q] of questions.entries()) {
    if (seen.has(q.id))
      throw new AppError('invalid_question', `The question id "${q.id}" is used twice.`, `body.questions.${i}.id`).because(
        'duplicate_value',
        { value: q.id },
      );
    seen.add(q.id);
    if (q.kind === 'choice') {
      if (!q.choices || q.choices.length === 0)
        throw new AppError('invalid_question', 'A choice question needs its choices.', `body.questions.${i}.choices`).because('required');
      const choiceIds = new Set<string>();
      for (const [j, c] of q.choices.entries()) {
        if (choiceIds.has(c.id))
          throw new AppError('invalid_question', `The choice id "${c.id}" is used twice.`, `body.questions.${i}.choices.${j}.id`).because(
            'duplicate_value',
            {
              value: c.id,
            },
          );
        choiceIds.add(c.id);
      }
    }
  }
  // choices belong to choice questions only: a text question keeps none that a reader would wonder about
  return questions.map((q) => (q.kind === 'choice' ? { ...q } : { id: q.id, label: q.label, kind: q.kind, required: q.required }));
}

/**
 * Answers checked against the type's questions: each required one given (a blank text is not an answer),
 * a text as a string, a yes/no as a boolean, a choice as one of its choices' ids; an answer to no question
 * is refused. What is kept is trimmed.
 */
export function checkAnswers(questions: RegistrationQuestion[], answers: Answers = {}): Record<string, string | boolean> {
  const byId = new Map(questions.map((q) => [q.id, q]));
  for (const id of Object.keys(answers))
    if (!byId.has(id))
      throw new AppError('invalid_answer', `No question has the id "${id}".`, `body.answers.${id}`).because('unknown_field');
  const kept: Record<string, string | boolean> = {};
  for (const q of questions) {
    const field = `body.answers.${q.id}`;
    const value = answers[q.id];
    const blank = value === undefined || (typeof value === 'string' && value.trim() === '');
    if (blank) {
      if (q.required) throw new AppError('invalid_answer', 'This question needs an answer.', field).because('required');
      continue;
    }
    if (q.kind === 'yes_no') {
      if (typeof value !== 'boolean') throw new AppError('invalid_answer', 'Answer yes or no (true or false).', field).because('type');
      kept[q.id] = value;
    } else if (typeof value !== 'string') {
      throw new AppError('invalid_answer', 'Answer with a text.', field).because('type');
    } else if (q.kind === 'choice') {
      if (!q.choices?.some((c) => c.id === value))
        throw new AppError('invalid_answer', `"${value}" is not one of the choices.`, field).because('unknown_value', { value });
      kept[q.id] = value;
    } else {
      kept[q.id] = value.trim();
    }
  }
  return kept;
}
