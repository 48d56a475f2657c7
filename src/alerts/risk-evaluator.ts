import type { Db } from '../db/database.ts';
import { municipalitySettingsSchema } from '../municipalities/settings.schemas.ts';
import { type RuleSet, selectRuleSet } from '../rules/rule-set.loader.ts';
import { compileRuleSet, type CompiledRuleSet, evaluateCompiled } from '../risk/risk.compile.ts';
import { explainRisk } from '../risk/risk.evaluate.ts';
import type { RiskCode } from '../risk/risk.codes.ts';
import { withDerivedFacts } from '../risk/risk.facts.ts';
import { effectiveRiskParameters, type RiskOverrides, type RiskParameters } from '../risk/risk.overrides.ts';
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
  let query = db.selectFrom('municipality').select(['id', 'settings']);
  if (municipalityIds) query = query.where('id', 'in', municipalityIds.length ? municipalityIds : ['']);
  const rows = municipalityIds?.length === 0 ? [] : await query.execute();
  const overrides = new Map<string, RiskOverrides>();
  const parameters = new Map<string, RiskParameters>();
  for (const row of rows) {
    const risk = municipalitySettingsSchema.parse(row.settings).risk;
    overrides.set(row.id, risk);
    parameters.set(row.id, effectiveRiskParameters(ruleSet, risk));
  }
  const defaults = effectiveRiskParameters(ruleSet, {});
  const parametersFor = (municipalityId: string) => parameters.get(municipalityId) ?? defaults;
  return {
    ruleSetVersion: ruleSet.version,
    overridesOf: (municipalityId) => overrides.get(municipalityId) ?? {},
    parametersFor,
    fired: (facts, params) => evaluateCompiled(compiled, withDerivedFacts(facts, params as RiskParameters), params),
    async explain(facts, _params, code, municipalityId) {
      const explanation = await explainRisk(ruleSet, facts, overrides.get(municipalityId) ?? {}, code as RiskCode);
      return {
        severity: explanation.severity,
        leader: explanation.leader,
        explanation: {
          message: explanation.message,
          source: explanation.source,
          conditions: explanation.conditions,
        },
      };
    },
  };
}
