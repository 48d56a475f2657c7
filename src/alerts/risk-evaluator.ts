import type { Db } from '../db/database.ts';
import { listSettings } from '../municipalities/settings.repository.ts';
import { type RuleSet, selectRuleSet } from '../rules/rule-set.loader.ts';
import { compileRuleSet, type CompiledRuleSet, evaluateCompiled } from '../risk/risk.compile.ts';
import { explainRisk } from '../risk/risk.evaluate.ts';
import { fillText } from '../rules/explain.ts';
import type { Severity } from '../rules/rule-set.schema.ts';
import type { Text } from '../shared/i18n.ts';
import { isRiskCode } from '../risk/risk.codes.ts';
import { type RiskFacts, withDerivedFacts } from '../risk/risk.facts.ts';
import {
  effectiveRiskParameters,
  riskParameterNames,
  type RiskOverrides,
  type RiskParameters,
} from '../risk/risk.overrides.ts';
import type { RiskEvaluator } from './alert.engine.ts';

const compiledCache = new WeakMap<RuleSet, CompiledRuleSet>();

function compiledOf(ruleSet: RuleSet): CompiledRuleSet {
  let compiled = compiledCache.get(ruleSet);
  if (!compiled) {
    compiled = compileRuleSet(ruleSet);
    compiledCache.set(ruleSet, compiled);
  }
  return compiled;
}

/**
 * The risk rules valid on the day, bound to the municipalities' threshold overrides. Firing uses
 * the compiled conditions (about a microsecond a journey); the explanation of a new alert comes
 * from json-rules-engine, the reference, with every condition and the values it saw.
 */
export async function riskEvaluatorFor(
  db: Db,
  ruleSets: readonly RuleSet[],
  now: Date,
  municipalityIds?: readonly string[],
): Promise<RiskEvaluator & { overridesOf(municipalityId: string): RiskOverrides }> {
  const ruleSet = selectRuleSet(ruleSets, 'risk', now);
  const compiled = compiledOf(ruleSet);
  const overrides = new Map<string, RiskOverrides>();
  const parameters = new Map<string, RiskParameters>();
  for (const { municipalityId, settings } of await listSettings(db, municipalityIds)) {
    overrides.set(municipalityId, settings.risk);
    parameters.set(municipalityId, effectiveRiskParameters(ruleSet, settings.risk));
  }
  const defaults = effectiveRiskParameters(ruleSet, {});
  const rulesByCode = rulesOf(ruleSet);
  const parametersFor = (municipalityId: string) => parameters.get(municipalityId) ?? defaults;
  // The parameters an explanation names, once per municipality: a full sweep opens 200,000 alerts.
  const named = new WeakMap<object, RiskOverrides>();
  const namedParameters = (params: Readonly<Record<string, unknown>>) => {
    let picked = named.get(params);
    if (!picked) {
      picked = pickParameters(params);
      named.set(params, picked);
    }
    return picked;
  };
  return {
    ruleSetVersion: ruleSet.version,
    overridesOf: (municipalityId) => overrides.get(municipalityId) ?? {},
    parametersFor,
    fired: (facts, params) => evaluateCompiled(compiled, withDerivedFacts(facts, params as RiskParameters), params),
    explain(facts, params, code) {
      // Cheap at open: the message filled with the values and the thresholds. The conditions
      // with their values are worked out by json-rules-engine when someone reads the alert
      // (conditionsOf), from the facts and parameters stored here.
      const rule = rulesByCode.get(code);
      if (!rule) throw new Error(`No risk rule "${code}" in ${ruleSet.file}`);
      const values = { ...withDerivedFacts(facts, params as RiskParameters), ...params };
      return Promise.resolve({
        severity: rule.severity,
        leader: rule.leader,
        explanation: {
          message: fillText(rule.message, values),
          source: rule.source,
          parameters: namedParameters(params),
        },
      });
    },
  };
}

interface RuleMeta {
  severity: Severity;
  leader: boolean;
  message: Text;
  source: string;
}

const metaCache = new WeakMap<RuleSet, Map<string, RuleMeta>>();

function rulesOf(ruleSet: RuleSet): Map<string, RuleMeta> {
  let meta = metaCache.get(ruleSet);
  if (!meta) {
    meta = new Map();
    for (const rule of ruleSet.rules) {
      const params = rule.event.params;
      meta.set(params.code, {
        severity: params.severity ?? 'medium',
        leader: params.leader ?? false,
        message: params.message,
        source: params.source,
      });
    }
    metaCache.set(ruleSet, meta);
  }
  return meta;
}

function pickParameters(params: Readonly<Record<string, unknown>>): RiskOverrides {
  return Object.fromEntries(riskParameterNames.filter((n) => n in params).map((n) => [n, params[n]]));
}

/**
 * The conditions of an alert's rule with the values they saw, through json-rules-engine, from
 * what the alert stored when it opened. Empty when the rule set it was opened with is no
 * longer loaded (the message still says why).
 */
export async function conditionsOf(
  ruleSets: readonly RuleSet[],
  alert: { code: string; ruleSetVersion: string; facts: Record<string, unknown>; explanation: Record<string, unknown> },
): Promise<Array<Record<string, unknown>>> {
  const ruleSet = ruleSets.find((r) => r.name === 'risk' && r.version === alert.ruleSetVersion);
  if (!ruleSet || !isRiskCode(alert.code)) return [];
  const parameters = (alert.explanation.parameters ?? {}) as RiskOverrides;
  const explained = await explainRisk(ruleSet, alert.facts as unknown as RiskFacts, parameters, alert.code);
  return explained.conditions as unknown as Array<Record<string, unknown>>;
}
