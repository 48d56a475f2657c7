import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { openCommandDatabase } from '../db/command-database.ts';
import { riskOverridesSchema } from '../risk/risk.overrides.ts';
import { loadRuleSets } from '../rules/rule-set.loader.ts';
import { runBacktest } from './backtest.service.ts';
import { parameterNameOf } from './backtest.params.ts';
import { riskCodeLabels } from './alert.labels.ts';
import { isRiskCode } from '../risk/risk.codes.ts';

// npm run risk:backtest -- --from 2026-01-01 --to 2026-06-30 [--set passive.days=21] [--municipality <id>]
const { values } = parseArgs({
  options: {
    from: { type: 'string' },
    to: { type: 'string' },
    set: { type: 'string', multiple: true, default: [] },
    municipality: { type: 'string' },
  },
});
if (!values.from || !values.to) {
  console.error(
    'Usage: npm run risk:backtest -- --from YYYY-MM-DD --to YYYY-MM-DD [--set passive.days=21] [--municipality <id>]',
  );
  process.exit(2);
}
const set: Record<string, number> = {};
for (const assignment of values.set) {
  const [key, value] = assignment.split('=');
  if (!key || value === undefined || Number.isNaN(Number(value))) {
    console.error(`--set takes name=number, got "${assignment}"`);
    process.exit(2);
  }
  set[parameterNameOf(key)] = Number(value);
}
const overrides = riskOverridesSchema.safeParse(set);
if (!overrides.success) {
  console.error(`Invalid --set: ${overrides.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  process.exit(2);
}

const config = loadConfig(process.env);
const { db, close } = await openCommandDatabase(config);
try {
  const report = await runBacktest(db, await loadRuleSets(), {
    from: values.from,
    to: values.to,
    municipalityId: values.municipality,
    set: overrides.data,
  });
  console.log(
    `Backtest ${report.from} to ${report.to} (${report.days} days, ${report.journeys} journeys, rules ${report.ruleSetVersion}, ${report.millis} ms)`,
  );
  if (Object.keys(set).length) console.log(`Thresholds tried: ${JSON.stringify(set)}`);
  console.log('rule                          alerts opened   youth');
  for (const rule of report.rules) {
    const label = isRiskCode(rule.code) ? riskCodeLabels[rule.code].en : rule.code;
    console.log(
      `${rule.code.padEnd(30)}${String(rule.opened).padStart(13)}${String(rule.youth).padStart(8)}   ${label}`,
    );
  }
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await close();
}
