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

const STAR = 'STAR: Den gode ungeindsats i jobcentrene (2017)';

describe('suggestCategory: the suggestion table', () => {
  // [case, facts, suggested category, the reasons behind it (in file order), where the seed says so]
  it.each<[string, VisitationChange, Category, string[], string]>([
    ['profile A without barriers', {}, 'obviously_education_ready', ['profile_a_without_barriers'], `${STAR}, s. 13`],
    ['profile A with debt (some)', { barriers: ['debt'] }, 'education_ready', ['barriers_recorded'], `${STAR}, s. 16`],
    [
      'profile A with a mental-health barrier weighed as some',
      { barriers: ['mental_health'] },
      'education_ready',
      ['barriers_recorded'],
      `${STAR}, s. 16: "visse sociale og/eller helbredsmæssige udfordringer"`,
    ],
    [
      'profile A with a considerable mental-health barrier',
      { barriers: ['mental_health'], considerableBarriers: ['mental_health'] },
      'activity_ready',
      ['considerable_barriers'],
      `${STAR}, s. 21: "massive sociale og/eller helbredsmæssige udfordringer"`,
    ],
    [
      'a considerable housing problem alone is not one of the heavy kinds',
      { profile: 'B', barriers: ['housing'], considerableBarriers: ['housing'] },
      'education_ready',
      ['profile_b', 'barriers_recorded'],
      `${STAR}, s. 16 and 21`,
    ],
    [
      'two considerable barriers together',
      { profile: 'B', barriers: ['housing', 'debt'], considerableBarriers: ['housing', 'debt'] },
      'activity_ready',
      ['combined_barriers'],
      `${STAR}, s. 21: "en kombination af kendetegn"`,
    ],
    [
      'three barriers together, each weighed as some',
      { profile: 'B', barriers: ['debt', 'no_network', 'academic'] },
      'activity_ready',
      ['combined_barriers'],
      `${STAR}, s. 21: "en kombination af kendetegn"`,
    ],
    ['profile B without barriers', { profile: 'B' }, 'education_ready', ['profile_b'], `${STAR}, s. 8 and 16`],
    [
      'profile C alone does not decide',
      { profile: 'C' },
      'education_ready',
      ['profile_c'],
      `${STAR}, s. 21: the profile "kan støtte" the caseworker`,
    ],
    [
      'profile C with one barrier',
      { profile: 'C', barriers: ['debt'] },
      'education_ready',
      ['profile_c', 'barriers_recorded'],
      `${STAR}, s. 21`,
    ],
    [
      'profile C with two barriers: the profile supports the combination',
      { profile: 'C', barriers: ['debt', 'no_network'] },
      'activity_ready',
      ['profile_c_with_barriers'],
      `${STAR}, s. 21`,
    ],
    [
      'profile A, dropped out of youth education',
      { answers: { previous_dropout: { droppedOut: true, mainReason: 'wrong_choice' } } },
      'education_ready',
      ['dropped_out_of_youth_education'],
      `${STAR}, s. 10`,
    ],
    [
      'dropped out of higher education after upper secondary school (not a youth education dropout)',
      {
        answers: {
          highest_education: 'upper_secondary',
          previous_dropout: { droppedOut: true, mainReason: 'wrong_choice' },
        },
      },
      'obviously_education_ready',
      ['profile_a_without_barriers'],
      `${STAR}, s. 10 and 13`,
    ],
    [
      'dropped out, profile C and two barriers: the presumption holds',
      {
        profile: 'C',
        barriers: ['debt', 'no_network'],
        answers: { previous_dropout: { droppedOut: true, mainReason: 'social' } },
      },
      'education_ready',
      ['dropped_out_of_youth_education', 'profile_c', 'barriers_recorded'],
      `${STAR}, s. 10: "skal visiteres uddannelsesparate, medmindre kommunen klart vurderer"`,
    ],
    [
      'dropped out with considerable substance use: the presumption holds without the assessment',
      {
        profile: 'B',
        barriers: ['substance_use'],
        considerableBarriers: ['substance_use'],
        answers: { previous_dropout: { droppedOut: true, mainReason: 'social' } },
      },
      'education_ready',
      ['dropped_out_of_youth_education', 'profile_b', 'barriers_recorded'],
      `${STAR}, s. 10`,
    ],
    [
      'dropped out, and the caseworker assesses more than a year of support',
      {
        profile: 'B',
        barriers: ['substance_use'],
        considerableBarriers: ['substance_use'],
        supportOverAYearReason: 'Behandling for misbrug er lige begyndt.',
        answers: { previous_dropout: { droppedOut: true, mainReason: 'social' } },
      },
      'activity_ready',
      ['considerable_barriers', 'needs_support_over_a_year'],
      `${STAR}, s. 10: "medmindre kommunen klart vurderer ... længere tid end ca. et år"`,
    ],
    [
      'profile A, waiting for an apprenticeship',
      { waitingForApprenticeship: true },
      'education_ready',
      ['waiting_for_apprenticeship'],
      `${STAR}, s. 10`,
    ],
    [
      'waiting for an apprenticeship with profile C and three barriers: the presumption holds',
      { profile: 'C', barriers: ['debt', 'no_network', 'academic'], waitingForApprenticeship: true },
      'education_ready',
      ['waiting_for_apprenticeship', 'profile_c', 'barriers_recorded'],
      `${STAR}, s. 10`,
    ],
    [
      'dropped out because no apprenticeship was found',
      {
        answers: {
          highest_education: 'upper_secondary',
          previous_dropout: { droppedOut: true, mainReason: 'no_apprenticeship' },
        },
      },
      'education_ready',
      ['waiting_for_apprenticeship'],
      `${STAR}, s. 10`,
    ],
    [
      'a completed vocational education',
      { answers: { highest_education: 'vocational' } },
      'job_ready',
      ['completed_qualifying_education'],
      'Bekendtgørelse om en aktiv beskæftigelsesindsats § 1',
    ],
    [
      'a completed higher education, unsure about more education',
      { profile: 'B', answers: { highest_education: 'higher', wants_education: 'unsure' } },
      'job_ready',
      ['completed_qualifying_education'],
      'Bekendtgørelse om en aktiv beskæftigelsesindsats § 1',
    ],
    [
      'a completed vocational education with considerable health barriers',
      { answers: { highest_education: 'vocational' }, barriers: ['health'], considerableBarriers: ['health'] },
      'activity_ready',
      ['considerable_barriers'],
      `Bekendtgørelse om en aktiv beskæftigelsesindsats § 1 (jobparat eller aktivitetsparat); ${STAR}, s. 21`,
    ],
    [
      'profile A without barriers, but returning to benefit',
      { returning: true },
      'education_ready',
      ['returning_to_benefit'],
      `${STAR}, s. 13: "historik i ... forsørgelsessystemet ikke peger på betydelige risici"`,
    ],
    [
      'profile A, compulsory school not completed',
      { answers: { highest_education: 'none' } },
      'education_ready',
      ['compulsory_school_not_completed'],
      `${STAR}, s. 13`,
    ],
    [
      'profile A, grade average below the vocational entry grade',
      { answers: { primary_school_grade_average: 1.5 } },
      'education_ready',
      ['below_vocational_entry_grade'],
      `${STAR}, s. 16`,
    ],
    [
      'profile A, grade average unknown',
      { answers: { primary_school_grade_average: 'unknown' } },
      'obviously_education_ready',
      ['profile_a_without_barriers'],
      `${STAR}, s. 13`,
    ],
    [
      'profile A, unsure about wanting an education',
      { answers: { wants_education: 'unsure' } },
      'education_ready',
      ['undecided_about_education'],
      `${STAR}, s. 16`,
    ],
    [
      'profile A, finds choosing an education difficult',
      { answers: { education_choice_difficult: 'yes' } },
      'education_ready',
      ['undecided_about_education'],
      `${STAR}, s. 16`,
    ],
    [
      'profile A, finds choosing partly difficult',
      { answers: { education_choice_difficult: 'partly' } },
      'obviously_education_ready',
      ['profile_a_without_barriers'],
      `${STAR}, s. 13`,
    ],
    [
      'profile A, reports a health obstacle in the questionnaire',
      { answers: { completion_obstacles: ['health'] } },
      'education_ready',
      ['self_reported_obstacles'],
      `${STAR}, s. 9 and 13`,
    ],
    [
      'profile A, nobody to ask for advice',
      { answers: { advice_sources: ['nobody'] } },
      'education_ready',
      ['no_one_to_ask_for_advice'],
      `${STAR}, s. 13`,
    ],
  ])('%s -> %s', async (_name, facts, category, behind) => {
    const suggestion = await suggestCategory(ruleSet, visitation(facts));
    expect(suggestion.category).toBe(category);
    // The reasons behind the suggestion come first; a presumption that held it down leads.
    expect(suggestion.reasons.slice(0, behind.length).map((reason) => reason.code)).toEqual(behind);
    expect(suggestion.reasons.filter((reason) => reason.category === category)).toHaveLength(behind.length);
  });

  it.each<Barrier>(['social', 'health', 'mental_health', 'substance_use'])(
    'profile B with the barrier %s weighed as considerable -> activity_ready (p. 21)',
    async (barrier) => {
      const suggestion = await suggestCategory(
        ruleSet,
        visitation({ profile: 'B', barriers: [barrier], considerableBarriers: [barrier] }),
      );
      expect(suggestion.category).toBe('activity_ready');
      expect(suggestion.reasons[0]?.code).toBe('considerable_barriers');
    },
  );

  it.each<Barrier>(['social', 'health', 'mental_health', 'substance_use', 'housing'])(
    'profile B with the barrier %s weighed as some -> education_ready (p. 16)',
    async (barrier) => {
      const suggestion = await suggestCategory(ruleSet, visitation({ profile: 'B', barriers: [barrier] }));
      expect(suggestion.category).toBe('education_ready');
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
  it('gives each reason as a sentence in Danish and English, with its category, source and citations', async () => {
    const suggestion = await suggestCategory(
      ruleSet,
      visitation({ profile: 'B', barriers: ['debt', 'criminal_record'] }),
    );
    expect(suggestion.reasons).toContainEqual({
      code: 'barriers_recorded',
      category: 'education_ready',
      da: 'Der er registreret barrierer (gæld og plettet straffeattest). Enkelte eller moderate barrierer passer til en uddannelsesparat ung.',
      en: 'Barriers are recorded (debt and criminal record). Single or moderate barriers fit an education-ready young person.',
      source:
        'STAR: Den gode ungeindsats i jobcentrene (2017), s. 13 (åbenlyst uddannelsesparate har ikke massive udfordringer) og s. 16 (uddannelsesparate kan have visse sociale og/eller helbredsmæssige udfordringer)',
      citations: ['STAR: Den gode ungeindsats i jobcentrene (2017), s. 13 og 16'],
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
      rule: 'considerable_barriers',
      fact: 'considerableBarriers',
      operator: 'someFact:in',
      value: ['social', 'health', 'mental_health', 'substance_use'],
      valueFact: 'heavyBarriers',
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
    expect(suggestion.facts.heavyBarriers).toEqual(ruleSet.parameters.heavyBarriers);
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
