import type { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import type { AppDeps } from '../deps.ts';
import { considerableAmongChosen, visitationDecidedCommand } from '../journeys/journey.schemas.ts';
import { readSettings } from '../municipalities/settings.service.ts';
import { assessVisitation } from '../rules/assess-visitation.ts';
import type { RuleSet } from '../rules/rule-set.loader.ts';
import type { Lang, Text } from '../shared/i18n.ts';
import { parseWithMessages } from '../shared/validation.ts';
import { type Form, textList } from './web.shared.ts';
import {
  barrierLabels,
  barriers,
  categories,
  type Category,
  categoryLabels,
  profileMeanings,
  profiles,
  questionnaire,
  type QuestionnaireAnswers,
} from '../visitation/questionnaire.ts';
import { texts, textsEach } from '../shared/texts.ts';

/** The visitation decision as the journey service takes it; the category is chosen after the preview. */
const visitationInput = visitationDecidedCommand.partial({ category: true }).superRefine(considerableAmongChosen);
export type VisitationInput = z.output<typeof visitationInput>;

const one = (form: Form, key: string): string | undefined => {
  const value = form[key];
  const first = Array.isArray(value) ? value[0] : value;
  return first?.trim() ? first.trim() : undefined;
};
const yesNo = (form: Form, key: string, fallback: boolean): boolean => {
  const value = one(form, key);
  return value === undefined ? fallback : value === 'yes';
};

/** The form field a problem belongs to: `questionnaire.advice_sources.0` is shown at `q-advice_sources`. */
function fieldOf(path: string): string {
  const [head, second] = path.split('.');
  if (head === 'questionnaire' && second) return `q-${second}`;
  return head ?? path;
}

/**
 * Reads the ten questions of the questionnaire from a form (fields `q-<question code>`), each
 * answer as the schema takes it, and the problems the form alone shows. On the caseworker's
 * visitation form every question is answered; on the youth's own form (`allOptional`) any may be
 * skipped: an empty choice is left out, and `q-completion_obstacles` may say "none" (no obstacle,
 * which the caseworker's form says by ticking nothing).
 */
export function readQuestionnaireFields(
  form: Form,
  options: { allOptional: boolean },
): { answers: Record<string, unknown>; errors: Record<string, Text> } {
  const errors: Record<string, Text> = {};
  const answers: Record<string, unknown> = {};
  for (const question of questionnaire) {
    const key = `q-${question.code}`;
    switch (question.answer.type) {
      case 'single_choice':
      case 'yes_partly_no':
      case 'yes_no_unsure':
        answers[question.code] = one(form, key);
        break;
      case 'multiple_choice': {
        const chosen = textList(form, key);
        const exclusive =
          options.allOptional && question.code === 'completion_obstacles' ? NO_OBSTACLE : question.answer.exclusive;
        if (exclusive && chosen.includes(exclusive) && chosen.length > 1) {
          const label =
            exclusive === NO_OBSTACLE
              ? texts('youthvoice.questionnaire.noObstacle')
              : question.answer.options.find((o) => o.value === exclusive)?.label;
          errors[key] = textsEach('visitation.refusals.exclusiveAnswer', (lang) => ({
            answer: label?.[lang] ?? exclusive,
          }));
        }
        if (options.allOptional && chosen.length === 0) answers[question.code] = undefined;
        else answers[question.code] = chosen.filter((value) => value !== NO_OBSTACLE || !options.allOptional);
        break;
      }
      case 'scale': {
        const value = one(form, key);
        answers[question.code] = value === undefined ? undefined : Number(value);
        break;
      }
      case 'yes_no_with_reason': {
        const value = one(form, key);
        const reason = one(form, `${key}-reason`);
        if (value === 'yes' && !reason) {
          errors[key] = texts('visitation.refusals.mainReason');
        }
        answers[question.code] =
          value === undefined
            ? undefined
            : value === 'yes'
              ? { droppedOut: true, mainReason: reason }
              : { droppedOut: false };
        break;
      }
      case 'grade_average': {
        const value = one(form, key);
        if (one(form, `${key}-unknown`) === 'yes') answers[question.code] = 'unknown';
        else if (value === undefined) {
          if (!options.allOptional) errors[key] = texts('visitation.refusals.gradeAverageRequired');
        } else {
          const grade = Number(value.replace(',', '.'));
          if (Number.isNaN(grade) || grade < question.answer.min || grade > question.answer.max) {
            errors[key] = texts('visitation.refusals.gradeRange', {
              min: question.answer.min,
              max: question.answer.max,
            });
          } else answers[question.code] = grade;
        }
        break;
      }
    }
  }
  return { answers, errors };
}

/** The youth's own form: the value of the choice "nothing makes it hard" among the obstacles. */
export const NO_OBSTACLE = 'none';

/**
 * Reads the visitation form into the typed decision, or the problems to show next to each field.
 * Field names: `q-<question code>` for the questionnaire, `profile`, `barriers` (repeated),
 * `inEducationOrJob`, `onBenefit`, `waitingForApprenticeship` (yes/no), `category`, `overrideReason`.
 */
export function readVisitationForm(
  form: Form,
): { ok: true; input: VisitationInput } | { ok: false; errors: Record<string, Text> } {
  const { answers, errors } = readQuestionnaireFields(form, { allOptional: false });
  const raw = {
    category: one(form, 'category'),
    profile: one(form, 'profile'),
    barriers: textList(form, 'barriers'),
    considerableBarriers: textList(form, 'considerableBarriers'),
    supportOverAYearReason:
      one(form, 'needsSupportOverAYear') === 'yes' ? (one(form, 'supportOverAYearReason') ?? '') : undefined,
    questionnaire: answers,
    inEducationOrJob: yesNo(form, 'inEducationOrJob', false),
    onBenefit: yesNo(form, 'onBenefit', true),
    waitingForApprenticeship: yesNo(form, 'waitingForApprenticeship', false),
    overrideReason: one(form, 'overrideReason'),
  };
  const parsed = parseWithMessages(visitationInput, raw);
  if (!parsed.success) {
    for (const issue of parsed.issues) errors[fieldOf(issue.field)] ??= issue.messages;
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, input: parsed.data };
}

export interface VisitationPreview {
  suggested: Category;
  /** The category the eligibility answer is for: the one chosen, or the suggested one. */
  category: Category;
  reasons: Array<{ category: Category; text: string }>;
  eligible: boolean;
  explanation: string;
  recommendation: string | null;
}

/**
 * What the rules say about the decision before it is recorded: the same rule sets (valid on the
 * decision's day) and the municipality's overrides that the journey service applies on confirm.
 */
export async function previewVisitation(
  deps: Pick<AppDeps, 'db' | 'ruleSets'>,
  actor: Actor,
  subject: { age: number; returning: boolean; day: string },
  input: VisitationInput,
  lang: Lang,
): Promise<VisitationPreview> {
  const settings = await readSettings(deps.db, actor);
  const { suggestion, category, eligibility } = await assessVisitation(deps.ruleSets, settings, subject, input);
  return {
    suggested: suggestion.category,
    category,
    reasons: suggestion.reasons.map((r) => ({ category: r.category, text: r[lang] })),
    eligible: eligibility.eligible,
    explanation: eligibility.explanation[lang],
    recommendation: eligibility.recommendation ? eligibility.recommendation[lang] : null,
  };
}

/**
 * The questionnaire and the other choices in the page's language, for the template. The
 * categories are those of the visitation rule set in force on the decision's day.
 */
export function visitationCatalogue(lang: Lang, ruleSet: RuleSet) {
  const label = (t: Text) => t[lang];
  return {
    questions: questionnaire.map((q) => {
      const base = { code: q.code, number: q.number, text: label(q.text) };
      switch (q.answer.type) {
        case 'single_choice':
        case 'yes_partly_no':
        case 'yes_no_unsure':
          return {
            ...base,
            kind: 'radio',
            options: q.answer.options.map((o) => ({ value: o.value, label: label(o.label) })),
          };
        case 'multiple_choice':
          return {
            ...base,
            kind: 'checkbox',
            options: q.answer.options.map((o) => ({ value: o.value, label: label(o.label) })),
          };
        case 'scale': {
          const options = [];
          for (let n = q.answer.min; n <= q.answer.max; n++) {
            const end = n === q.answer.min ? q.answer.minLabel : n === q.answer.max ? q.answer.maxLabel : null;
            options.push({ value: String(n), label: end ? `${n} (${label(end)})` : String(n) });
          }
          return { ...base, kind: 'radio', options };
        }
        case 'yes_no_with_reason':
          return {
            ...base,
            kind: 'dropout',
            reasons: q.answer.reasons.map((o) => ({ value: o.value, label: label(o.label) })),
          };
        case 'grade_average':
          return {
            ...base,
            kind: 'grade',
            min: q.answer.min,
            max: q.answer.max,
            unknownLabel: label(q.answer.unknownLabel),
          };
      }
    }),
    profiles: profiles.map((p) => ({ value: p, label: `${p}: ${label(profileMeanings[p])}` })),
    barriers: barriers.map((b) => ({ value: b, label: label(barrierLabels[b]) })),
    categories: ruleSet.categories.map(({ code }) => ({ value: code, label: label(categoryLabels[code]) })),
    law: label(ruleSet.law.title),
    categoryLabels: Object.fromEntries(categories.map((c) => [c, label(categoryLabels[c])])) as Record<
      Category,
      string
    >,
  };
}

/**
 * The youth's own answers as the visitation form's fields (the reverse of readVisitationForm), so
 * the caseworker's form opens with them filled in; and the questions they answered, to mark.
 */
export function formFromYouthAnswers(answers: Partial<QuestionnaireAnswers>): { form: Form; fromYouth: string[] } {
  const form: Form = {};
  const fromYouth: string[] = [];
  for (const question of questionnaire) {
    const value = answers[question.code];
    if (value === undefined) continue;
    const key = `q-${question.code}`;
    fromYouth.push(question.code);
    if (Array.isArray(value)) form[key] = [...value];
    else if (typeof value === 'object') {
      form[key] = value.droppedOut ? 'yes' : 'no';
      if (value.droppedOut) form[`${key}-reason`] = value.mainReason;
    } else if (value === 'unknown' && question.answer.type === 'grade_average') form[`${key}-unknown`] = 'yes';
    else form[key] = String(value);
  }
  return { form, fromYouth };
}
