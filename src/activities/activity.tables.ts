import type { Generated } from 'kysely';
import type { ConversationMode } from '../../machines/events.ts';

export const activityKinds = ['conversation', 'mentor_contact', 'other_contact'] as const;
export type ActivityKind = (typeof activityKinds)[number];

/**
 * Who the conversation was with: the youth alone or a group. How it was held is its mode
 * (machines/events.ts, conversationModes). Until December 2026 'phone' was a kind of its own; those
 * rows are individual conversations by phone now (migration 20261207T0900-conversation-mode).
 */
export const conversationKinds = ['individual', 'group'] as const;
export type ConversationKind = (typeof conversationKinds)[number];

/** A conversation, mentor contact or other contact with a youth: recorded activity. */
export interface ActivityTable {
  id: Generated<string>;
  municipality_id: string;
  journey_id: string;
  youth_id: string;
  kind: ActivityKind;
  /** Only for conversations. */
  conversation_kind: ConversationKind | null;
  /**
   * How a conversation was held; null for other contact, and for conversations recorded before the
   * mode was asked (then not known: the form offered individual, group or phone).
   */
  conversation_mode: ConversationMode | null;
  /** An individual job conversation (LAB § 31 stk. 3), in any mode. */
  job_conversation: boolean;
  occurred_at: Date;
  note: string | null;
  recorded_by: string;
  recorded_at: Date;
}

export interface ActivityTables {
  activity: ActivityTable;
}
