import type { ConversationMode } from '../../machines/events.ts';
import type { Db } from '../db/database.ts';
import type { ActivityKind, ConversationKind } from './activity.tables.ts';

export interface Activity {
  id: string;
  journeyId: string;
  kind: ActivityKind;
  conversationKind: ConversationKind | null;
  mode: ConversationMode | null;
  jobConversation: boolean;
  occurredAt: Date;
  note: string | null;
  recordedBy: { id: string; name: string };
  recordedAt: Date;
}

export interface NewActivity {
  municipalityId: string;
  journeyId: string;
  youthId: string;
  kind: ActivityKind;
  conversationKind: ConversationKind | null;
  mode: ConversationMode | null;
  jobConversation: boolean;
  occurredAt: Date;
  note: string | null;
  recordedBy: string;
  recordedAt: Date;
}

export async function insertActivity(db: Db, activity: NewActivity): Promise<string> {
  const row = await db
    .insertInto('activity')
    .values({
      municipality_id: activity.municipalityId,
      journey_id: activity.journeyId,
      youth_id: activity.youthId,
      kind: activity.kind,
      conversation_kind: activity.conversationKind,
      conversation_mode: activity.mode,
      job_conversation: activity.jobConversation,
      occurred_at: activity.occurredAt,
      note: activity.note,
      recorded_by: activity.recordedBy,
      recorded_at: activity.recordedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface ActivityFilter {
  kind?: ActivityKind | undefined;
  /** Occurred at or after. */
  from?: Date | undefined;
  /** Occurred before. */
  to?: Date | undefined;
}

/** A journey's activities, newest first. */
export async function listActivities(
  db: Db,
  municipalityId: string,
  journeyId: string,
  filter: ActivityFilter,
  page: { limit: number; offset: number },
): Promise<{ items: Activity[]; total: number }> {
  let query = db
    .selectFrom('activity')
    .innerJoin('app_user', 'app_user.id', 'activity.recorded_by')
    .where('activity.municipality_id', '=', municipalityId)
    .where('activity.journey_id', '=', journeyId);
  if (filter.kind) query = query.where('activity.kind', '=', filter.kind);
  if (filter.from) query = query.where('activity.occurred_at', '>=', filter.from);
  if (filter.to) query = query.where('activity.occurred_at', '<', filter.to);
  const rows = await query
    .select([
      'activity.id',
      'activity.journey_id',
      'activity.kind',
      'activity.conversation_kind',
      'activity.conversation_mode',
      'activity.job_conversation',
      'activity.occurred_at',
      'activity.note',
      'activity.recorded_by',
      'app_user.name as recorded_by_name',
      'activity.recorded_at',
    ])
    .orderBy('activity.occurred_at', 'desc')
    .orderBy('activity.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const count = await query.select((eb) => eb.fn.countAll<string | number>().as('total')).executeTakeFirstOrThrow();
  return {
    items: rows.map((r) => ({
      id: r.id,
      journeyId: r.journey_id,
      kind: r.kind,
      conversationKind: r.conversation_kind,
      mode: r.conversation_mode,
      jobConversation: r.job_conversation,
      occurredAt: r.occurred_at,
      note: r.note,
      recordedBy: { id: r.recorded_by, name: r.recorded_by_name },
      recordedAt: r.recorded_at,
    })),
    total: Number(count.total),
  };
}

/**
 * The individual job conversations recorded as contacts in [from, to), in person, by phone or by
 * video alike: with the first conversation (the journey's own step, counted by the risk facts)
 * these are what LAB § 31 stk. 3 counts (at least four in the first six months). Group
 * conversations, and individual conversations that were not job conversations, do not count.
 * For the conversations_behind risk rule.
 */
export async function individualConversationsBetween(
  db: Db,
  municipalityId: string,
  journeyId: string,
  from: Date,
  to: Date,
): Promise<number> {
  const row = await db
    .selectFrom('activity')
    .select((eb) => eb.fn.countAll<string | number>().as('held'))
    .where('municipality_id', '=', municipalityId)
    .where('journey_id', '=', journeyId)
    .where('kind', '=', 'conversation')
    .where('conversation_kind', '=', 'individual')
    .where('job_conversation', '=', true)
    .where('occurred_at', '>=', from)
    .where('occurred_at', '<', to)
    .executeTakeFirstOrThrow();
  return Number(row.held);
}
