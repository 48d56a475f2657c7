import { z } from 'zod';
import type { Text } from '../shared/i18n.ts';
import { type CodeOf, labelsOf, t, type TextGroup, texts, textsEach } from '../shared/texts.ts';
import type { FieldMessageKey } from '../shared/validation.ts';
import { type Barrier, barriers, type Category, categories } from '../../machines/events.ts';

export { type Barrier, barriers, type Category, categories };

/**
 * The vocabulary of visitation: profiles, barriers, categories and the preparation
 * questionnaire ("forberedelsesskemaet") the young person fills in before the first
 * conversation (STAR, "Den gode ungeindsats i jobcentrene", STAR: Den gode ungeindsats i jobcentrene (2017), s. 7-10).
 */

// ---------------------------------------------------------------------------------------------
// Profile (profilafklaring), STAR: Den gode ungeindsats i jobcentrene (2017), s. 8: three outcomes of the statistical profile tool.

export const profiles = ['A', 'B', 'C'] as const;
export type Profile = (typeof profiles)[number];

export const profileMeanings: Record<Profile, Text> = labelsOf('visitation.profiles', profiles);

// ---------------------------------------------------------------------------------------------
// Barriers: the codes are defined once, with the journey events (machines/events.ts).

export const barrierLabels: Record<Barrier, Text> = labelsOf('visitation.barriers', barriers);

// ---------------------------------------------------------------------------------------------
// Visitation categories, STAR: Den gode ungeindsats i jobcentrene (2017), s. 6, 12-25. machines/events.ts orders them from least to
// most support needed: the visitation suggestion relies on that order when signals point to
// different categories.

export const categoryLabels: Record<Category, Text> = labelsOf('visitation.categories', categories);

// ---------------------------------------------------------------------------------------------
// The preparation questionnaire, STAR: Den gode ungeindsats i jobcentrene (2017), s. 9. The seed lists the ten questions but not the
// answer options Jobnet shows; the options below are the smallest set that keeps each
// answer usable by the visitation rules (rules/visitation.json).

export interface AnswerOption<V extends string = string> {
  value: V;
  label: Text;
}

/** The answer options of a list, each with its words from templates/texts/visitation.*.json. */
function options<G extends TextGroup, const V extends CodeOf<G>>(
  group: G,
  values: readonly V[],
): ReadonlyArray<AnswerOption<V>> {
  const labels = labelsOf(group, values);
  return values.map((value) => ({ value, label: labels[value] }));
}

function valuesOf<V extends string>(list: ReadonlyArray<AnswerOption<V>>): [V, ...V[]] {
  const values = list.map((option) => option.value);
  const [first, ...rest] = values;
  if (first === undefined) throw new Error('an answer needs at least one option');
  return [first, ...rest];
}

export const yesPartlyNoOptions = options('visitation.answers.yesPartlyNo', ['yes', 'partly', 'no']);

export const yesNoUnsureOptions = options('visitation.answers.yesNoUnsure', ['yes', 'no', 'unsure']);

export const educationLevelOptions = options('visitation.answers.educationLevels', [
  'none',
  'primary_school',
  'upper_secondary',
  'vocational',
  'higher',
]);

export const sixMonthOutlookOptions = options('visitation.answers.sixMonthOutlooks', [
  'in_education',
  'in_work',
  'on_benefit',
  'other',
  'unsure',
]);

export const adviceSourceOptions = options('visitation.answers.adviceSources', [
  'parents',
  'other_family',
  'friends',
  'teacher_or_counsellor',
  'jobcentre',
  'other',
  'nobody',
]);

export const obstacleOptions: ReadonlyArray<AnswerOption<Barrier>> = barriers.map((value) => ({
  value,
  label: barrierLabels[value],
}));

export const dropoutReasonOptions = options('visitation.answers.dropoutReasons', [
  'wrong_choice',
  'academic',
  'social',
  'health',
  'no_apprenticeship',
  'financial',
  'got_work',
  'other',
]);

/** How a question is answered; a form renders from this, the rules read the stored value. */
export type AnswerType =
  | { type: 'single_choice'; options: ReadonlyArray<AnswerOption> }
  | { type: 'yes_partly_no'; options: ReadonlyArray<AnswerOption> }
  | { type: 'yes_no_unsure'; options: ReadonlyArray<AnswerOption> }
  /** Zero or more options; `exclusive` cannot be combined with another option. */
  | { type: 'multiple_choice'; options: ReadonlyArray<AnswerOption>; exclusive?: string }
  /** An integer from min to max. */
  | { type: 'scale'; min: number; max: number; minLabel: Text; maxLabel: Text }
  /** Yes with the main reason from the list, or no. */
  | { type: 'yes_no_with_reason'; reasons: ReadonlyArray<AnswerOption> }
  /** A grade point average on the Danish 7-point scale (-3 to 12), or "don't know". */
  | { type: 'grade_average'; min: number; max: number; unknownLabel: Text };

export const questionCodes = [
  'highest_education',
  'wants_education',
  'liked_school',
  'education_importance',
  'six_month_outlook',
  'education_choice_difficult',
  'advice_sources',
  'completion_obstacles',
  'previous_dropout',
  'primary_school_grade_average',
] as const;
export type QuestionCode = (typeof questionCodes)[number];

export interface Question {
  code: QuestionCode;
  /** Position in the questionnaire, as listed in STAR: Den gode ungeindsats i jobcentrene (2017), s. 9. */
  number: number;
  text: Text;
  answer: AnswerType;
}

export const questionnaire: readonly Question[] = [
  {
    code: 'highest_education',
    number: 1,
    text: texts('visitation.questions.highest_education'),
    answer: { type: 'single_choice', options: educationLevelOptions },
  },
  {
    code: 'wants_education',
    number: 2,
    text: texts('visitation.questions.wants_education'),
    answer: { type: 'yes_no_unsure', options: yesNoUnsureOptions },
  },
  {
    code: 'liked_school',
    number: 3,
    text: texts('visitation.questions.liked_school'),
    answer: { type: 'yes_partly_no', options: yesPartlyNoOptions },
  },
  {
    code: 'education_importance',
    number: 4,
    text: texts('visitation.questions.education_importance'),
    answer: {
      type: 'scale',
      min: 1,
      max: 5,
      minLabel: texts('visitation.answers.importance.min'),
      maxLabel: texts('visitation.answers.importance.max'),
    },
  },
  {
    code: 'six_month_outlook',
    number: 5,
    text: texts('visitation.questions.six_month_outlook'),
    answer: { type: 'single_choice', options: sixMonthOutlookOptions },
  },
  {
    code: 'education_choice_difficult',
    number: 6,
    text: texts('visitation.questions.education_choice_difficult'),
    answer: { type: 'yes_partly_no', options: yesPartlyNoOptions },
  },
  {
    code: 'advice_sources',
    number: 7,
    text: texts('visitation.questions.advice_sources'),
    answer: { type: 'multiple_choice', options: adviceSourceOptions, exclusive: 'nobody' },
  },
  {
    code: 'completion_obstacles',
    number: 8,
    text: texts('visitation.questions.completion_obstacles'),
    // The young person's own account; the caseworker records barriers separately after the
    // conversation. No option ticked means "no".
    answer: { type: 'multiple_choice', options: obstacleOptions },
  },
  {
    code: 'previous_dropout',
    number: 9,
    text: texts('visitation.questions.previous_dropout'),
    answer: { type: 'yes_no_with_reason', reasons: dropoutReasonOptions },
  },
  {
    code: 'primary_school_grade_average',
    number: 10,
    text: texts('visitation.questions.primary_school_grade_average'),
    answer: {
      type: 'grade_average',
      min: -3,
      max: 12,
      unknownLabel: texts('visitation.answers.gradeUnknown'),
    },
  },
];

function uniqueList<T extends string>(values: [T, ...T[]]) {
  return z
    .array(z.enum(values))
    .refine((list) => new Set(list).size === list.length, { message: 'duplicate_value' satisfies FieldMessageKey });
}

/** Structured answers to all ten questions; every answer is checked against its options. */
export const questionnaireAnswers = z
  .object({
    highest_education: z.enum(valuesOf(educationLevelOptions)),
    wants_education: z.enum(valuesOf(yesNoUnsureOptions)),
    liked_school: z.enum(valuesOf(yesPartlyNoOptions)),
    education_importance: z.number().int().min(1).max(5),
    six_month_outlook: z.enum(valuesOf(sixMonthOutlookOptions)),
    education_choice_difficult: z.enum(valuesOf(yesPartlyNoOptions)),
    advice_sources: uniqueList(valuesOf(adviceSourceOptions))
      .min(1)
      .refine((list) => !list.includes('nobody') || list.length === 1, {
        // The validator reads a JSON { da, en } message as the text in each language.
        message: JSON.stringify(
          textsEach('visitation.refusals.exclusiveAnswer', (lang) => ({
            answer: t(lang, 'visitation.answers.adviceSources.nobody'),
          })),
        ),
      }),
    completion_obstacles: uniqueList([...barriers]),
    previous_dropout: z.discriminatedUnion('droppedOut', [
      z.object({ droppedOut: z.literal(false) }).strict(),
      z.object({ droppedOut: z.literal(true), mainReason: z.enum(valuesOf(dropoutReasonOptions)) }).strict(),
    ]),
    primary_school_grade_average: z.union([z.number().min(-3).max(12), z.literal('unknown')]),
  })
  .strict();

export type QuestionnaireAnswers = z.infer<typeof questionnaireAnswers>;

/** Labels for every code that can appear in a rule message placeholder. */
export const codeLabels: Readonly<Record<string, Text>> = {
  ...barrierLabels,
  ...categoryLabels,
};

/** A question's answer in a form that compares equal however a multiple choice was ordered. */
function canonical(value: unknown): string {
  return JSON.stringify(Array.isArray(value) ? [...(value as string[])].sort() : value);
}

/**
 * The questions the caseworker's decision answered exactly as the youth did on their own side:
 * the visitation records them as the youth's answers (the rest the caseworker gave or changed).
 */
export function answersFromYouth(youth: Partial<QuestionnaireAnswers>, decided: QuestionnaireAnswers): QuestionCode[] {
  return questionCodes.filter(
    (code) => youth[code] !== undefined && canonical(youth[code]) === canonical(decided[code]),
  );
}

/** The answers the youth may give on their own side: any of the ten, each checked as above. */
export const youthQuestionnaireAnswers = questionnaireAnswers.partial();
