import type { Actor } from '../auth/actor.ts';
import type { AppDeps } from '../deps.ts';
import { auditAs } from '../audit/audit-as.ts';
import { danishDate } from '../shared/clock.ts';
import { DomainError } from '../shared/errors.ts';
import {
  type DueFollowUp,
  type FollowUp,
  listFollowUpsOfJourney,
  listPendingFollowUps,
} from './follow-up.repository.ts';
import { journeyAs, readingAs } from '../shared/reads.ts';

type Deps = Pick<AppDeps, 'db' | 'clock'>;

/** The follow-ups still to be done, for the caseworker's overview; audited as a search. */
export async function findDueFollowUps(
  deps: Deps,
  actor: Actor,
  criteria: { due?: 'overdue' | 'upcoming' | undefined; caseworkerId?: string | undefined },
  page: { page: number; pageSize: number },
): Promise<{ items: DueFollowUp[]; total: number; today: string }> {
  const today = danishDate(deps.clock());
  return deps.db.transaction().execute(async (trx) => {
    const result = await listPendingFollowUps(
      trx,
      actor.municipalityId,
      { ...criteria, today },
      { limit: page.pageSize, offset: (page.page - 1) * page.pageSize },
    );
    await auditAs(trx, actor, 'journey.listed', null, {
      view: 'follow_ups',
      criteria: { ...criteria, ...page },
      resultCount: result.total,
      journeyIds: result.items.map((f) => f.journeyId),
    });
    return { ...result, today };
  });
}

export async function followUpsOfJourney(deps: Deps, actor: Actor, journeyId: string): Promise<FollowUp[]> {
  return readingAs(deps.db, actor, async (trx) => {
    const journey = await journeyAs(trx, actor, journeyId);
    if (!journey) throw new DomainError('not_found');
    const items = await listFollowUpsOfJourney(trx, actor.municipalityId, journeyId);
    await auditAs(trx, actor, 'journey.read', journey.youthId, { journeyId, view: 'follow_ups' });
    return items;
  });
}
