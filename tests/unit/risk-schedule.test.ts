import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stages } from '../../machines/journey.ts';
import { MAX_DAYS_BETWEEN_CHECKS, nextRiskCheckDay } from '../../src/alerts/risk-schedule.ts';
import { riskFactsOf } from '../../src/alerts/risk-facts.ts';
import type { JourneyRiskRow } from '../../src/alerts/risk-row.repository.ts';
import { compileRuleSet, evaluateCompiled } from '../../src/risk/risk.compile.ts';
import { type RiskFacts, withDerivedFacts } from '../../src/risk/risk.facts.ts';
import { effectiveRiskParameters } from '../../src/risk/risk.overrides.ts';
import { loadRuleSets, selectRuleSet } from '../../src/rules/rule-set.loader.ts';
import { dayNumberOf, dayOfNumber, mondayOf } from '../../src/shared/days.ts';

const ruleSet = selectRuleSet(await loadRuleSets(), 'risk', '2026-11-22');
const compiled = compileRuleSet(ruleSet);
const DAY = 86_400_000;
const today = dayNumberOf('2026-11-22');
const noon = (day: number) => day * DAY + 11 * 3_600_000;

const key = (codes: readonly string[]) => [...codes].sort().join(',');

/** Evaluating every day: the reference the candidate days must agree with. */
function bruteForce(
  row: JourneyRiskRow,
  parameters: ReturnType<typeof effectiveRiskParameters>,
  fired: (f: RiskFacts) => string[],
) {
  const now = key(fired(riskFactsOf(row, today)));
  for (let day = today + 1; day <= today + MAX_DAYS_BETWEEN_CHECKS; day++) {
    if (key(fired(riskFactsOf(row, day))) !== now) return day;
  }
  return today + MAX_DAYS_BETWEEN_CHECKS;
}

const openStages = stages.filter((s) => !['redirected', 'control', 'closed'].includes(s));
const pastInstant = fc.integer({ min: today - 400, max: today }).map(noon);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const isoDay = fc
  .integer({ min: today - 120, max: today + 60 })
  .map((d) => new Date(d * DAY).toISOString().slice(0, 10));

const rowArb: fc.Arbitrary<JourneyRiskRow> = fc.record({
  journeyId: fc.constant('00000000-0000-4000-8000-000000000001'),
  municipalityId: fc.constant('00000000-0000-4000-8000-000000000002'),
  youthId: fc.constant('00000000-0000-4000-8000-000000000003'),
  caseworkerId: fc.constant('00000000-0000-4000-8000-000000000004'),
  stage: fc.constantFrom(...openStages),
  placementState: fc.constantFrom('exploring' as const, 'placed' as const, 'between' as const, null),
  firstContactAt: pastInstant,
  firstConversationAt: maybe(pastInstant),
  visitationAt: maybe(pastInstant),
  groupJoinedAt: maybe(pastInstant),
  everPlaced: fc.boolean(),
  placedSince: maybe(pastInstant),
  placementHoursPerWeek: maybe(fc.integer({ min: 1, max: 37 })),
  placementEndedAt: maybe(pastInstant),
  expectedReturn: maybe(isoDay),
  missedMeetingsInRow: fc.integer({ min: 0, max: 4 }),
  conversationsFirst6Months: fc.integer({ min: 0, max: 5 }),
  hoursBelowAgreedWeeks: fc.integer({ min: 0, max: 8 }),
  // A Monday from some weeks back to this week.
  hoursLatestWeek: maybe(
    fc.integer({ min: 0, max: 12 }).map((weeksAgo) => mondayOf(dayOfNumber(today - 7 * weeksAgo))),
  ),
  lastProgressionAt: maybe(pastInstant),
  nextFollowUpDue: maybe(isoDay),
  lastActivityAt: maybe(pastInstant),
});

const overridesArb = fc.record(
  {
    passiveDays: fc.integer({ min: 5, max: 27 }),
    firstConversationDays: fc.integer({ min: 1, max: 14 }),
    lowHoursWeeks: fc.integer({ min: 1, max: 8 }),
    followUpOverdueDays: fc.integer({ min: 1, max: 30 }),
  },
  { requiredKeys: [] },
);

describe('the next day a journey needs the risk rules again', () => {
  it('is the first day the verdict changes, the same as evaluating every day, for random journeys', () => {
    fc.assert(
      fc.property(rowArb, overridesArb, (row, overrides) => {
        const parameters = effectiveRiskParameters(ruleSet, overrides);
        const fired = (facts: RiskFacts) => evaluateCompiled(compiled, withDerivedFacts(facts, parameters), parameters);
        expect(nextRiskCheckDay(row, today, parameters, fired)).toBe(bruteForce(row, parameters, fired));
      }),
      { numRuns: 3_000 },
    );
  });

  it('is the day passivity is reached for a youth who went quiet', () => {
    const parameters = effectiveRiskParameters(ruleSet, {});
    const fired = (facts: RiskFacts) => evaluateCompiled(compiled, withDerivedFacts(facts, parameters), parameters);
    const row: JourneyRiskRow = {
      journeyId: 'j',
      municipalityId: 'm',
      youthId: 'y',
      caseworkerId: 'c',
      stage: 'active',
      placementState: 'placed',
      firstContactAt: noon(today - 60),
      firstConversationAt: noon(today - 59),
      visitationAt: noon(today - 55),
      groupJoinedAt: noon(today - 50),
      everPlaced: true,
      placedSince: noon(today - 20),
      placementHoursPerWeek: 20,
      placementEndedAt: null,
      expectedReturn: null,
      missedMeetingsInRow: 0,
      conversationsFirst6Months: 2,
      hoursBelowAgreedWeeks: 0,
      hoursLatestWeek: null,
      lastProgressionAt: noon(today - 10),
      nextFollowUpDue: null,
      lastActivityAt: noon(today - 3),
    };
    expect(nextRiskCheckDay(row, today, parameters, fired)).toBe(today + 11);
  });
});
