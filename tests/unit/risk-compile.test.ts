import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stages } from '../../machines/journey.ts';
import { runRuleSet } from '../../src/rules/explain.ts';
import { loadRuleSets, selectRuleSet } from '../../src/rules/rule-set.loader.ts';
import type { RuleSet } from '../../src/rules/rule-set.loader.ts';
import { knownOperators } from '../../src/rules/rule-set.schema.ts';
import type { ConditionNode, RuleDefinition } from '../../src/rules/rule-set.schema.ts';
import { riskCodes } from '../../src/risk/risk.codes.ts';
import { compileRuleSet, evaluateCompiled, RuleCompileError } from '../../src/risk/risk.compile.ts';
import { evaluateRisk, evaluateRiskFast } from '../../src/risk/risk.evaluate.ts';
import { riskPlacementStates } from '../../src/risk/risk.facts.ts';
import type { RiskFacts } from '../../src/risk/risk.facts.ts';
import { effectiveRiskParameters, riskOverridesSchema } from '../../src/risk/risk.overrides.ts';
import type { RiskOverrides } from '../../src/risk/risk.overrides.ts';

const ruleSet = selectRuleSet(await loadRuleSets(), 'risk', '2026-11-22');
const compiled = compileRuleSet(ruleSet);

// ---------------------------------------------------------------------------------------------
// Random journeys and municipality settings
// ---------------------------------------------------------------------------------------------

/** Mostly near the thresholds (which lie between 1 and 366), sometimes "not applicable", sometimes far. */
const dayCount = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 60 }), weight: 6 },
  { arbitrary: fc.integer({ min: 0, max: 400 }), weight: 3 },
  { arbitrary: fc.constant(-1), weight: 2 },
);

const riskFacts: fc.Arbitrary<RiskFacts> = fc.record(
  {
    stage: fc.constantFrom(...stages),
    placementState: fc.constantFrom(...riskPlacementStates),
    daysSinceFirstContact: dayCount,
    firstConversationHeld: fc.boolean(),
    daysSinceVisitation: dayCount,
    hasGroup: fc.boolean(),
    hasPlacement: fc.boolean(),
    everPlaced: fc.boolean(),
    individualConversationsFirst6Months: fc.integer({ min: 0, max: 6 }),
    missedMeetingsInRow: fc.integer({ min: 0, max: 12 }),
    daysSinceLastActivity: dayCount,
    daysSincePlacementEnded: dayCount,
    daysInGroup: dayCount,
    weeksBelowAgreedHours: fc.integer({ min: 0, max: 30 }),
    daysPastExpectedReturn: dayCount,
    daysSinceProgression: dayCount,
    daysFollowUpOverdue: dayCount,
  },
  { noNullPrototype: true },
);

/** Any subset of the thresholds, each anywhere in its allowed range (the schema's own bounds). */
const overrides: fc.Arbitrary<RiskOverrides> = fc
  .record(
    {
      firstConversationDays: fc.integer({ min: 1, max: 30 }),
      conversationsRequired: fc.integer({ min: 1, max: 12 }),
      conversationsPeriodDays: fc.integer({ min: 30, max: 366 }),
      offerDays: fc.integer({ min: 1, max: 90 }),
      missedMeetingsLimit: fc.integer({ min: 1, max: 10 }),
      passiveDays: fc.integer({ min: 1, max: 90 }),
      passiveLongDays: fc.integer({ min: 2, max: 180 }),
      betweenPlacementsDays: fc.integer({ min: 1, max: 90 }),
      noPlacementDays: fc.integer({ min: 1, max: 180 }),
      lowHoursWeeks: fc.integer({ min: 1, max: 26 }),
      pauseOverdueDays: fc.integer({ min: 1, max: 90 }),
      progressionDays: fc.integer({ min: 7, max: 365 }),
      followUpOverdueDays: fc.integer({ min: 1, max: 90 }),
    },
    { requiredKeys: [], noNullPrototype: true },
  )
  .filter((o) => {
    // Only settings a municipality could save: valid alone and after merging with the file.
    if (!riskOverridesSchema.safeParse(o).success) return false;
    try {
      effectiveRiskParameters(ruleSet, o);
      return true;
    } catch {
      return false;
    }
  });

describe('the compiled risk rules give exactly the alerts json-rules-engine gives', () => {
  it('on 2,000 random journeys with random municipality settings', async () => {
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(riskFacts, fc.option(overrides, { nil: undefined }), async (facts, settings) => {
        const reference = (await evaluateRisk(ruleSet, facts, settings)).map((finding) => finding.code);
        const fast = evaluateRiskFast(compiled, facts, settings);
        reference.forEach((code) => seen.add(code));
        expect(fast).toEqual(reference);
      }),
      { numRuns: 2_000 },
    );
    // A comparison where nothing ever fires would prove nothing: every rule fired at least once.
    expect([...seen].sort()).toEqual([...riskCodes].sort());
  }, 30_000);

  it('the real rule file compiles, reading exactly its declared facts and parameters', () => {
    expect(compiled.rules.map((rule) => rule.code).sort()).toEqual([...riskCodes].sort());
    expect(compiled.factsRead).toEqual(Object.keys(ruleSet.facts).sort());
    // The conversation parameters are read by the derived fact conversationsDueSoFar, not by a condition.
    expect(compiled.parametersRead).toEqual(
      Object.keys(ruleSet.parameters)
        .filter((name) => !['conversationsRequired', 'conversationsPeriodDays'].includes(name))
        .sort(),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Random rule sets: every operator, all/any/not, references, and the engine's odd cases
// ---------------------------------------------------------------------------------------------

/** Values of odd types on purpose: numeric strings, text, booleans, null and NaN meet every operator. */
const scalar = fc.constantFrom<unknown>(-2, 0, 1, 2, 3, 2.5, '2', '2.5x', 'abc', 'a', 'b', '', true, false, null);
const oddFacts = fc.record(
  {
    n: fc.oneof(fc.integer({ min: -3, max: 4 }), scalar, fc.constant(Number.NaN)),
    m: fc.oneof(fc.integer({ min: -3, max: 4 }), scalar),
    s: fc.constantFrom<unknown>('a', 'b', 'c', 'ab', 1),
    list: fc.oneof(fc.array(fc.constantFrom<unknown>('a', 'b', 1, null), { maxLength: 3 }), fc.constant('abc')),
  },
  { noNullPrototype: true },
);
const oddParameters = { limit: 2, names: ['a', 'c', 1] };
const factNames = ['n', 'm', 's', 'list', 'limit'] as const;

const leaf: fc.Arbitrary<ConditionNode> = fc
  .tuple(
    fc.constantFrom(...factNames),
    fc.constantFrom(...knownOperators),
    scalar,
    fc.constantFrom(...factNames),
    fc.boolean(),
    fc.array(scalar, { maxLength: 4 }),
    fc.constantFrom('list', 'names'),
  )
  .map(([fact, operator, literal, reference, useReference, list, listReference]) => {
    if (operator === 'in' || operator === 'notIn') {
      // A list operator needs a list: a literal one or a reference to a list fact or parameter.
      return { fact, operator, value: useReference ? { fact: listReference } : list };
    }
    return { fact, operator, value: useReference ? { fact: reference } : literal };
  });

const depthIdentifier = fc.createDepthIdentifier();
const { condition } = fc.letrec<{ condition: ConditionNode }>((tie) => ({
  condition: fc.oneof(
    { depthSize: 'small', maxDepth: 3, depthIdentifier },
    leaf,
    fc.array(tie('condition'), { maxLength: 3, depthIdentifier }).map((all) => ({ all })),
    fc.array(tie('condition'), { maxLength: 3, depthIdentifier }).map((any) => ({ any })),
    tie('condition').map((not) => ({ not })),
  ),
}));

const randomRules = fc.array(
  fc.tuple(
    fc.constantFrom('all', 'any', 'not'),
    fc.array(condition, { maxLength: 3 }),
    fc.option(fc.constantFrom(1, 5, 10), { nil: undefined }),
  ),
  { minLength: 1, maxLength: 5 },
);

function ruleSetOf(rules: ReadonlyArray<[string, ConditionNode[], number | undefined]>): RuleSet {
  return {
    name: 'random',
    version: 'random',
    file: 'random.json',
    validFrom: '2025-01-01',
    validTo: null,
    source: 'random rules',
    law: { id: 'random', title: { da: 'tilfældig', en: 'random' }, status: 'enacted', sources: ['random'] },
    categories: [],
    description: undefined,
    parameters: oddParameters,
    facts: { n: 'n', m: 'm', s: 's', list: 'list' },
    rules: rules.map(([top, children, priority], index): RuleDefinition => {
      const code = `rule_${index}`;
      const conditions: ConditionNode =
        top === 'not' ? { not: children[0] ?? { all: [] } } : top === 'all' ? { all: children } : { any: children };
      return {
        ...(priority === undefined ? {} : { priority }),
        conditions,
        event: { type: code, params: { code, message: { da: code, en: code }, source: 'random' } },
      };
    }),
  };
}

describe('the compiler agrees with json-rules-engine on any rule set it accepts', () => {
  it('random condition trees over facts of every type, with priorities', async () => {
    await fc.assert(
      fc.asyncProperty(randomRules, oddFacts, async (rules, facts) => {
        const random = ruleSetOf(rules);
        const reference = (await runRuleSet(random, { ...facts, ...oddParameters })).fired.map((rule) => rule.code);
        expect(evaluateCompiled(compileRuleSet(random), facts, oddParameters)).toEqual(reference);
      }),
      { numRuns: 1_000 },
    );
  }, 30_000);

  it.each<[string, ConditionNode, boolean]>([
    ['"any" over nothing is true, as in the engine', { any: [] }, true],
    ['"all" over nothing is true', { all: [] }, true],
    ['a number in text compares as a number', { all: [{ fact: 'm', operator: 'lessThan', value: 3 }] }, true],
    ['text that is not a number never compares', { all: [{ fact: 's', operator: 'greaterThan', value: -1 }] }, false],
    [
      'contains on a fact that is not a list is false',
      { all: [{ fact: 's', operator: 'contains', value: 'a' }] },
      false,
    ],
    [
      'doesNotContain on a fact that is not a list is false too',
      { all: [{ fact: 's', operator: 'doesNotContain', value: 'z' }] },
      false,
    ],
  ])('%s', async (_name, conditions, fires) => {
    const random = ruleSetOf([['all', [], undefined]]);
    const rule = { ...random.rules[0]!, conditions };
    const single = { ...random, rules: [rule] };
    const facts = { n: 1, m: '2', s: 'ab', list: ['a'] };
    const reference = (await runRuleSet(single, { ...facts, ...oddParameters })).fired.length > 0;
    expect(reference).toBe(fires);
    expect(evaluateCompiled(compileRuleSet(single), facts, oddParameters).length > 0).toBe(fires);
  });

  it('a missing fact is an error on both paths', async () => {
    const random = ruleSetOf([['all', [{ fact: 'n', operator: 'equal', value: 1 }], undefined]]);
    const facts = { m: 1, s: 'a', list: [] };
    await expect(runRuleSet(random, { ...facts, ...oddParameters })).rejects.toThrow(/Undefined fact: n/);
    expect(() => evaluateCompiled(compileRuleSet(random), facts, oddParameters)).toThrow(/Undefined fact: n/);
  });
});

describe('the compiler refuses what it does not support, naming the rule', () => {
  function compileWith(conditions: unknown) {
    const random = ruleSetOf([
      ['all', [{ fact: 'n', operator: 'equal', value: 1 }], undefined],
      ['all', [], undefined],
    ]);
    const rules = [random.rules[0]!, { ...random.rules[1]!, conditions: conditions as ConditionNode }];
    return () => compileRuleSet({ ...random, rules });
  }

  it.each<[string, unknown, RegExp]>([
    [
      'an operator json-rules-engine does not have built in',
      { all: [{ fact: 'n', operator: 'startsWith', value: 'a' }] },
      /Rule "rule_1" in random\.json cannot be compiled: rules\.1\.conditions\.all\.0\.operator: unknown operator "startsWith"/,
    ],
    [
      'an operator decorator',
      { any: [{ fact: 'list', operator: 'someFact:in', value: ['a'] }] },
      /rules\.1\.conditions\.any\.0\.operator: operator decorators \("someFact:in"\) are not supported/,
    ],
    [
      'a JSONPath',
      { all: [{ fact: 'list', path: '$.a', operator: 'equal', value: 1 }] },
      /rules\.1\.conditions\.all\.0\.path: JSONPath \("path"\) is not supported/,
    ],
    [
      'a named condition reference',
      { all: [{ condition: 'isActive' }] },
      /rules\.1\.conditions\.all\.0\.condition: named condition references are not supported/,
    ],
    [
      'a literal object value',
      { all: [{ fact: 'n', operator: 'equal', value: { amount: 1 } }] },
      /an object value must be a fact reference/,
    ],
    [
      'a fact reference with a path',
      { all: [{ fact: 'n', operator: 'equal', value: { fact: 'list', path: '$.a' } }] },
      /a fact reference with path is not supported/,
    ],
    ['"in" with a single value', { all: [{ fact: 's', operator: 'in', value: 'a' }] }, /"in" needs a list value/],
    ['an undeclared fact', { all: [{ fact: 'age', operator: 'equal', value: 1 }] }, /unknown fact "age"/],
    ['a comparison at the top', { fact: 'n', operator: 'equal', value: 1 }, /the top of "conditions" must be/],
  ])('%s', (_name, conditions, message) => {
    const compile = compileWith(conditions);
    expect(compile).toThrow(RuleCompileError);
    expect(compile).toThrow(message);
  });
});
