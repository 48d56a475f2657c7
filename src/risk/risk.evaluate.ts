import type { Text } from '../shared/i18n.ts';
import { fillText, runRuleSet } from '../rules/explain.ts';
import type { ConditionOutcome } from '../rules/explain.ts';
import type { RuleSet } from '../rules/rule-set.loader.ts';
import type { RuleDefinition, Severity } from '../rules/rule-set.schema.ts';
import { isRiskCode } from './risk.codes.ts';
import type { RiskCode } from './risk.codes.ts';
import { evaluateCompiled } from './risk.compile.ts';
import type { CompiledRuleSet } from './risk.compile.ts';
import { riskFactsSchema, withDerivedFacts } from './risk.facts.ts';
import type { RiskFacts } from './risk.facts.ts';
import { effectiveRiskParameters } from './risk.overrides.ts';
import type { RiskOverrides, RiskParameters } from './risk.overrides.ts';

/** A risk rule that fired for a journey: what an alert shows and keeps. */
export interface RiskFinding {
  code: RiskCode;
  severity: Severity;
  /** The alert also goes to the leader (passive_long and every high-severity rule). */
  leader: boolean;
  /** The rule's message in Danish and English, filled with the fact values and thresholds. */
  message: Text;
  /** Law paragraph or seed page the rule comes from. */
  source: string;
  /** The rule's conditions with the fact values the engine saw and whether each held. */
  conditions: ConditionOutcome[];
  ruleSetVersion: string;
}

/** One rule's verdict with everything needed to answer "why?" later, fired or not. */
export interface RiskExplanation extends RiskFinding {
  fired: boolean;
  /** Every value the rules saw: the facts, the derived facts and the effective parameters. */
  facts: Record<string, unknown>;
}

/**
 * The reference evaluation through json-rules-engine: every risk rule that fires for the facts,
 * highest priority first, each with its filled message and the conditions that made it fire.
 * `overrides` are the municipality's thresholds. Pure: no database, same input, same answer.
 */
export async function evaluateRisk(
  ruleSet: RuleSet,
  facts: RiskFacts,
  overrides: RiskOverrides = {},
): Promise<RiskFinding[]> {
  const { engineFacts, run } = await runRisk(ruleSet, facts, overrides);
  // A rule that fires stands in for the rules it supersedes (passive_long for passive).
  const superseded = new Set(run.fired.flatMap((outcome) => outcome.params.supersedes ?? []));
  return run.fired
    .filter((outcome) => !superseded.has(outcome.code))
    .map((outcome) => {
      const { fired: _fired, facts: _facts, ...finding } = explanationOf(ruleSet, outcome.code, engineFacts, run, true);
      return finding;
    });
}

/**
 * One rule's verdict for the facts, fired or not, with the values it saw: what an alert stores
 * to explain itself, and what tells that its condition has cleared.
 */
export async function explainRisk(
  ruleSet: RuleSet,
  facts: RiskFacts,
  overrides: RiskOverrides,
  code: RiskCode,
): Promise<RiskExplanation> {
  const { engineFacts, run } = await runRisk(ruleSet, facts, overrides);
  const fired = run.fired.some((outcome) => outcome.code === code);
  return explanationOf(ruleSet, code, engineFacts, run, fired);
}

/**
 * The codes of the rules that fire, in priority order, through the compiled conditions: the same
 * answer as evaluateRisk (tests/unit/risk-compile.test.ts), for the sweep and the backtest.
 * Validates the overrides on every call; to evaluate many journeys of one municipality, make
 * one evaluator with riskEvaluator and call it for each.
 */
export function evaluateRiskFast(
  compiled: CompiledRuleSet,
  facts: RiskFacts,
  overrides: RiskOverrides = {},
): RiskCode[] {
  return riskEvaluator(compiled, overrides)(facts);
}

/**
 * An evaluator bound to one municipality's thresholds. The facts are taken as typed (the
 * compiled path does not validate them; evaluateRisk does), but a missing one is still an error.
 */
export function riskEvaluator(
  compiled: CompiledRuleSet,
  overrides: RiskOverrides = {},
): (facts: RiskFacts) => RiskCode[] {
  if (compiled.name !== 'risk') throw new Error(`Expected the risk rule set, got "${compiled.name}"`);
  for (const rule of compiled.rules) assertRiskCode(rule.code, compiled.file);
  const parameters = effectiveRiskParameters(compiled, overrides);
  // Checked above: every compiled code is a RiskCode.
  return (facts) => evaluateCompiled(compiled, withDerivedFacts(facts, parameters), parameters) as RiskCode[];
}

async function runRisk(ruleSet: RuleSet, facts: RiskFacts, overrides: RiskOverrides) {
  if (ruleSet.name !== 'risk') throw new Error(`Expected the risk rule set, got "${ruleSet.name}"`);
  const input = riskFactsSchema.parse(facts);
  const parameters: RiskParameters = effectiveRiskParameters(ruleSet, overrides);
  // The parameters are facts to the engine (`"value": { "fact": "passiveDays" }`).
  const engineFacts: Record<string, unknown> = { ...withDerivedFacts(input, parameters), ...parameters };
  const run = await runRuleSet(ruleSet, engineFacts);
  return { engineFacts, run };
}

function explanationOf(
  ruleSet: RuleSet,
  code: string,
  engineFacts: Record<string, unknown>,
  run: Awaited<ReturnType<typeof runRuleSet>>,
  fired: boolean,
): RiskExplanation {
  const rule = ruleNamed(ruleSet, code);
  const params = rule.event.params;
  if (params.severity === undefined) throw new Error(`Risk rule ${code} in ${ruleSet.file} has no severity`);
  return {
    code: assertRiskCode(code, ruleSet.file),
    severity: params.severity,
    leader: params.leader ?? false,
    message: fillText(params.message, engineFacts),
    source: params.source,
    conditions: run.conditions.filter((condition) => condition.rule === code),
    ruleSetVersion: ruleSet.version,
    fired,
    facts: engineFacts,
  };
}

function ruleNamed(ruleSet: RuleSet, code: string): RuleDefinition {
  const rule = ruleSet.rules.find((candidate) => candidate.event.type === code);
  if (!rule) throw new Error(`Rule set ${ruleSet.file} (${ruleSet.version}) has no rule "${code}"`);
  return rule;
}

function assertRiskCode(code: string, file: string): RiskCode {
  if (!isRiskCode(code)) {
    throw new Error(
      `Rule "${code}" in ${file} is not a known risk code; add it to riskCodes in src/risk/risk.codes.ts`,
    );
  }
  return code;
}
