import { type PlacementKind, placementKinds } from '../../machines/events.ts';
import { auditAs } from '../audit/audit-as.ts';
import type { Actor } from '../auth/actor.ts';
import type { AppDeps } from '../deps.ts';
import { progressionFactors, type ProgressionFactor } from '../progression/progression.factors.ts';
import { danishDate, startOfDanishDay } from '../shared/clock.ts';
import { csvCell, csvFile } from '../shared/csv.ts';
import { addDays } from '../shared/days.ts';
import { invalidField } from '../shared/errors.ts';
import {
  listDrawnJourneys,
  listEndings,
  listFollowUpStatuses,
  listPlacementSpans,
  listProgression,
} from './evaluation-export.repository.ts';

/**
 * The evaluation's data (seed 002; docs/exports.md): NExTWORK is evaluated as a randomised trial,
 * treatment against control, on job and education, weeks on benefit, weeks in internship and
 * earnings. A leader exports one pseudonymised row per journey drawn in a period; the researchers
 * join the rows to the register data the municipality hands over separately, by the pseudonym.
 *
 * A row holds codes, dates and numbers only: no name, no CPR number, no free text (not the
 * referral's reason, not the exit's note, not the kind of other support typed at exit).
 */

type Deps = Pick<AppDeps, 'db' | 'vault' | 'clock' | 'evaluationPseudonyms'>;

export interface EvaluationRow {
  pseudonym: string;
  arm: string;
  seed: string;
  referredOn: string;
  visitationOn: string;
  category: string;
  barriers: string[];
  returning: boolean;
  /** The journey's stage on the day of the export ('control', 'active', 'closed'...). */
  stage: string;
  exitOn: string | null;
  exitOutcome: string | null;
  withdrawnOn: string | null;
  /** Weeks in placements of each kind, to one decimal, up to the end of each or the day of the export. */
  weeksInPlacement: Record<PlacementKind, number>;
  /** The status recorded at each follow-up; null when none is recorded (not due yet, or not done). */
  followUp: { month3: string | null; month6: string | null; month12: string | null };
  progression: {
    firstOn: string | null;
    lastOn: string | null;
    first: Record<ProgressionFactor, number | null>;
    last: Record<ProgressionFactor, number | null>;
  };
}

export interface EvaluationRequest {
  from: string;
  to: string;
  evaluation: string;
  format: 'csv' | 'json';
}

export interface EvaluationExport {
  evaluation: string;
  from: string;
  to: string;
  exportedAt: Date;
  rows: EvaluationRow[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const DAY_MS = 86_400_000;

/** The rows of the journeys drawn from `from` to `to` (Danish days, both included); audited. */
export async function exportEvaluation(
  deps: Deps,
  actor: Actor,
  request: EvaluationRequest,
): Promise<EvaluationExport> {
  if (request.to < request.from) throw invalidField('to', 'exports.evaluation.toBeforeFrom');
  const evaluation = request.evaluation.trim().replace(/\s+/g, ' ');
  const now = deps.clock();
  const today = danishDate(now);
  const municipalityId = actor.municipalityId;
  const rows = await deps.db.transaction().execute(async (trx) => {
    const drawn = await listDrawnJourneys(
      trx,
      municipalityId,
      startOfDanishDay(request.from),
      startOfDanishDay(addDays(request.to, 1)),
    );
    const ids = drawn.map((d) => d.journeyId);
    const endings = await listEndings(trx, municipalityId, ids);
    const placements = await listPlacementSpans(trx, municipalityId, ids);
    const followUps = await listFollowUpStatuses(trx, municipalityId, ids);
    const measurements = await listProgression(trx, municipalityId, ids);
    await auditAs(trx, actor, 'evaluation.exported', null, {
      evaluation,
      from: request.from,
      to: request.to,
      format: request.format,
      rowCount: drawn.length,
    });
    return drawn.map((journey): EvaluationRow => {
      const payload = journey.visitation;
      const draw = payload.randomisation as { seed: string; arm: string };
      const exit = endings.find((e) => e.journeyId === journey.journeyId && e.type === 'EXITED');
      const withdrawal = endings.find((e) => e.journeyId === journey.journeyId && e.type === 'WITHDRAWN');
      const weeks = Object.fromEntries(placementKinds.map((kind) => [kind, 0])) as Record<PlacementKind, number>;
      for (const p of placements.filter((p) => p.journeyId === journey.journeyId)) {
        const end = p.endedAt ? danishDate(p.endedAt) : today;
        const days = Math.max(0, (Date.parse(end) - Date.parse(p.startDate)) / DAY_MS);
        weeks[p.kind] += days / 7;
      }
      const statusOf = (month: number) =>
        followUps.find((f) => f.journeyId === journey.journeyId && f.month === month)?.status ?? null;
      const own = measurements.filter((m) => m.journeyId === journey.journeyId);
      const scoreAt = (pick: 'first' | 'last') =>
        Object.fromEntries(
          progressionFactors.map((factor) => {
            const scored = own.filter((m) => m.scores[factor] !== null);
            const chosen = pick === 'first' ? scored[0] : scored.at(-1);
            return [factor, chosen?.scores[factor] ?? null];
          }),
        ) as Record<ProgressionFactor, number | null>;
      return {
        pseudonym: deps.evaluationPseudonyms.pseudonymOf(
          municipalityId,
          evaluation,
          deps.vault.decrypt(municipalityId, journey.cprEncrypted),
        ),
        arm: draw.arm,
        seed: draw.seed,
        referredOn: danishDate(journey.firstContactAt),
        visitationOn: danishDate(journey.visitationAt),
        category: String(payload.category),
        barriers: Array.isArray(payload.barriers) ? (payload.barriers as string[]) : [],
        returning: journey.returning,
        stage: journey.stage,
        exitOn: exit ? danishDate(exit.occurredAt) : null,
        exitOutcome: exit?.outcome ?? null,
        withdrawnOn: withdrawal ? danishDate(withdrawal.occurredAt) : null,
        weeksInPlacement: Object.fromEntries(placementKinds.map((k) => [k, round1(weeks[k])])) as Record<
          PlacementKind,
          number
        >,
        followUp: { month3: statusOf(3), month6: statusOf(6), month12: statusOf(12) },
        progression: {
          firstOn: own[0]?.measuredOn ?? null,
          lastOn: own.at(-1)?.measuredOn ?? null,
          first: scoreAt('first'),
          last: scoreAt('last'),
        },
      };
    });
  });
  return { evaluation, from: request.from, to: request.to, exportedAt: now, rows };
}

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * The columns of the CSV file: stable names in English (a codebook, the same whatever the
 * language of the page), values as codes (docs/exports.md lists them).
 */
export const evaluationColumns = [
  'pseudonym',
  'arm',
  'seed',
  'referred_on',
  'visitation_on',
  'category',
  'barriers',
  'returning',
  'stage',
  'exit_on',
  'exit_outcome',
  'withdrawn_on',
  ...placementKinds.map((kind) => `weeks_${kind}`),
  'follow_up_3_months',
  'follow_up_6_months',
  'follow_up_12_months',
  'progression_first_on',
  'progression_last_on',
  ...progressionFactors.map((factor) => `progression_first_${snake(factor)}`),
  ...progressionFactors.map((factor) => `progression_last_${snake(factor)}`),
] as const;

/** One line per row; numbers with a decimal point, so R, Stata and Python read them as they are. */
export function evaluationToCsv(rows: readonly EvaluationRow[]): string {
  const lines = rows.map((r) => [
    r.pseudonym,
    r.arm,
    r.seed,
    r.referredOn,
    r.visitationOn,
    r.category,
    r.barriers.join('|'),
    r.returning ? '1' : '0',
    r.stage,
    r.exitOn,
    r.exitOutcome,
    r.withdrawnOn,
    ...placementKinds.map((kind) => String(r.weeksInPlacement[kind])),
    r.followUp.month3,
    r.followUp.month6,
    r.followUp.month12,
    r.progression.firstOn,
    r.progression.lastOn,
    ...progressionFactors.map((factor) => r.progression.first[factor]),
    ...progressionFactors.map((factor) => r.progression.last[factor]),
  ]);
  return csvFile([[...evaluationColumns], ...lines].map((cells) => cells.map(csvCell)));
}
