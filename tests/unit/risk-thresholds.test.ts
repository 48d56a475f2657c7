import { describe, expect, it } from 'vitest';
import { riskParameterNames } from '../../src/risk/risk.overrides.ts';
import { riskRuleThresholds } from '../../src/risk/risk.thresholds.ts';
import { loadRuleSets, selectRuleSet } from '../../src/rules/rule-set.loader.ts';

describe('the thresholds of each risk rule', () => {
  it('names the parameters each rule compares with or states, in the file order', async () => {
    const ruleSet = selectRuleSet(await loadRuleSets(), 'risk', '2026-12-01');
    const rules = riskRuleThresholds(ruleSet);
    expect(rules.map((r) => r.code)).toEqual(ruleSet.rules.map((r) => r.event.params.code));
    const byCode = Object.fromEntries(rules.map((r) => [r.code, r]));
    expect(byCode.passive).toMatchObject({ severity: 'medium', leader: false, parameters: ['passiveDays'] });
    expect(byCode.passive_long).toMatchObject({ severity: 'high', leader: true, parameters: ['passiveLongDays'] });
    // A derived fact: the conversations due so far. The weeks below the hours agreed need no parameter but their limit.
    expect(byCode.conversations_behind?.parameters).toEqual(['conversationsRequired', 'conversationsPeriodDays']);
    expect(byCode.low_hours?.parameters).toEqual(['lowHoursWeeks']);
    // Every threshold a municipality may set belongs to a rule, so the page shows them all.
    expect(new Set(rules.flatMap((r) => r.parameters))).toEqual(new Set(riskParameterNames));
  });
});
