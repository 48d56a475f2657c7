import { z } from 'zod';
import type { Text } from '../shared/i18n.ts';
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

export const profileMeanings: Record<Profile, Text> = {
  A: {
    da: 'Forventes at forlade offentlig forsørgelse hurtigt',
    en: 'Expected to leave public benefit quickly',
  },
  B: { da: 'Mellemgruppen', en: 'The middle group' },
  C: {
    da: 'I risiko for langvarig offentlig forsørgelse',
    en: 'At risk of long-term dependency on public benefit',
  },
};

// ---------------------------------------------------------------------------------------------
// Barriers: the codes are defined once, with the journey events (machines/events.ts).

export const barrierLabels: Record<Barrier, Text> = {
  academic: { da: 'Faglige udfordringer', en: 'Academic difficulties' },
  social: { da: 'Sociale problemer', en: 'Social problems' },
  health: { da: 'Helbredsproblemer', en: 'Health problems' },
  mental_health: { da: 'Psykiske problemer', en: 'Mental health problems' },
  substance_use: { da: 'Misbrug', en: 'Substance use' },
  housing: { da: 'Boligproblemer', en: 'Housing problems' },
  debt: { da: 'Gæld', en: 'Debt' },
  criminal_record: { da: 'Plettet straffeattest', en: 'Criminal record' },
  no_network: { da: 'Manglende netværk', en: 'No support network' },
  other: { da: 'Andet', en: 'Other' },
};

// ---------------------------------------------------------------------------------------------
// Visitation categories, STAR: Den gode ungeindsats i jobcentrene (2017), s. 6, 12-25. machines/events.ts orders them from least to
// most support needed: the visitation suggestion relies on that order when signals point to
// different categories.

export const categoryLabels: Record<Category, Text> = {
  obviously_education_ready: { da: 'Åbenlyst uddannelsesparat', en: 'Obviously education-ready' },
  education_ready: { da: 'Uddannelsesparat', en: 'Education-ready' },
  activity_ready: { da: 'Aktivitetsparat', en: 'Activity-ready' },
};

// ---------------------------------------------------------------------------------------------
// The preparation questionnaire, STAR: Den gode ungeindsats i jobcentrene (2017), s. 9. The seed lists the ten questions but not the
// answer options Jobnet shows; the options below are the smallest set that keeps each
// answer usable by the visitation rules (rules/visitation.json).

export interface AnswerOption<V extends string = string> {
  value: V;
  label: Text;
}

function options<const V extends string>(list: ReadonlyArray<AnswerOption<V>>): ReadonlyArray<AnswerOption<V>> {
  return list;
}

function valuesOf<V extends string>(list: ReadonlyArray<AnswerOption<V>>): [V, ...V[]] {
  const values = list.map((option) => option.value);
  const [first, ...rest] = values;
  if (first === undefined) throw new Error('an answer needs at least one option');
  return [first, ...rest];
}

export const yesPartlyNoOptions = options([
  { value: 'yes', label: { da: 'Ja', en: 'Yes' } },
  { value: 'partly', label: { da: 'Delvist', en: 'Partly' } },
  { value: 'no', label: { da: 'Nej', en: 'No' } },
]);

export const yesNoUnsureOptions = options([
  { value: 'yes', label: { da: 'Ja', en: 'Yes' } },
  { value: 'no', label: { da: 'Nej', en: 'No' } },
  { value: 'unsure', label: { da: 'Ved ikke', en: "Don't know" } },
]);

export const educationLevelOptions = options([
  { value: 'none', label: { da: 'Ingen afsluttet grundskole', en: 'Did not complete compulsory school' } },
  {
    value: 'primary_school',
    label: { da: 'Grundskole (9. eller 10. klasse)', en: 'Compulsory school (9th or 10th grade)' },
  },
  {
    value: 'upper_secondary',
    label: { da: 'Gymnasial uddannelse (fx stx, hhx, htx, hf)', en: 'Upper secondary school (e.g. stx, hhx, htx, hf)' },
  },
  { value: 'vocational', label: { da: 'Erhvervsuddannelse', en: 'Vocational education and training' } },
  { value: 'higher', label: { da: 'Videregående uddannelse', en: 'Higher education' } },
]);

export const sixMonthOutlookOptions = options([
  { value: 'in_education', label: { da: 'I gang med en uddannelse', en: 'In education' } },
  { value: 'in_work', label: { da: 'I arbejde', en: 'In work' } },
  { value: 'on_benefit', label: { da: 'Stadig på offentlig ydelse', en: 'Still on public benefit' } },
  { value: 'other', label: { da: 'Andet', en: 'Other' } },
  { value: 'unsure', label: { da: 'Ved ikke', en: "Don't know" } },
]);

export const adviceSourceOptions = options([
  { value: 'parents', label: { da: 'Forældre', en: 'Parents' } },
  { value: 'other_family', label: { da: 'Anden familie', en: 'Other family' } },
  { value: 'friends', label: { da: 'Venner', en: 'Friends' } },
  { value: 'teacher_or_counsellor', label: { da: 'Lærer eller vejleder', en: 'Teacher or guidance counsellor' } },
  { value: 'jobcentre', label: { da: 'Jobcentret', en: 'The jobcentre' } },
  { value: 'other', label: { da: 'Andre', en: 'Others' } },
  { value: 'nobody', label: { da: 'Ingen', en: 'Nobody' } },
]);

export const obstacleOptions = options(barriers.map((value) => ({ value, label: barrierLabels[value] })));

export const dropoutReasonOptions = options([
  {
    value: 'wrong_choice',
    label: { da: 'Det var ikke den rigtige uddannelse for mig', en: 'It was the wrong education for me' },
  },
  { value: 'academic', label: { da: 'Det var fagligt for svært', en: 'It was too difficult academically' } },
  { value: 'social', label: { da: 'Jeg trivedes ikke socialt', en: 'I did not fit in socially' } },
  {
    value: 'health',
    label: { da: 'Helbredsproblemer (fysiske eller psykiske)', en: 'Health problems (physical or mental)' },
  },
  {
    value: 'no_apprenticeship',
    label: { da: 'Jeg kunne ikke få en praktikplads', en: 'I could not find an apprenticeship' },
  },
  { value: 'financial', label: { da: 'Økonomiske grunde', en: 'Financial reasons' } },
  { value: 'got_work', label: { da: 'Jeg fik arbejde', en: 'I got a job' } },
  { value: 'other', label: { da: 'Andet', en: 'Other' } },
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
    text: {
      da: 'Hvad er den højeste uddannelse, du har gennemført?',
      en: 'What is the highest level of education you have completed?',
    },
    answer: { type: 'single_choice', options: educationLevelOptions },
  },
  {
    code: 'wants_education',
    number: 2,
    text: {
      da: 'Har du lyst til at starte på en uddannelse af mindst 1 års varighed?',
      en: 'Would you like to start an education lasting at least one year?',
    },
    answer: { type: 'yes_no_unsure', options: yesNoUnsureOptions },
  },
  {
    code: 'liked_school',
    number: 3,
    text: { da: 'Har du tidligere været glad for at gå i skole?', en: 'Have you enjoyed going to school in the past?' },
    answer: { type: 'yes_partly_no', options: yesPartlyNoOptions },
  },
  {
    code: 'education_importance',
    number: 4,
    text: {
      da: 'Hvor vigtigt tror du, at en uddannelse er for dine fremtidige muligheder på arbejdsmarkedet?',
      en: 'How important do you think an education is for your future opportunities in the labour market?',
    },
    answer: {
      type: 'scale',
      min: 1,
      max: 5,
      minLabel: { da: 'Slet ikke vigtigt', en: 'Not important at all' },
      maxLabel: { da: 'Meget vigtigt', en: 'Very important' },
    },
  },
  {
    code: 'six_month_outlook',
    number: 5,
    text: { da: 'Hvor ser du dig selv om seks måneder?', en: 'Where do you see yourself in six months?' },
    answer: { type: 'single_choice', options: sixMonthOutlookOptions },
  },
  {
    code: 'education_choice_difficult',
    number: 6,
    text: {
      da: 'Synes du, at det er svært at vælge en uddannelse?',
      en: 'Do you find it difficult to choose an education?',
    },
    answer: { type: 'yes_partly_no', options: yesPartlyNoOptions },
  },
  {
    code: 'advice_sources',
    number: 7,
    text: {
      da: 'Hvem spørger du til råds om uddannelse og arbejde?',
      en: 'Who do you ask for advice about education and work?',
    },
    answer: { type: 'multiple_choice', options: adviceSourceOptions, exclusive: 'nobody' },
  },
  {
    code: 'completion_obstacles',
    number: 8,
    text: {
      da: 'Er der noget, der gør det svært for dig at gennemføre en uddannelse? (fx helbredsproblemer eller andet)',
      en: 'Is there anything that makes it difficult for you to complete an education? (e.g. health problems or something else)',
    },
    // The young person's own account; the caseworker records barriers separately after the
    // conversation. No option ticked means "no".
    answer: { type: 'multiple_choice', options: obstacleOptions },
  },
  {
    code: 'previous_dropout',
    number: 9,
    text: {
      da: 'Har du tidligere startet på en uddannelse, som du afbrød? Hvis ja, hvad var den vigtigste grund til, at du afbrød uddannelsen?',
      en: 'Have you previously started an education that you dropped out of? If so, what was the main reason you dropped out?',
    },
    answer: { type: 'yes_no_with_reason', reasons: dropoutReasonOptions },
  },
  {
    code: 'primary_school_grade_average',
    number: 10,
    text: {
      da: 'Hvad var dit karaktergennemsnit i folkeskolen?',
      en: 'What was your grade point average in primary school?',
    },
    answer: {
      type: 'grade_average',
      min: -3,
      max: 12,
      unknownLabel: { da: 'Ved ikke / ingen afgangsprøve', en: "Don't know / no final exam" },
    },
  },
];

function uniqueList<T extends string>(values: [T, ...T[]]) {
  return z
    .array(z.enum(values))
    .refine((list) => new Set(list).size === list.length, { message: 'each option may be chosen only once' });
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
        message: '"nobody" cannot be combined with other answers',
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
