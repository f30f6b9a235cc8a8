/** The forms Huizong ships (`forms/*.json`), checked against the definition schema by the tests. */
import activitySummary from '../../../forms/activity-summary.json';
import quizResults from '../../../forms/quiz-results.json';
import typicalExperience from '../../../forms/typical-experience.json';
import type { FormDefinition } from './types';

export const shippedForms: readonly FormDefinition[] = [activitySummary, quizResults, typicalExperience] as unknown as FormDefinition[];

export function shippedForm(id: string): FormDefinition | undefined {
  return shippedForms.find((form) => form.id === id);
}
