import type { Actor } from '../auth/actor.ts';
import type { AppDeps } from '../deps.ts';
import { noteJourneyActivity } from '../alerts/activity-facts.ts';
import type { InTheSameTransaction } from '../journeys/journey.service.ts';
import { auditAs } from '../audit/audit-as.ts';
import { DomainError, invalidField } from '../shared/errors.ts';
import { type Activity, type ActivityFilter, insertActivity, listActivities } from './activity.repository.ts';
import type { RecordActivityInput } from './activity.schemas.ts';
import { journeyAs, readingAs } from '../shared/reads.ts';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'ruleSets'>;

/**
 * Records a conversation, mentor contact or other contact. Each is recorded activity, so it
 * moves the journey's last activity (the passivity rules, docs/domain.md, "The rules").
 */
export async function recordActivity(
  deps: Deps,
  actor: Actor,
  journeyId: string,
  input: RecordActivityInput,
  options: InTheSameTransaction = {},
): Promise<Activity> {
  const now = deps.clock();
  const occurredAt = input.occurredAt ? new Date(input.occurredAt) : now;
  if (occurredAt > now) {
    throw invalidField('occurredAt', 'activities.refusals.timeInFuture');
  }
  const conversationKind = input.kind === 'conversation' ? input.conversationKind : null;
  const mode = input.kind === 'conversation' ? input.mode : null;
  const jobConversation = input.kind === 'conversation' && input.jobConversation;
  if (jobConversation && conversationKind !== 'individual') {
    // LAB § 31 stk. 3 counts individual job conversations only; in person, by phone or by video alike.
    throw invalidField('jobConversation', 'activities.refusals.onlyIndividualJobConversation');
  }
  return deps.db.transaction().execute(async (trx) => {
    const journey = await journeyAs(trx, actor, journeyId);
    if (!journey) throw new DomainError('not_found');
    if (!journey.open) throw new DomainError('event_not_accepted', { extra: { stage: journey.stage } });
    if (occurredAt < journey.firstContactAt) {
      throw invalidField('occurredAt', 'activities.refusals.timeBeforeFirstContact');
    }
    const note = input.note ?? null;
    const id = await insertActivity(trx, {
      municipalityId: actor.municipalityId,
      journeyId,
      youthId: journey.youthId,
      kind: input.kind,
      conversationKind,
      mode,
      jobConversation,
      occurredAt,
      note,
      recordedBy: actor.userId,
      recordedAt: now,
    });
    await noteJourneyActivity(trx, deps, actor.municipalityId, journeyId, occurredAt);
    // What was recorded, never the note: the log must not become a copy of the case file.
    await auditAs(trx, actor, 'activity.recorded', journey.youthId, {
      journeyId,
      activityId: id,
      kind: input.kind,
      ...(conversationKind ? { conversationKind, mode, jobConversation } : {}),
      occurredAt: occurredAt.toISOString(),
    });
    await options.alongside?.(trx);
    return {
      id,
      journeyId,
      kind: input.kind,
      conversationKind,
      mode,
      jobConversation,
      occurredAt,
      note,
      recordedBy: { id: actor.userId, name: actor.name },
      recordedAt: now,
    };
  });
}

export async function activitiesOfJourney(
  deps: Deps,
  actor: Actor,
  journeyId: string,
  filter: ActivityFilter,
  page: { page: number; pageSize: number },
): Promise<{ items: Activity[]; total: number }> {
  return readingAs(deps.db, actor, async (trx) => {
    const journey = await journeyAs(trx, actor, journeyId);
    if (!journey) throw new DomainError('not_found');
    const result = await listActivities(trx, actor.municipalityId, journeyId, filter, {
      limit: page.pageSize,
      offset: (page.page - 1) * page.pageSize,
    });
    await auditAs(trx, actor, 'journey.read', journey.youthId, {
      journeyId,
      view: 'activities',
      criteria: {
        kind: filter.kind,
        from: filter.from?.toISOString(),
        to: filter.to?.toISOString(),
        ...page,
      },
    });
    return result;
  });
}
