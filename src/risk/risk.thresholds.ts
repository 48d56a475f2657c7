import type { RuleSet } from '../rules/rule-set.loader.ts';
import { factReference, placeholdersIn, type Severity, walkConditions } from '../rules/rule-set.schema.ts';
import { isRiskCode, type RiskCode } from './risk.codes.ts';
import { type RiskParameterName, riskParameterNames } from './risk.overrides.ts';

/** A risk rule of a rule file and the thresholds a municipality may set for it. */
export interface RiskRuleThresholds {
  code: RiskCode;
  severity: Severity;
  /** The alert also goes to the leader. */
  leader: boolean;
  /** The overridable parameters the rule compares with or states in its message, in that order. */
  parameters: RiskParameterName[];
}

const isParameter = (name: string | undefined): name is RiskParameterName =>
  name !== undefined && (riskParameterNames as readonly string[]).includes(name);

/**
 * The rules of a risk rule file, in the file's order, each with its thresholds: the parameters its
 * conditions refer to, then those its message states (a derived fact such as the conversations due
 * so far, or the weekly hours of a low week, is computed from parameters the message names).
 */
export function riskRuleThresholds(ruleSet: Pick<RuleSet, 'rules'>): RiskRuleThresholds[] {
  return ruleSet.rules.flatMap((rule) => {
    const params = rule.event.params;
    if (!isRiskCode(params.code)) return [];
    const found = new Set<RiskParameterName>();
    walkConditions(rule.conditions, [], (condition) => {
      for (const name of [condition.fact, factReference(condition.value)]) if (isParameter(name)) found.add(name);
    });
    for (const name of placeholdersIn(params.message.da)) if (isParameter(name)) found.add(name);
    return [
      {
        code: params.code,
        severity: params.severity ?? 'medium',
        leader: params.leader ?? false,
        parameters: [...found],
      },
    ];
  });
}
