import { describe, expect, it } from 'vitest';
import { decideEligibility, eligibilityOverridesSchema } from '../../src/rules/eligibility.ts';
import type { EligibilityFacts } from '../../src/rules/eligibility.ts';
import { runRuleSet } from '../../src/rules/explain.ts';
import { loadRuleSets, selectRuleSet } from '../../src/rules/rule-set.loader.ts';
import type { Barrier } from '../../src/visitation/questionnaire.ts';

const ruleSet = selectRuleSet(await loadRuleSets(), 'eligibility', '2026-03-01');

/** An eligible activity-ready 22-year-old on benefit; each test changes what it checks. */
function youth(overrides: Partial<EligibilityFacts> = {}): EligibilityFacts {
  return {
    age: 22,
    category: 'activity_ready',
    barriers: [],
    returning: false,
    inEducationOrJob: false,
    onBenefit: true,
    ...overrides,
  };
}

describe('decideEligibility: categories, barriers and returning', () => {
  it.each<[string, Partial<EligibilityFacts>, boolean, string]>([
    ['activity-ready without barriers', { category: 'activity_ready' }, true, 'eligible_activity_ready'],
    [
      'activity-ready with barriers',
      { category: 'activity_ready', barriers: ['health'] },
      true,
      'eligible_activity_ready',
    ],
    [
      'education-ready with one barrier',
      { category: 'education_ready', barriers: ['debt'] },
      true,
      'eligible_education_ready_with_barriers',
    ],
    ['education-ready without barriers', { category: 'education_ready' }, false, 'education_ready_without_barriers'],
    [
      'education-ready without barriers, returning',
      { category: 'education_ready', returning: true },
      true,
      'eligible_returning',
    ],
    ['obviously education-ready', { category: 'obviously_education_ready' }, false, 'obviously_education_ready'],
    [
      'obviously education-ready with a barrier',
      { category: 'obviously_education_ready', barriers: ['debt'] },
      false,
      'obviously_education_ready',
    ],
    [
      'obviously education-ready and returning (never eligible)',
      { category: 'obviously_education_ready', returning: true },
      false,
      'obviously_education_ready',
    ],
    [
      'activity-ready and returning: the activity-ready branch names it',
      { returning: true },
      true,
      'eligible_activity_ready',
    ],
    [
      'education-ready with barriers and returning: the barrier branch names it',
      { category: 'education_ready', barriers: ['social'], returning: true },
      true,
      'eligible_education_ready_with_barriers',
    ],
  ])('%s -> eligible %s (%s)', async (_name, facts, eligible, code) => {
    const decision = await decideEligibility(ruleSet, youth(facts));
    expect({ eligible: decision.eligible, code: decision.code }).toEqual({ eligible, code });
  });

  it.each<Barrier[]>([
    ['academic'],
    ['social'],
    ['health'],
    ['mental_health'],
    ['substance_use'],
    ['housing'],
    ['debt'],
    ['criminal_record'],
    ['no_network'],
    ['other'],
    ['debt', 'substance_use'],
    ['academic', 'social', 'housing', 'no_network'],
  ])('education-ready with barriers %j is eligible', async (...barriers) => {
    const decision = await decideEligibility(ruleSet, youth({ category: 'education_ready', barriers }));
    expect(decision.eligible).toBe(true);
    expect(decision.code).toBe('eligible_education_ready_with_barriers');
    expect(decision.facts.barrierCount).toBe(barriers.length);
  });
});

describe('decideEligibility: age on the decision date', () => {
  it.each<[number, boolean, string]>([
    [17, false, 'age_below_minimum'],
    [18, true, 'eligible_activity_ready'],
    [29, true, 'eligible_activity_ready'],
    [30, false, 'age_above_maximum'],
  ])('with the default limits 18-29, age %i -> eligible %s', async (age, eligible, code) => {
    const decision = await decideEligibility(ruleSet, youth({ age }));
    expect({ eligible: decision.eligible, code: decision.code }).toEqual({ eligible, code });
  });

  it.each<[number, boolean, string]>([
    [14, false, 'age_below_minimum'],
    [15, true, 'eligible_activity_ready'],
    [17, true, 'eligible_activity_ready'],
    [29, true, 'eligible_activity_ready'],
    [30, false, 'age_above_maximum'],
  ])('with the municipality minimum lowered to 15, age %i -> eligible %s', async (age, eligible, code) => {
    const decision = await decideEligibility(ruleSet, youth({ age }), { minAge: 15 });
    expect({ eligible: decision.eligible, code: decision.code }).toEqual({ eligible, code });
  });

  it.each<[number, boolean, string]>([
    [30, true, 'eligible_activity_ready'],
    [32, true, 'eligible_activity_ready'],
    [33, false, 'age_above_maximum'],
  ])('with the maximum raised to 32, age %i -> eligible %s', async (age, eligible, code) => {
    const decision = await decideEligibility(ruleSet, youth({ age }), { maxAge: 32 });
    expect({ eligible: decision.eligible, code: decision.code }).toEqual({ eligible, code });
  });

  it('an override changes the sentence the caseworker reads', async () => {
    const decision = await decideEligibility(ruleSet, youth({ age: 26 }), { minAge: 15, maxAge: 25 });
    expect(decision.explanation).toEqual({
      da: 'Ikke i målgruppen: alderen 26 er over 25.',
      en: 'Not in the target group: age 26 is above 25.',
    });
  });
});

describe('decideEligibility: education, work and benefit', () => {
  it('a youth already in education or work is not in the target group', async () => {
    const decision = await decideEligibility(ruleSet, youth({ inEducationOrJob: true }));
    expect({ eligible: decision.eligible, code: decision.code }).toEqual({
      eligible: false,
      code: 'in_education_or_job',
    });
  });

  it('a youth not on public benefit is not in the target group', async () => {
    const decision = await decideEligibility(ruleSet, youth({ onBenefit: false }));
    expect({ eligible: decision.eligible, code: decision.code }).toEqual({ eligible: false, code: 'not_on_benefit' });
  });

  it.each<[string, Partial<EligibilityFacts>, string]>([
    ['too old and in education', { age: 31, inEducationOrJob: true }, 'age_above_maximum'],
    ['too young and not on benefit', { age: 16, onBenefit: false }, 'age_below_minimum'],
    ['in education and not on benefit', { inEducationOrJob: true, onBenefit: false }, 'in_education_or_job'],
    [
      'not on benefit and obviously education-ready',
      { onBenefit: false, category: 'obviously_education_ready' },
      'not_on_benefit',
    ],
    [
      'obviously education-ready is reported before education-ready without barriers',
      { category: 'obviously_education_ready' },
      'obviously_education_ready',
    ],
  ])('the first failing reason decides: %s -> %s', async (_name, facts, code) => {
    const decision = await decideEligibility(ruleSet, youth(facts));
    expect(decision.eligible).toBe(false);
    expect(decision.code).toBe(code);
  });
});

describe('decideEligibility: explanations and recommendations', () => {
  it.each<[string, Partial<EligibilityFacts>, string, string]>([
    [
      'age_below_minimum',
      { age: 17 },
      'Ikke i målgruppen: alderen 17 er under 18.',
      'Not in the target group: age 17 is below 18.',
    ],
    [
      'age_above_maximum',
      { age: 31 },
      'Ikke i målgruppen: alderen 31 er over 29.',
      'Not in the target group: age 31 is above 29.',
    ],
    [
      'in_education_or_job',
      { inEducationOrJob: true },
      'Ikke i målgruppen: den unge er allerede i uddannelse eller job.',
      'Not in the target group: the young person is already in education or work.',
    ],
    [
      'not_on_benefit',
      { onBenefit: false },
      'Ikke i målgruppen: den unge modtager ikke offentlig forsørgelse.',
      'Not in the target group: the young person does not receive public benefit.',
    ],
    [
      'obviously_education_ready',
      { category: 'obviously_education_ready' },
      'Ikke i målgruppen: den unge er åbenlyst uddannelsesparat og skal videre i ordinær uddannelse.',
      'Not in the target group: the young person is obviously education-ready and should go on to ordinary education.',
    ],
    [
      'education_ready_without_barriers',
      { category: 'education_ready' },
      'Ikke i målgruppen: den unge er uddannelsesparat uden registrerede barrierer og er ikke tilbagevendende.',
      'Not in the target group: the young person is education-ready with no recorded barriers and is not returning.',
    ],
    ['eligible_activity_ready', {}, 'I målgruppen: aktivitetsparat.', 'In the target group: activity-ready.'],
    [
      'eligible_education_ready_with_barriers',
      { category: 'education_ready', barriers: ['debt', 'criminal_record', 'no_network'] },
      'I målgruppen: uddannelsesparat med barrierer (gæld, plettet straffeattest og manglende netværk).',
      'In the target group: education-ready with barriers (debt, criminal record and no support network).',
    ],
    [
      'eligible_returning',
      { category: 'education_ready', returning: true },
      'I målgruppen: tilbagevendende, der er kommet tilbage på offentlig forsørgelse.',
      'In the target group: returning to public benefit after an earlier period.',
    ],
  ])('%s is explained in Danish and English', async (code, facts, da, en) => {
    const decision = await decideEligibility(ruleSet, youth(facts));
    expect(decision.code).toBe(code);
    expect(decision.explanation).toEqual({ da, en });
  });

  it('obviously education-ready youth are recommended ordinary education and immediate activation', async () => {
    const decision = await decideEligibility(ruleSet, youth({ category: 'obviously_education_ready' }));
    expect(decision.recommendation?.code).toBe('ordinary_education_and_immediate_activation');
    expect(decision.recommendation?.da).toContain('straks aktivering');
    expect(decision.recommendation?.en).toContain('ordinary education');
    expect(decision.source).toContain('STAR: Den gode ungeindsats i jobcentrene (2017), s. 6, 12-14');
  });

  it('education-ready youth without barriers are recommended bridge-building', async () => {
    const decision = await decideEligibility(ruleSet, youth({ category: 'education_ready' }));
    expect(decision.recommendation?.code).toBe('bridge_building');
    expect(decision.recommendation?.da).toContain('brobygningsforløb');
    expect(decision.recommendation?.en).toContain('bridge-building');
  });

  it.each<Partial<EligibilityFacts>>([{}, { age: 31 }, { category: 'education_ready', barriers: ['debt'] }])(
    'no recommendation where none applies (%j)',
    async (facts) => {
      const decision = await decideEligibility(ruleSet, youth(facts));
      expect(decision.recommendation).toBeUndefined();
    },
  );
});

describe('decideEligibility: what the decision records', () => {
  it('lists each condition with the fact value it saw and whether it held', async () => {
    const decision = await decideEligibility(ruleSet, youth({ age: 31 }));
    expect(decision.conditions).toContainEqual({
      rule: 'age_above_maximum',
      fact: 'age',
      operator: 'greaterThan',
      value: 29,
      valueFact: 'maxAge',
      factValue: 31,
      result: true,
    });
    expect(decision.conditions).toContainEqual({
      rule: 'age_below_minimum',
      fact: 'age',
      operator: 'lessThan',
      value: 18,
      valueFact: 'minAge',
      factValue: 31,
      result: false,
    });
    expect(decision.conditions).toContainEqual({
      rule: 'eligible_activity_ready',
      fact: 'age',
      operator: 'lessThanInclusive',
      value: 29,
      valueFact: 'maxAge',
      factValue: 31,
      result: false,
    });
  });

  it('lists conditions of every rule, highest priority first', async () => {
    const decision = await decideEligibility(ruleSet, youth());
    const rules = [...new Set(decision.conditions.map((c) => c.rule))];
    expect(rules).toEqual(ruleSet.rules.map((rule) => rule.event.type));
  });

  it('records the overridden limit as the compared value', async () => {
    const decision = await decideEligibility(ruleSet, youth({ age: 17 }), { minAge: 15 });
    expect(decision.conditions).toContainEqual(
      expect.objectContaining({ rule: 'age_below_minimum', value: 15, factValue: 17, result: false }),
    );
  });

  it('records the facts with derived facts and the effective parameters, and the rule set version', async () => {
    const decision = await decideEligibility(ruleSet, youth({ barriers: ['debt', 'housing'] }), { minAge: 15 });
    expect(decision.facts).toEqual({
      age: 22,
      category: 'activity_ready',
      barriers: ['debt', 'housing'],
      barrierCount: 2,
      considerableBarriers: [],
      considerableBarrierCount: 0,
      returning: false,
      inEducationOrJob: false,
      onBenefit: true,
      minAge: 15,
      maxAge: 29,
      minBarrierCount: 1,
      benefitRequiredFromAge: 18,
    });
    expect(decision.ruleSetVersion).toBe(ruleSet.version);
    expect(decision.ruleSetVersion).toMatch(/^[0-9a-f]{12}$/);
  });
});

describe('decideEligibility: invalid input', () => {
  it.each<[string, unknown]>([
    ['minimum below 15', { minAge: 14 }],
    ['minimum above 29', { minAge: 30 }],
    ['maximum below 18', { maxAge: 17 }],
    ['maximum above 35', { maxAge: 36 }],
    ['minimum above maximum', { minAge: 25, maxAge: 20 }],
    ['a parameter that cannot be overridden', { minBarrierCount: 0 }],
    ['a non-integer age', { minAge: 16.5 }],
  ])('rejects overrides with %s', async (_name, overrides) => {
    expect(eligibilityOverridesSchema.safeParse(overrides).success).toBe(false);
    await expect(decideEligibility(ruleSet, youth(), overrides as never)).rejects.toThrow();
  });

  it.each([{ minAge: 15 }, { maxAge: 35 }, { minAge: 15, maxAge: 18 }, {}])('accepts overrides %j', (overrides) => {
    expect(eligibilityOverridesSchema.safeParse(overrides).success).toBe(true);
  });

  it('rejects facts with a missing field instead of deciding without it', async () => {
    const { onBenefit: _left, ...withoutBenefit } = youth();
    await expect(decideEligibility(ruleSet, withoutBenefit as EligibilityFacts)).rejects.toThrow(/onBenefit/);
  });

  it('the engine treats a fact it was not given as an error, not as false', async () => {
    await expect(runRuleSet(ruleSet, { age: 22, minAge: 18, maxAge: 29, minBarrierCount: 1 })).rejects.toThrow(
      /Undefined fact/,
    );
  });

  it('rejects an unknown barrier code', async () => {
    await expect(decideEligibility(ruleSet, youth({ barriers: ['boredom' as Barrier] }))).rejects.toThrow();
  });
});
