import type { Generated } from 'kysely';
import type { InvitationChannel } from '../youth-login/youth-login.tables.ts';

/** What a message to a youth is for. */
export type MessageKind = 'invitation' | 'reminder';

/** How it left: the outbox itself (no gateway configured), an SMTP server, or an SMS gateway over HTTP. */
export type MessageTransport = 'outbox' | 'smtp' | 'http';

/** Every message Ungeflow sent a youth, and how it went. */
export interface OutgoingMessageTable {
  id: Generated<string>;
  municipality_id: string;
  youth_id: string | null;
  kind: MessageKind;
  channel: InvitationChannel;
  recipient: string;
  subject: string | null;
  body: string;
  transport: MessageTransport;
  status: 'sent' | 'failed';
  error: string | null;
  created_at: Generated<Date>;
}

export interface MessageTables {
  outgoing_message: OutgoingMessageTable;
}
