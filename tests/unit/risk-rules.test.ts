import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stages } from '../../machines/journey.ts';
import type { Stage } from '../../machines/journey.ts';
import { defaultRulesDir, loadRuleSets, parseRuleSet, selectRuleSet } from '../../src/rules/rule-set.loader.ts';
import { riskCodes } from '../../src/risk/risk.codes.ts';
import type { RiskCode } from '../../src/risk/risk.codes.ts';
import { compileRuleSet } from '../../src/risk/risk.compile.ts';
import { evaluateRisk, evaluateRiskFast, explainRisk } from '../../src/risk/risk.evaluate.ts';
import { riskFactCatalogue, riskFactsSchema, withDerivedFacts } from '../../src/risk/risk.facts.ts';
import type { RiskFacts, RiskPlacementState } from '../../src/risk/risk.facts.ts';
import { effectiveRiskParameters, riskOverridesSchema } from '../../src/risk/risk.overrides.ts';
import type { RiskOverrides, RiskParameters } from '../../src/risk/risk.overrides.ts';

const ruleSet = selectRuleSet(await loadRuleSets(), 'risk', '2026-11-22');
const compiled = compileRuleSet(ruleSet);
const defaults = effectiveRiskParameters(ruleSet);

/** An active youth in a group, seen recently and on schedule: no rule fires. Each test changes what it checks. */
function journey(changes: Partial<RiskFacts> = {}): RiskFacts {
  return {
    stage: 'active',
    placementState: 'exploring',
    daysSinceFirstContact: 30,
    firstConversationHeld: true,
    daysSinceVisitation: 20,
    hasGroup: true,
    hasPlacement: false,
    everPlaced: false,
    individualConversationsFirst6Months: 2,
    missedMeetingsInRow: 0,
    daysSinceLastActivity: 1,
    daysSincePlacementEnded: -1,
    daysInGroup: 10,
    weeksBelowAgreedHours: 0,
    daysPastExpectedReturn: -1,
    daysSinceProgression: 10,
    daysFollowUpOverdue: -1,
    ...changes,
  };
}

/** Outside the active stage there is no group activity, placement or progression to count. */
const notActive: Partial<RiskFacts> = {
  placementState: 'none',
  hasGroup: false,
  daysInGroup: -1,
  daysSinceLastActivity: -1,
  daysSinceProgression: -1,
};

/** The codes that fire, through json-rules-engine; the compiled path must agree on every case here too. */
async function firing(facts: RiskFacts, overrides: RiskOverrides = {}): Promise<RiskCode[]> {
  const codes = (await evaluateRisk(ruleSet, facts, overrides)).map((finding) => finding.code);
  expect(evaluateRiskFast(compiled, facts, overrides)).toEqual(codes);
  return codes;
}

describe('the risk rule file', () => {
  it('loads through loadRuleSets with the 12 codes of docs/domain.md, "The rules"', () => {
    expect(ruleSet.rules.map((rule) => rule.event.type).sort()).toEqual([...riskCodes].sort());
    expect(ruleSet.version).toMatch(/^[0-9a-f]{12}$/);
  });

  it('gives each rule the severity of docs/domain.md, and sends passive_long and every high one to the leader', () => {
    const expected: Record<RiskCode, [string, boolean]> = {
      first_conversation_overdue: ['high', true],
      conversations_behind: ['medium', false],
      no_offer_after_visitation: ['high', true],
      missed_meetings: ['medium', false],
      passive: ['medium', false],
      passive_long: ['high', true],
      between_placements: ['medium', false],
      no_placement_after_intake: ['medium', false],
      low_hours: ['low', false],
      pause_overdue: ['medium', false],
      progression_overdue: ['low', false],
      follow_up_due: ['medium', false],
    };
    const actual = Object.fromEntries(
      ruleSet.rules.map((rule) => [rule.event.type, [rule.event.params.severity, rule.event.params.leader ?? false]]),
    );
    expect(actual).toEqual(expected);
  });

  it('cites the law for the conversations, STAR: Den gode ungeindsats i jobcentrene (2017) for passivity and the entry requirement for hours', () => {
    const source = (code: RiskCode) => ruleSet.rules.find((rule) => rule.event.type === code)?.event.params.source;
    expect(source('first_conversation_overdue')).toContain('LAB § 31, stk. 5');
    expect(source('conversations_behind')).toContain('LAB § 31, stk. 3');
    expect(source('passive')).toContain('STAR: Den gode ungeindsats i jobcentrene (2017), s. 21');
    expect(source('passive_long')).toContain('STAR: Den gode ungeindsats i jobcentrene (2017), s. 21');
    expect(source('low_hours')).toContain('15 hours a week');
  });

  it('has every default threshold as a parameter', () => {
    expect(ruleSet.parameters).toEqual({
      firstConversationDays: 7,
      conversationsRequired: 4,
      conversationsPeriodDays: 182,
      offerDays: 28,
      missedMeetingsLimit: 2,
      passiveDays: 14,
      passiveLongDays: 28,
      betweenPlacementsDays: 14,
      noPlacementDays: 42,
      lowHoursWeeks: 4,
      pauseOverdueDays: 7,
      progressionDays: 90,
      followUpOverdueDays: 14,
    });
  });

  it('declares exactly the facts of the catalogue, and rules/README.md documents each', async () => {
    const supplied = Object.keys(riskFactsSchema.shape);
    expect(Object.keys(ruleSet.facts).sort()).toEqual([...supplied, 'conversationsDueSoFar'].sort());
    expect(Object.keys(riskFactCatalogue).sort()).toEqual(Object.keys(ruleSet.facts).sort());
    const readme = await readFile(join(defaultRulesDir, 'README.md'), 'utf8');
    for (const fact of Object.keys(riskFactCatalogue)) expect(readme).toContain(`\`${fact}\``);
  });

  it('refuses a risk rule without a severity, naming the field', async () => {
    const text = await readFile(join(defaultRulesDir, 'risk.json'), 'utf8');
    const file = JSON.parse(text) as { rules: Array<{ event: { params: Record<string, unknown> } }> };
    delete file.rules[3]!.event.params.severity;
    expect(() => parseRuleSet(JSON.stringify(file), 'risk-broken.json')).toThrow(
      /risk-broken\.json[\s\S]*rules\.3\.event\.params\.severity: a risk rule must have a severity/,
    );
  });

  it('refuses a leader flag that is not true or false', async () => {
    const text = await readFile(join(defaultRulesDir, 'risk.json'), 'utf8');
    const file = JSON.parse(text) as { rules: Array<{ event: { params: Record<string, unknown> } }> };
    file.rules[0]!.event.params.leader = 'yes';
    expect(() => parseRuleSet(JSON.stringify(file), 'risk-broken.json')).toThrow(/rules\.0\.event\.params\.leader/);
  });
});

describe('a quiet journey', () => {
  it('fires no rule', async () => {
    expect(await firing(journey())).toEqual([]);
  });
});

interface ThresholdCase {
  code: RiskCode;
  /** What puts the journey where the rule applies. */
  facts: Partial<RiskFacts>;
  /** The fact that counts towards the threshold. */
  fact: keyof RiskFacts;
  /** The first value at which the rule fires, from the effective parameters. */
  firesFrom: (p: RiskParameters) => number;
  overrides: RiskOverrides;
}

const thresholdCases: ThresholdCase[] = [
  {
    code: 'first_conversation_overdue',
    facts: { ...notActive, stage: 'referred', firstConversationHeld: false, daysSinceVisitation: -1 },
    fact: 'daysSinceFirstContact',
    // "more than 7 days": overdue from day 8.
    firesFrom: (p) => p.firstConversationDays + 1,
    overrides: { firstConversationDays: 3 },
  },
  {
    code: 'conversations_behind',
    facts: { individualConversationsFirst6Months: 0 },
    fact: 'daysSinceFirstContact',
    // The first of 4 conversations in 182 days is due by day 46 (4 × 46 / 182 = 1.01).
    firesFrom: (p) => Math.ceil(p.conversationsPeriodDays / p.conversationsRequired),
    overrides: { conversationsRequired: 6, conversationsPeriodDays: 180 },
  },
  {
    code: 'conversations_behind',
    facts: { individualConversationsFirst6Months: 1 },
    fact: 'daysSinceFirstContact',
    // The second is due by day 91, half way.
    firesFrom: (p) => Math.ceil((2 * p.conversationsPeriodDays) / p.conversationsRequired),
    overrides: { conversationsPeriodDays: 120 },
  },
  {
    code: 'conversations_behind',
    facts: { individualConversationsFirst6Months: 3, stage: 'paused', ...notActive },
    fact: 'daysSinceFirstContact',
    // The last is due at the end of the 6 months.
    firesFrom: (p) => p.conversationsPeriodDays,
    overrides: { conversationsRequired: 4, conversationsPeriodDays: 90 },
  },
  {
    code: 'no_offer_after_visitation',
    facts: { ...notActive, stage: 'intake' },
    fact: 'daysSinceVisitation',
    // "after 28 days": from day 29.
    firesFrom: (p) => p.offerDays + 1,
    overrides: { offerDays: 14 },
  },
  {
    code: 'missed_meetings',
    facts: {},
    fact: 'missedMeetingsInRow',
    firesFrom: (p) => p.missedMeetingsLimit,
    overrides: { missedMeetingsLimit: 3 },
  },
  {
    code: 'passive',
    facts: {},
    fact: 'daysSinceLastActivity',
    firesFrom: (p) => p.passiveDays,
    overrides: { passiveDays: 10 },
  },
  {
    code: 'passive_long',
    facts: {},
    fact: 'daysSinceLastActivity',
    firesFrom: (p) => p.passiveLongDays,
    overrides: { passiveLongDays: 35 },
  },
  {
    code: 'between_placements',
    facts: { placementState: 'between', everPlaced: true },
    fact: 'daysSincePlacementEnded',
    firesFrom: (p) => p.betweenPlacementsDays,
    overrides: { betweenPlacementsDays: 21 },
  },
  {
    code: 'no_placement_after_intake',
    facts: {},
    fact: 'daysInGroup',
    firesFrom: (p) => p.noPlacementDays,
    overrides: { noPlacementDays: 30 },
  },
  {
    code: 'low_hours',
    facts: { placementState: 'placed', hasPlacement: true, everPlaced: true },
    fact: 'weeksBelowAgreedHours',
    firesFrom: (p) => p.lowHoursWeeks,
    overrides: { lowHoursWeeks: 2 },
  },
  {
    code: 'pause_overdue',
    facts: { ...notActive, stage: 'paused' },
    fact: 'daysPastExpectedReturn',
    firesFrom: (p) => p.pauseOverdueDays,
    overrides: { pauseOverdueDays: 3 },
  },
  {
    code: 'progression_overdue',
    facts: {},
    fact: 'daysSinceProgression',
    firesFrom: (p) => p.progressionDays,
    overrides: { progressionDays: 60 },
  },
  {
    code: 'progression_overdue',
    facts: { ...notActive, stage: 'paused' },
    fact: 'daysSinceProgression',
    firesFrom: (p) => p.progressionDays,
    overrides: { progressionDays: 120 },
  },
  {
    code: 'follow_up_due',
    facts: { ...notActive, stage: 'followUp', daysSinceFirstContact: 400, individualConversationsFirst6Months: 4 },
    fact: 'daysFollowUpOverdue',
    // "more than 14 days overdue": from day 15.
    firesFrom: (p) => p.followUpOverdueDays + 1,
    overrides: { followUpOverdueDays: 7 },
  },
];

describe('each rule fires at its threshold and not one day before', () => {
  const cases = thresholdCases.flatMap((c) => [
    { ...c, label: 'default thresholds', overrides: {} },
    { ...c, label: `overridden ${JSON.stringify(c.overrides)}` },
  ]);

  it.each(cases)('$code on $fact, $label', async ({ code, facts, fact, firesFrom, overrides }) => {
    const parameters = effectiveRiskParameters(ruleSet, overrides);
    const threshold = firesFrom(parameters);
    const on = (value: number) => firing(journey({ ...facts, [fact]: value }), overrides);
    expect(await on(threshold - 1)).not.toContain(code);
    expect(await on(threshold)).toContain(code);
    if (code === 'passive') {
      // One passivity alert per youth: from passiveLongDays on, passive_long stands in for passive.
      expect(await on(parameters.passiveLongDays - 1)).toContain('passive');
      expect(await on(parameters.passiveLongDays)).toEqual(expect.arrayContaining(['passive_long']));
      expect(await on(parameters.passiveLongDays)).not.toContain('passive');
    } else {
      expect(await on(threshold + 30)).toContain(code);
    }
  });

  it('uses the defaults of docs/domain.md, "The rules"', () => {
    const firstDays = Object.fromEntries(thresholdCases.map((c) => [`${c.code}:${c.fact}`, c.firesFrom(defaults)]));
    expect(firstDays).toMatchObject({
      'first_conversation_overdue:daysSinceFirstContact': 8,
      'no_offer_after_visitation:daysSinceVisitation': 29,
      'missed_meetings:missedMeetingsInRow': 2,
      'passive:daysSinceLastActivity': 14,
      'passive_long:daysSinceLastActivity': 28,
      'between_placements:daysSincePlacementEnded': 14,
      'no_placement_after_intake:daysInGroup': 42,
      'low_hours:weeksBelowAgreedHours': 4,
      'pause_overdue:daysPastExpectedReturn': 7,
      'progression_overdue:daysSinceProgression': 90,
      'follow_up_due:daysFollowUpOverdue': 15,
    });
  });
});

describe('conditions besides the threshold', () => {
  it.each<[string, RiskCode, Partial<RiskFacts>]>([
    [
      'the first conversation has been held',
      'first_conversation_overdue',
      { ...notActive, stage: 'referred', daysSinceFirstContact: 30 },
    ],
    ['the youth is in a group', 'no_offer_after_visitation', { ...notActive, stage: 'intake', hasGroup: true }],
    ['the youth has a placement', 'no_offer_after_visitation', { ...notActive, stage: 'intake', hasPlacement: true }],
    ['the youth has had a placement', 'no_placement_after_intake', { daysInGroup: 100, everPlaced: true }],
    [
      'all 4 conversations are held',
      'conversations_behind',
      { daysSinceFirstContact: 500, individualConversationsFirst6Months: 4 },
    ],
  ])('no alert when %s', async (_name, code, facts) => {
    const withDeadlinePassed: Partial<RiskFacts> =
      code === 'no_offer_after_visitation' ? { daysSinceVisitation: 100 } : {};
    expect(await firing(journey({ ...facts, ...withDeadlinePassed }))).not.toContain(code);
  });
});

/** Where each rule applies: stage, and for two rules the placement state within the active stage. */
function applies(code: RiskCode, stage: Stage, placementState: RiskPlacementState): boolean {
  switch (code) {
    case 'first_conversation_overdue':
      return stage === 'referred';
    case 'conversations_behind':
      return ['visitation', 'intake', 'active', 'paused'].includes(stage);
    case 'no_offer_after_visitation':
      return stage === 'intake';
    case 'missed_meetings':
    case 'passive':
    case 'passive_long':
    case 'no_placement_after_intake':
      return stage === 'active';
    case 'between_placements':
      return placementState === 'between';
    case 'low_hours':
      return placementState === 'placed';
    case 'pause_overdue':
      return stage === 'paused';
    case 'progression_overdue':
      return stage === 'active' || stage === 'paused';
    case 'follow_up_due':
      return stage === 'followUp';
  }
}

describe('rules fire only in the stages they are about', () => {
  /** Every count far past every threshold: whatever applies fires. */
  const everythingOverdue: Omit<RiskFacts, 'stage' | 'placementState'> = {
    daysSinceFirstContact: 1000,
    firstConversationHeld: false,
    daysSinceVisitation: 1000,
    hasGroup: false,
    hasPlacement: false,
    everPlaced: false,
    individualConversationsFirst6Months: 0,
    missedMeetingsInRow: 50,
    daysSinceLastActivity: 1000,
    daysSincePlacementEnded: 1000,
    daysInGroup: 1000,
    weeksBelowAgreedHours: 50,
    daysPastExpectedReturn: 1000,
    daysSinceProgression: 1000,
    daysFollowUpOverdue: 1000,
  };
  type Situation = { stage: Stage; placementState: RiskPlacementState };
  const situations = stages.flatMap((stage): Situation[] =>
    stage === 'active'
      ? (['exploring', 'placed', 'between'] as const).map((placementState) => ({ stage, placementState }))
      : [{ stage, placementState: 'none' }],
  );

  it.each(situations)('$stage ($placementState)', async ({ stage, placementState }) => {
    // Everything overdue: passive_long stands in for passive (one passivity alert per youth).
    const expected = riskCodes.filter((code) => applies(code, stage, placementState) && code !== 'passive');
    const fired = await firing({ ...everythingOverdue, stage, placementState });
    expect([...fired].sort()).toEqual([...expected].sort());
  });

  it.each(situations)('$stage ($placementState): a day count of -1 (not applicable) never fires', async (s) => {
    const nothingApplies: RiskFacts = {
      ...s,
      daysSinceFirstContact: -1,
      firstConversationHeld: false,
      daysSinceVisitation: -1,
      hasGroup: false,
      hasPlacement: false,
      everPlaced: false,
      individualConversationsFirst6Months: 0,
      missedMeetingsInRow: 0,
      daysSinceLastActivity: -1,
      daysSincePlacementEnded: -1,
      daysInGroup: -1,
      weeksBelowAgreedHours: 0,
      daysPastExpectedReturn: -1,
      daysSinceProgression: -1,
      daysFollowUpOverdue: -1,
    };
    expect(await firing(nothingApplies)).toEqual([]);
  });
});

describe('conversationsDueSoFar: LAB § 31 stk. 3 pro rata', () => {
  it.each([
    [-1, 0],
    [0, 0],
    [45, 0],
    [46, 1],
    [90, 1],
    [91, 2],
    [136, 2],
    [137, 3],
    [181, 3],
    [182, 4],
    [400, 4],
  ])('after %i days, %i conversations are due', (daysSinceFirstContact, due) => {
    expect(withDerivedFacts(journey({ daysSinceFirstContact }), defaults).conversationsDueSoFar).toBe(due);
  });

  it('follows the overridden requirement', () => {
    const parameters = effectiveRiskParameters(ruleSet, { conversationsRequired: 6, conversationsPeriodDays: 180 });
    expect(withDerivedFacts(journey({ daysSinceFirstContact: 90 }), parameters).conversationsDueSoFar).toBe(3);
  });
});

describe('findings and explanations', () => {
  it('fill the message in both languages with the fact values and thresholds', async () => {
    const [finding] = await evaluateRisk(ruleSet, journey({ daysSinceLastActivity: 15 }));
    expect(finding?.code).toBe('passive');
    expect(finding?.message).toEqual({
      da: 'Ingen registreret aktivitet i 15 dage (grænse: 14).',
      en: 'No recorded activity for 15 days (limit: 14).',
    });
    expect(finding).toMatchObject({ severity: 'medium', leader: false, ruleSetVersion: ruleSet.version });
  });

  it('show the municipality’s threshold in the message', async () => {
    const [finding] = await evaluateRisk(ruleSet, journey({ daysSinceLastActivity: 11 }), { passiveDays: 10 });
    expect(finding?.message.da).toBe('Ingen registreret aktivitet i 11 dage (grænse: 10).');
  });

  it('say how many job conversations are held and how many are due by today (LAB § 31 stk. 3)', async () => {
    const findings = await evaluateRisk(
      ruleSet,
      journey({ daysSinceFirstContact: 100, individualConversationsFirst6Months: 1 }),
    );
    expect(findings.map((f) => f.message)).toEqual([
      {
        da:
          'Jobsamtaler holdt: 1. Skulle være holdt i dag: 2. Der er gået 100 dage siden første kontakt ' +
          '(krav: 4 jobsamtaler på 182 dage; den første samtale tæller med, og samtaler ved fremmøde, telefon og video tæller alle).',
        en:
          'Job conversations held: 1. Due by today: 2. 100 days have passed since first contact ' +
          '(requirement: 4 job conversations in 182 days; the first conversation counts, and conversations in person, by phone and by video all count).',
      },
    ]);
  });

  it('come in priority order: high severity first', async () => {
    const findings = await evaluateRisk(
      ruleSet,
      journey({ daysSinceLastActivity: 40, missedMeetingsInRow: 3, daysSinceProgression: 100 }),
    );
    expect(findings.map((f) => [f.code, f.severity])).toEqual([
      ['passive_long', 'high'],
      ['missed_meetings', 'medium'],
      ['progression_overdue', 'low'],
    ]);
  });

  it('every message is filled in both languages for every rule', async () => {
    const all: RiskFacts[] = [
      journey({ ...notActive, stage: 'referred', firstConversationHeld: false, daysSinceFirstContact: 9 }),
      journey({
        ...notActive,
        stage: 'intake',
        daysSinceVisitation: 40,
        individualConversationsFirst6Months: 0,
        daysSinceFirstContact: 60,
      }),
      journey({ daysSinceLastActivity: 30, missedMeetingsInRow: 2, daysInGroup: 50, daysSinceProgression: 95 }),
      // Passive, before passive_long stands in for it.
      journey({ daysSinceLastActivity: 20 }),
      journey({ placementState: 'between', everPlaced: true, daysSincePlacementEnded: 20 }),
      journey({ placementState: 'placed', hasPlacement: true, everPlaced: true, weeksBelowAgreedHours: 5 }),
      journey({ ...notActive, stage: 'paused', daysPastExpectedReturn: 8 }),
      journey({
        ...notActive,
        stage: 'followUp',
        daysFollowUpOverdue: 20,
        daysSinceFirstContact: 400,
        individualConversationsFirst6Months: 4,
      }),
    ];
    const findings = (await Promise.all(all.map((facts) => evaluateRisk(ruleSet, facts)))).flat();
    expect(new Set(findings.map((f) => f.code))).toEqual(new Set(riskCodes));
    for (const { message } of findings) {
      expect(message.da).not.toMatch(/[{}]/);
      expect(message.en).not.toMatch(/[{}]/);
      expect(message.da).not.toBe(message.en);
    }
    const lowHours = findings.find((f) => f.code === 'low_hours');
    expect(lowHours?.message.en).toBe(
      'Fewer hours than agreed in the placement for 5 weeks in a row (limit: 4 weeks).',
    );
  });

  it('explainRisk gives the conditions with the values that made the rule fire', async () => {
    const explanation = await explainRisk(ruleSet, journey({ daysSinceLastActivity: 30 }), {}, 'passive_long');
    expect(explanation).toMatchObject({ code: 'passive_long', fired: true, severity: 'high', leader: true });
    expect(explanation.conditions).toEqual([
      { rule: 'passive_long', fact: 'stage', operator: 'equal', value: 'active', factValue: 'active', result: true },
      {
        rule: 'passive_long',
        fact: 'daysSinceLastActivity',
        operator: 'greaterThanInclusive',
        value: 28,
        valueFact: 'passiveLongDays',
        factValue: 30,
        result: true,
      },
    ]);
    expect(explanation.facts).toMatchObject({
      daysSinceLastActivity: 30,
      passiveLongDays: 28,
      conversationsDueSoFar: 0,
    });
  });

  it('explainRisk tells when the condition has cleared', async () => {
    const explanation = await explainRisk(ruleSet, journey({ daysSinceLastActivity: 2 }), {}, 'passive');
    expect(explanation.fired).toBe(false);
    expect(explanation.conditions.find((c) => c.fact === 'daysSinceLastActivity')).toMatchObject({
      factValue: 2,
      value: 14,
      result: false,
    });
  });

  it('refuses facts that break the schema', async () => {
    await expect(evaluateRisk(ruleSet, journey({ daysSinceLastActivity: -2 }))).rejects.toThrow(
      /daysSinceLastActivity/,
    );
    await expect(evaluateRisk(ruleSet, { ...journey(), stage: 'asleep' } as unknown as RiskFacts)).rejects.toThrow(
      /stage/,
    );
  });

  it('refuses another rule set', async () => {
    const eligibility = selectRuleSet(await loadRuleSets(), 'eligibility', '2026-03-01');
    await expect(evaluateRisk(eligibility, journey())).rejects.toThrow(/Expected the risk rule set/);
  });
});

describe('municipality overrides', () => {
  it.each<[string, unknown, RegExp]>([
    ['an unknown threshold', { passiveWeeks: 2 }, /passiveWeeks/],
    ['a day count of 0', { passiveDays: 0 }, /passiveDays/],
    ['a day count above the range', { passiveDays: 91 }, /passiveDays/],
    ['a fraction', { offerDays: 14.5 }, /offerDays/],
    ['passiveLongDays not above passiveDays', { passiveDays: 20, passiveLongDays: 20 }, /passive_long_above_passive/],
  ])('refuse %s', (_name, overrides, message) => {
    const result = riskOverridesSchema.safeParse(overrides);
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toMatch(message);
  });

  it('refuse passiveDays above the file’s passiveLongDays once merged', () => {
    expect(() => effectiveRiskParameters(ruleSet, { passiveDays: 30 })).toThrow(/passive_long_above_passive/);
    expect(effectiveRiskParameters(ruleSet, { passiveDays: 30, passiveLongDays: 45 })).toMatchObject({
      passiveDays: 30,
      passiveLongDays: 45,
      offerDays: 28,
    });
  });

  it('replace only what they name', () => {
    expect(effectiveRiskParameters(ruleSet, { offerDays: 21 })).toEqual({ ...ruleSet.parameters, offerDays: 21 });
  });
});
