import type { Db } from '../db/database.ts';

/** The last risk sweep that completed, as the metrics show it. */
export interface CompletedSweep {
  finishedAt: Date;
  durationSeconds: number;
  journeys: number;
  opened: number;
}

/**
 * The last completed sweep and when a sweep last failed, read from sweep_run: every instance
 * records its sweeps there, so any instance that is scraped tells the same.
 */
export async function lastSweeps(db: Db): Promise<{ completed: CompletedSweep | null; failedAt: Date | null }> {
  const [completed, failed] = await Promise.all([
    db
      .selectFrom('sweep_run')
      .select(['started_at', 'finished_at', 'journeys', 'opened'])
      .where('finished_at', 'is not', null)
      .where('error', 'is', null)
      .orderBy('started_at', 'desc')
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('sweep_run')
      .select('finished_at')
      .where('error', 'is not', null)
      .orderBy('started_at', 'desc')
      .limit(1)
      .executeTakeFirst(),
  ]);
  return {
    completed:
      completed?.finished_at != null
        ? {
            finishedAt: completed.finished_at,
            durationSeconds: (completed.finished_at.getTime() - completed.started_at.getTime()) / 1000,
            journeys: completed.journeys,
            opened: completed.opened,
          }
        : null,
    failedAt: failed?.finished_at ?? null,
  };
}
