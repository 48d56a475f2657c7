import { describe, expect, it } from 'vitest';
import { loadRuleSets, selectRuleSet } from '../../src/rules/rule-set.loader.ts';
import { suggestCategory } from '../../src/rules/visitation.ts';
import { questionnaireAnswers as answers } from '../support/journeys.ts';
import type { VisitationFacts } from '../../src/rules/visitation.ts';
import { questionCodes, questionnaire, questionnaireAnswers } from '../../src/visitation/questionnaire.ts';
import type { Barrier, Category, QuestionnaireAnswers } from '../../src/visitation/questionnaire.ts';

const ruleSet = selectRuleSet(await loadRuleSets(), 'visitation', '2026-03-01');

/** A visitation with some facts changed; `answers` changes single answers of the default ones. */
type VisitationChange = Partial<Omit<VisitationFacts, 'answers'>> & { answers?: Partial<QuestionnaireAnswers> };

function visitation(overrides: VisitationChange = {}): VisitationFacts {
  return { profile: 'A', barriers: [], ...overrides, answers: answers(overrides.answers) };
}

describe('suggestCategory: the suggestion table', () => {
  it.each<[string, VisitationChange, Category, string[]]>([
    ['profile A without barriers', {}, 'obviously_education_ready', ['profile_a_without_barriers']],
    ['profile A with debt', { barriers: ['debt'] }, 'education_ready', ['barriers_recorded']],
    [
      'profile A with a mental health barrier',
      { barriers: ['mental_health'] },
      'activity_ready',
      ['severe_barriers', 'barriers_recorded'],
    ],
    ['profile B without barriers', { profile: 'B' }, 'education_ready', ['profile_b']],
    ['profile C without barriers', { profile: 'C' }, 'activity_ready', ['profile_c']],
    ['profile C with debt', { profile: 'C', barriers: ['debt'] }, 'activity_ready', ['profile_c', 'barriers_recorded']],
    [
      'profile A, dropped out of youth education',
      { answers: { previous_dropout: { droppedOut: true, mainReason: 'wrong_choice' } } },
      'education_ready',
      ['dropped_out_of_youth_education', 'profile_a_without_barriers'],
    ],
    [
      'profile A, dropped out of higher education after upper secondary school (not a youth education dropout)',
      {
        answers: {
          highest_education: 'upper_secondary',
          previous_dropout: { droppedOut: true, mainReason: 'wrong_choice' },
        },
      },
      'obviously_education_ready',
      ['profile_a_without_barriers'],
    ],
    [
      'dropped out, but with substance use: clearly more than a year of support',
      {
        profile: 'B',
        barriers: ['substance_use'],
        answers: { previous_dropout: { droppedOut: true, mainReason: 'social' } },
      },
      'activity_ready',
      ['severe_barriers', 'profile_b', 'barriers_recorded', 'dropped_out_of_youth_education'],
    ],
    [
      'profile A, waiting for an apprenticeship',
      { waitingForApprenticeship: true },
      'education_ready',
      ['waiting_for_apprenticeship', 'profile_a_without_barriers'],
    ],
    [
      'profile A, dropped out because no apprenticeship was found',
      {
        answers: {
          highest_education: 'upper_secondary',
          previous_dropout: { droppedOut: true, mainReason: 'no_apprenticeship' },
        },
      },
      'education_ready',
      ['waiting_for_apprenticeship', 'profile_a_without_barriers'],
    ],
    [
      'profile A, compulsory school not completed',
      { answers: { highest_education: 'none' } },
      'education_ready',
      ['compulsory_school_not_completed', 'profile_a_without_barriers'],
    ],
    [
      'profile A, grade average below the vocational entry grade',
      { answers: { primary_school_grade_average: 1.5 } },
      'education_ready',
      ['below_vocational_entry_grade', 'profile_a_without_barriers'],
    ],
    [
      'profile A, grade average unknown',
      { answers: { primary_school_grade_average: 'unknown' } },
      'obviously_education_ready',
      ['profile_a_without_barriers'],
    ],
    [
      'profile A, unsure about wanting an education',
      { answers: { wants_education: 'unsure' } },
      'education_ready',
      ['undecided_about_education', 'profile_a_without_barriers'],
    ],
    [
      'profile A, finds choosing an education difficult',
      { answers: { education_choice_difficult: 'yes' } },
      'education_ready',
      ['undecided_about_education', 'profile_a_without_barriers'],
    ],
    [
      'profile A, finds choosing partly difficult',
      { answers: { education_choice_difficult: 'partly' } },
      'obviously_education_ready',
      ['profile_a_without_barriers'],
    ],
    [
      'profile A, reports a health obstacle in the questionnaire',
      { answers: { completion_obstacles: ['health'] } },
      'education_ready',
      ['self_reported_obstacles', 'profile_a_without_barriers'],
    ],
    [
      'profile A, nobody to ask for advice',
      { answers: { advice_sources: ['nobody'] } },
      'education_ready',
      ['no_one_to_ask_for_advice', 'profile_a_without_barriers'],
    ],
  ])('%s -> %s', async (_name, facts, category, reasonCodes) => {
    const suggestion = await suggestCategory(ruleSet, visitation(facts));
    expect(suggestion.category).toBe(category);
    expect(suggestion.reasons.map((reason) => reason.code)).toEqual(reasonCodes);
  });

  it.each<Barrier>(['social', 'health', 'mental_health', 'substance_use', 'housing'])(
    'profile B with the severe barrier %s -> activity_ready',
    async (barrier) => {
      const suggestion = await suggestCategory(ruleSet, visitation({ profile: 'B', barriers: [barrier] }));
      expect(suggestion.category).toBe('activity_ready');
      expect(suggestion.reasons[0]?.code).toBe('severe_barriers');
    },
  );

  it.each<Barrier>(['academic', 'debt', 'criminal_record', 'no_network', 'other'])(
    'profile B with the barrier %s alone -> education_ready',
    async (barrier) => {
      const suggestion = await suggestCategory(ruleSet, visitation({ profile: 'B', barriers: [barrier] }));
      expect(suggestion.category).toBe('education_ready');
    },
  );
});

describe('suggestCategory: reasons and records', () => {
  it('gives each reason as a sentence in Danish and English, with its category and source', async () => {
    const suggestion = await suggestCategory(
      ruleSet,
      visitation({ profile: 'B', barriers: ['debt', 'criminal_record'] }),
    );
    expect(suggestion.reasons).toContainEqual({
      code: 'barriers_recorded',
      category: 'education_ready',
      da: 'Der er registreret barrierer for at gennemføre en uddannelse: gæld og plettet straffeattest.',
      en: 'Barriers to completing an education are recorded: debt and criminal record.',
      source:
        'STAR: Den gode ungeindsats i jobcentrene (2017), s. 13 (åbenlyst uddannelsesparate har ingen barrierer) and s. 16 (uddannelsesparate)',
    });
    expect(suggestion.reasons).toContainEqual(
      expect.objectContaining({
        code: 'profile_b',
        da: 'Profil B (mellemgruppen).',
        en: 'Profile B (the middle group).',
      }),
    );
  });

  it('fills parameters into reasons in each language', async () => {
    const suggestion = await suggestCategory(ruleSet, visitation({ answers: { primary_school_grade_average: -3 } }));
    const reason = suggestion.reasons.find((r) => r.code === 'below_vocational_entry_grade');
    expect(reason?.da).toBe(
      'Karaktergennemsnittet fra folkeskolen er under 2, så den unge opfylder måske ikke adgangskravene til erhvervsuddannelserne.',
    );
  });

  it('lists the questionnaire conditions with the answer it read', async () => {
    const suggestion = await suggestCategory(ruleSet, visitation({ answers: { highest_education: 'none' } }));
    expect(suggestion.conditions).toContainEqual({
      rule: 'compulsory_school_not_completed',
      fact: 'answers',
      path: '$.highest_education',
      operator: 'equal',
      value: 'none',
      factValue: 'none',
      result: true,
    });
    expect(suggestion.conditions).toContainEqual({
      rule: 'severe_barriers',
      fact: 'barriers',
      operator: 'someFact:in',
      value: ['social', 'health', 'mental_health', 'substance_use', 'housing'],
      valueFact: 'severeBarriers',
      factValue: [],
      result: false,
    });
  });

  it('records the facts it saw and the rule set version', async () => {
    const suggestion = await suggestCategory(ruleSet, visitation({ barriers: ['debt'] }));
    expect(suggestion.facts).toMatchObject({
      profile: 'A',
      barriers: ['debt'],
      barrierCount: 1,
      waitingForApprenticeship: false,
    });
    expect(suggestion.facts.severeBarriers).toEqual(ruleSet.parameters.severeBarriers);
    expect(suggestion.ruleSetVersion).toBe(ruleSet.version);
  });
});

describe('the preparation questionnaire (STAR: Den gode ungeindsats i jobcentrene (2017), s. 9)', () => {
  it('has the ten questions in order, each in Danish and English', () => {
    expect(questionnaire.map((q) => q.code)).toEqual([...questionCodes]);
    expect(questionnaire.map((q) => q.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const question of questionnaire) {
      expect(question.text.da).toMatch(/\?/);
      expect(question.text.en).toMatch(/\?/);
    }
  });

  it.each<[string, Partial<Record<string, unknown>>]>([
    ['a missing answer', { wants_education: undefined }],
    ['an unknown option', { liked_school: 'sometimes' }],
    ['a scale answer out of range', { education_importance: 6 }],
    ['a grade above 12', { primary_school_grade_average: 13 }],
    ['"nobody" with other advisers', { advice_sources: ['nobody', 'parents'] }],
    ['no adviser at all', { advice_sources: [] }],
    ['the same obstacle twice', { completion_obstacles: ['debt', 'debt'] }],
    ['a dropout without a reason', { previous_dropout: { droppedOut: true } }],
    ['an unknown question', { favourite_colour: 'blue' }],
  ])('rejects %s', async (_name, change) => {
    const invalid = { ...answers(), ...change };
    expect(questionnaireAnswers.safeParse(invalid).success).toBe(false);
    await expect(suggestCategory(ruleSet, { profile: 'A', barriers: [], answers: invalid })).rejects.toThrow();
  });
});
