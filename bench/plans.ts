/**
 * Renders 1,000 full plans ("Min plan", with logo, chart and two pages) one after another and
 * prints the time per plan. Target: median under 15 ms on the 2-core development machine.
 *
 *   npm run bench:plans
 */
import { renderPlanPdf } from '../src/plans/plan.document.ts';
import { samplePlan } from '../src/plans/plan.sample.ts';
import { loadPlanTemplate } from '../src/plans/plan.template.ts';
import type { PlanData } from '../src/plans/plan.types.ts';

const count = 1_000;
const warmUp = 20;

const firstNames = [
  'Søren',
  'Ærøe',
  'Åse',
  'Mikkel',
  'Fatima',
  'Jonas',
  'Zeynep',
  'Oliver',
  'Ida',
  'Mohammed',
  'Freja',
];
const lastNames = ['Åberg', 'Østergaard', 'Nielsen', 'Jørgensen', 'Hansen', 'Yılmaz', 'Pedersen', 'Kristensen', 'Bæk'];
const goals = [
  'Jeg vil være tømrer.',
  'Jeg vil tage en uddannelse som social- og sundhedshjælper, og jeg vil gerne prøve det af i en praktik først.',
  'Jeg vil have et arbejde på et lager, hvor jeg kan køre truck.',
  'Jeg vil færdiggøre 9. klasse og derefter søge ind på en erhvervsuddannelse.',
];

function planNumber(index: number): PlanData {
  const pick = <T>(list: readonly T[], salt: number): T => list[(index * 7 + salt) % list.length]!;
  const score = (salt: number) => 1 + ((index + salt) % 10);
  return samplePlan({
    youth: { name: `${pick(firstNames, 1)} ${pick(lastNames, 3)} ${pick(lastNames, 5)}`, birthDate: '2003-11-02' },
    goal: pick(goals, 2),
    progression: {
      belief_in_own_abilities: { first: score(1), latest: score(4) },
      self_rated_health: { first: score(2), latest: score(3) },
      network: { first: score(5), latest: score(7) },
      meaning_and_direction: { first: score(6), latest: score(9) },
      readiness_assessment: { first: score(8), latest: score(1) },
    },
  });
}

const template = await loadPlanTemplate('da');
const plans = Array.from({ length: count }, (_, index) => planNumber(index));

for (let index = 0; index < warmUp; index++) await renderPlanPdf(plans[index]!, template);

const times: number[] = [];
let bytes = 0;
const cpuBefore = process.cpuUsage();
const started = performance.now();
for (const plan of plans) {
  const start = performance.now();
  const pdf = await renderPlanPdf(plan, template);
  times.push(performance.now() - start);
  bytes += pdf.length;
}
const elapsed = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);

times.sort((a, b) => a - b);
const at = (fraction: number) => times[Math.min(times.length - 1, Math.ceil(fraction * times.length) - 1)]!;
console.log(`rendered ${count} plans (${warmUp} more to warm up first), ${Math.round(bytes / count / 1024)} KiB each`);
console.log(`median ${at(0.5).toFixed(2)} ms, p99 ${at(0.99).toFixed(2)} ms, max ${at(1).toFixed(2)} ms per plan`);
console.log(`${((count / elapsed) * 1000).toFixed(0)} plans/second`);
// CPU time is steadier than wall time on a shared machine: it leaves out waiting for a core.
console.log(
  `CPU ${((cpu.user + cpu.system) / 1000 / count).toFixed(2)} ms per plan (whole process, garbage collection included)`,
);
