/**
 * How long the passivity risk rules take per journey: json-rules-engine against the compiled
 * conditions, on the same random fact sets (checking on the way that both fire the same rules).
 *
 *   npm run bench:rules               100,000 fact sets
 *   npm run bench:rules -- 20000      another number
 *
 * Prints µs per fact set (wall clock, and CPU time of this process, which is steadier on a
 * machine that is busy with other work) and the speed-up.
 */
import { createEngine, loadRuleSets, selectRuleSet } from '../src/rules/rule-set.loader.ts';
import { stages } from '../machines/journey.ts';
import type { Stage } from '../machines/journey.ts';
import { compileRuleSet, evaluateCompiled } from '../src/risk/risk.compile.ts';
import { riskEvaluator } from '../src/risk/risk.evaluate.ts';
import { withDerivedFacts } from '../src/risk/risk.facts.ts';
import type { RiskFacts, RiskPlacementState } from '../src/risk/risk.facts.ts';
import { effectiveRiskParameters } from '../src/risk/risk.overrides.ts';

const count = Number(process.argv[2] ?? 100_000);
if (!Number.isInteger(count) || count < 1)
  throw new Error(`Usage: tsx bench/rules.ts [number of fact sets], got ${process.argv[2]}`);

/** mulberry32: the same fact sets on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const next = random(20261122);
const below = (n: number) => Math.floor(next() * n);
const pick = <T>(items: readonly T[]): T => items[below(items.length)] as T;
/** Mostly recent, sometimes long ago, sometimes not applicable. */
const days = () => (next() < 0.15 ? -1 : next() < 0.8 ? below(45) : below(400));

// Most open journeys are active; the rest spread over the other stages.
const stageWeights: Array<[Stage, number]> = stages.map((stage) => [stage, stage === 'active' ? 12 : 1]);
const totalWeight = stageWeights.reduce((sum, [, weight]) => sum + weight, 0);
function stage(): Stage {
  let r = next() * totalWeight;
  for (const [candidate, weight] of stageWeights) if ((r -= weight) < 0) return candidate;
  return 'active';
}

function factSet(): RiskFacts {
  const s = stage();
  const placementState: RiskPlacementState =
    s === 'active' ? pick(['exploring', 'placed', 'between'] as const) : 'none';
  return {
    stage: s,
    placementState,
    daysSinceFirstContact: days(),
    firstConversationHeld: next() < 0.8,
    daysSinceVisitation: days(),
    hasGroup: next() < 0.7,
    hasPlacement: placementState === 'placed',
    everPlaced: placementState !== 'exploring' || next() < 0.2,
    individualConversationsFirst6Months: below(6),
    missedMeetingsInRow: below(4),
    daysSinceLastActivity: days(),
    daysSincePlacementEnded: placementState === 'between' ? below(40) : -1,
    daysInGroup: days(),
    weeksBelowAgreedHours: placementState === 'placed' ? below(6) : 0,
    daysPastExpectedReturn: s === 'paused' ? below(20) : -1,
    daysSinceProgression: days(),
    daysFollowUpOverdue: s === 'followUp' ? below(30) : -1,
  };
}

const ruleSet = selectRuleSet(await loadRuleSets(), 'risk', new Date());
const compiled = compileRuleSet(ruleSet);
const parameters = effectiveRiskParameters(ruleSet);
const facts = Array.from({ length: count }, factSet);
const derived = facts.map((f) => withDerivedFacts(f, parameters));
// What json-rules-engine is given: the facts, the derived facts and the parameters as facts.
const engineFacts = derived.map((f) => ({ ...f, ...parameters }));

interface Timing {
  wallMs: number;
  cpuMs: number;
}
function measure(run: () => void): Timing {
  const cpu = process.cpuUsage();
  const start = performance.now();
  run();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}
async function measureAsync(run: () => Promise<void>): Promise<Timing> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await run();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}
const perFactSet = (ms: number) => (ms * 1000) / count;
const format = (us: number) => (us < 10 ? us.toFixed(3) : us.toFixed(1)).padStart(8);

// json-rules-engine, one engine for all fact sets, one fact set after the other (the issue
// measured Promise.all batches as slower).
const engine = createEngine(ruleSet);
const reference: string[][] = [];
const engineTiming = await measureAsync(async () => {
  for (const f of engineFacts) {
    const { results } = await engine.run(f);
    reference.push(results.map((result) => result.name));
  }
});

// Compiled, rules only, on the same facts with the derived ones added; the best of 5 passes
// (the first warms up).
let compiledResults: string[][] = [];
const rulesOnly: Timing[] = [];
for (let pass = 0; pass < 5; pass++) {
  rulesOnly.push(
    measure(() => {
      compiledResults = derived.map((f) => evaluateCompiled(compiled, f, parameters));
    }),
  );
}
// Compiled, end to end as the sweep calls it: derived facts, then the rules.
const evaluate = riskEvaluator(compiled);
const endToEnd: Timing[] = [];
for (let pass = 0; pass < 5; pass++) {
  endToEnd.push(
    measure(() => {
      for (const f of facts) evaluate(f);
    }),
  );
}

// The engine reports fired rules by priority set, then in the order they finished; compare as sets.
const sameRules = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();
const mismatches = reference.filter((codes, i) => !sameRules(codes, compiledResults[i] ?? [])).length;
const fired = reference.reduce((sum, codes) => sum + codes.length, 0);

const best = (timings: Timing[]) => ({
  wallMs: Math.min(...timings.map((t) => t.wallMs)),
  cpuMs: Math.min(...timings.map((t) => t.cpuMs)),
});
const rows: Array<[string, Timing]> = [
  ['json-rules-engine', engineTiming],
  ['compiled (rules only)', best(rulesOnly)],
  ['compiled (derived facts + rules)', best(endToEnd)],
];

console.log(
  `Risk rules (${ruleSet.rules.length} rules, rule set ${ruleSet.version}) on ${count.toLocaleString('en-GB')} random fact sets; ` +
    `${fired.toLocaleString('en-GB')} rules fired; node ${process.version}`,
);
console.log(`${'path'.padEnd(34)}${'µs/set wall'.padStart(12)}${'µs/set cpu'.padStart(12)}${'total s'.padStart(10)}`);
for (const [name, timing] of rows) {
  console.log(
    `${name.padEnd(34)}${format(perFactSet(timing.wallMs)).padStart(12)}${format(perFactSet(timing.cpuMs)).padStart(12)}${(timing.wallMs / 1000).toFixed(2).padStart(10)}`,
  );
}
const [, rulesBest, endBest] = rows.map(([, t]) => t) as [Timing, Timing, Timing];
console.log(
  `speed-up: ${(engineTiming.wallMs / rulesBest.wallMs).toFixed(0)}x (rules only), ` +
    `${(engineTiming.wallMs / endBest.wallMs).toFixed(0)}x (derived facts + rules), wall clock`,
);
console.log(
  mismatches === 0
    ? 'json-rules-engine and the compiled rules fired the same rules for every fact set.'
    : `MISMATCH: ${mismatches} fact sets fired different rules`,
);
if (mismatches > 0) process.exitCode = 1;
