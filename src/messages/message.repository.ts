import type { Db } from '../db/database.ts';
import type { InvitationChannel } from '../youth-login/youth-login.tables.ts';
import type { MessageKind, MessageTransport } from './message.tables.ts';

/** A message as the outbox lists it. */
export interface SentMessage {
  id: string;
  youthId: string | null;
  youthName: string | null;
  kind: MessageKind;
  channel: InvitationChannel;
  recipient: string;
  subject: string | null;
  body: string;
  transport: MessageTransport;
  status: 'sent' | 'failed';
  error: string | null;
  createdAt: Date;
}

export async function insertMessage(
  db: Db,
  message: Omit<SentMessage, 'id' | 'youthName' | 'createdAt'> & { municipalityId: string; now: Date },
): Promise<string> {
  const row = await db
    .insertInto('outgoing_message')
    .values({
      municipality_id: message.municipalityId,
      youth_id: message.youthId,
      kind: message.kind,
      channel: message.channel,
      recipient: message.recipient,
      subject: message.subject,
      body: message.body,
      transport: message.transport,
      status: message.status,
      error: message.error,
      created_at: message.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The municipality's messages, newest first. */
export async function listMessages(
  db: Db,
  municipalityId: string,
  page: { limit: number; offset: number },
): Promise<{ items: SentMessage[]; total: number }> {
  const rows = await db
    .selectFrom('outgoing_message')
    .leftJoin('youth', 'youth.id', 'outgoing_message.youth_id')
    .select([
      'outgoing_message.id',
      'outgoing_message.youth_id',
      'youth.name as youth_name',
      'outgoing_message.kind',
      'outgoing_message.channel',
      'outgoing_message.recipient',
      'outgoing_message.subject',
      'outgoing_message.body',
      'outgoing_message.transport',
      'outgoing_message.status',
      'outgoing_message.error',
      'outgoing_message.created_at',
    ])
    .where('outgoing_message.municipality_id', '=', municipalityId)
    .orderBy('outgoing_message.created_at', 'desc')
    .orderBy('outgoing_message.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const count = await db
    .selectFrom('outgoing_message')
    .select((eb) => eb.fn.countAll<string | number>().as('total'))
    .where('municipality_id', '=', municipalityId)
    .executeTakeFirstOrThrow();
  return {
    total: Number(count.total),
    items: rows.map((row) => ({
      id: row.id,
      youthId: row.youth_id,
      youthName: row.youth_name,
      kind: row.kind,
      channel: row.channel,
      recipient: row.recipient,
      subject: row.subject,
      body: row.body,
      transport: row.transport,
      status: row.status,
      error: row.error,
      createdAt: row.created_at,
    })),
  };
}
