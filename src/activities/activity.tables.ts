import type { Generated } from 'kysely';

export const activityKinds = ['conversation', 'mentor_contact', 'other_contact'] as const;
export type ActivityKind = (typeof activityKinds)[number];

export const conversationKinds = ['individual', 'group', 'phone'] as const;
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
  /** An individual job conversation (LAB § 31 stk. 3). */
  job_conversation: boolean;
  occurred_at: Date;
  note: string | null;
  recorded_by: string;
  recorded_at: Date;
}

export interface ActivityTables {
  activity: ActivityTable;
}
