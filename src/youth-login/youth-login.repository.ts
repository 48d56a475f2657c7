import type { Db } from '../db/database.ts';
import type { InvitationChannel, YouthLoginMethod } from './youth-login.tables.ts';

/** A device a youth is logged in on, as the youth's list of devices shows it. */
export interface YouthDevice {
  /** The session's id is the hash of the cookie's token: never shown; the list refers to devices by their order. */
  device: string;
  method: YouthLoginMethod;
  createdAt: Date;
  lastUsedAt: Date;
  expiresAt: Date;
  /** The device this list is read on. */
  current: boolean;
}

/** The youth behind a live session (not expired, youth not anonymised). */
export interface SessionYouth {
  youthId: string;
  municipalityId: string;
  lastUsedAt: Date;
}

export async function insertYouthSession(
  db: Db,
  session: {
    id: string;
    municipalityId: string;
    youthId: string;
    method: YouthLoginMethod;
    device: string;
    now: Date;
    expiresAt: Date;
  },
): Promise<void> {
  await db
    .insertInto('youth_session')
    .values({
      id: session.id,
      municipality_id: session.municipalityId,
      youth_id: session.youthId,
      method: session.method,
      device: session.device,
      created_at: session.now,
      last_used_at: session.now,
      expires_at: session.expiresAt,
    })
    .execute();
}

export async function findYouthBySession(db: Db, sessionId: string, now: Date): Promise<SessionYouth | undefined> {
  const row = await db
    .selectFrom('youth_session')
    .innerJoin('youth', 'youth.id', 'youth_session.youth_id')
    .select(['youth_session.youth_id', 'youth_session.municipality_id', 'youth_session.last_used_at'])
    .where('youth_session.id', '=', sessionId)
    .where('youth_session.expires_at', '>', now)
    .where('youth.anonymised_at', 'is', null)
    .executeTakeFirst();
  return row ? { youthId: row.youth_id, municipalityId: row.municipality_id, lastUsedAt: row.last_used_at } : undefined;
}

export async function touchYouthSession(db: Db, sessionId: string, now: Date): Promise<void> {
  await db.updateTable('youth_session').set({ last_used_at: now }).where('id', '=', sessionId).execute();
}

export async function deleteYouthSession(db: Db, municipalityId: string, sessionId: string): Promise<void> {
  await db
    .deleteFrom('youth_session')
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', sessionId)
    .execute();
}

/** Ends every session of the youth; how many there were. */
export async function deleteYouthSessions(db: Db, municipalityId: string, youthId: string): Promise<number> {
  const result = await db
    .deleteFrom('youth_session')
    .where('municipality_id', '=', municipalityId)
    .where('youth_id', '=', youthId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function listYouthDevices(
  db: Db,
  municipalityId: string,
  youthId: string,
  currentSessionId: string,
  now: Date,
): Promise<YouthDevice[]> {
  const rows = await db
    .selectFrom('youth_session')
    .select(['id', 'device', 'method', 'created_at', 'last_used_at', 'expires_at'])
    .where('municipality_id', '=', municipalityId)
    .where('youth_id', '=', youthId)
    .where('expires_at', '>', now)
    .orderBy('last_used_at', 'desc')
    .execute();
  return rows.map((row) => ({
    device: row.device,
    method: row.method,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    expiresAt: row.expires_at,
    current: row.id === currentSessionId,
  }));
}

export async function insertInvitation(
  db: Db,
  invitation: {
    municipalityId: string;
    youthId: string;
    tokenHash: string;
    channel: InvitationChannel;
    invitedBy: string | null;
    now: Date;
    expiresAt: Date;
  },
): Promise<{ id: string }> {
  return db
    .insertInto('youth_invitation')
    .values({
      municipality_id: invitation.municipalityId,
      youth_id: invitation.youthId,
      token_hash: invitation.tokenHash,
      channel: invitation.channel,
      invited_by: invitation.invitedBy,
      created_at: invitation.now,
      expires_at: invitation.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** An invitation as found by its link, used or not. */
export interface FoundInvitation {
  id: string;
  municipalityId: string;
  youthId: string;
  expiresAt: Date;
  usedAt: Date | null;
  youthAnonymised: boolean;
}

export async function findInvitationByToken(db: Db, tokenHash: string): Promise<FoundInvitation | undefined> {
  const row = await db
    .selectFrom('youth_invitation')
    .innerJoin('youth', 'youth.id', 'youth_invitation.youth_id')
    .select([
      'youth_invitation.id',
      'youth_invitation.municipality_id',
      'youth_invitation.youth_id',
      'youth_invitation.expires_at',
      'youth_invitation.used_at',
      'youth.anonymised_at',
    ])
    .where('youth_invitation.token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row
    ? {
        id: row.id,
        municipalityId: row.municipality_id,
        youthId: row.youth_id,
        expiresAt: row.expires_at,
        usedAt: row.used_at,
        youthAnonymised: row.anonymised_at !== null,
      }
    : undefined;
}

/**
 * Marks the invitation used, if it still is unused and live: one statement, so two devices opening
 * the same link at once cannot both log in. Whether this call was the one that used it.
 */
export async function useInvitation(db: Db, id: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('youth_invitation')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Withdraws an invitation whose message never left: its link can no longer log anyone in. */
export async function withdrawInvitation(db: Db, id: string, now: Date): Promise<void> {
  await db.updateTable('youth_invitation').set({ expires_at: now }).where('id', '=', id).execute();
}

/** A youth a CPR number's keyed hash points at, and whether they have an open journey. */
export interface YouthByCpr {
  youthId: string;
  municipalityId: string;
  hasOpenJourney: boolean;
}

/**
 * The youth (not anonymised) whose CPR number has one of these keyed hashes, one hash per
 * municipality: the hash binds the municipality (src/shared/crypto.ts), so a number is looked for
 * in every municipality by its hash there, and never decrypted.
 */
export async function findYouthByCprHashes(
  db: Db,
  hashes: ReadonlyArray<{ municipalityId: string; cprHash: string }>,
): Promise<YouthByCpr[]> {
  if (hashes.length === 0) return [];
  const rows = await db
    .selectFrom('youth')
    .select((eb) => [
      'youth.id',
      'youth.municipality_id',
      eb
        .exists(
          eb
            .selectFrom('journey')
            .select('journey.id')
            .whereRef('journey.youth_id', '=', 'youth.id')
            .whereRef('journey.municipality_id', '=', 'youth.municipality_id')
            .where('journey.open', '=', true),
        )
        .as('open'),
    ])
    .where((eb) =>
      eb.or(
        hashes.map((h) =>
          eb.and([eb('youth.municipality_id', '=', h.municipalityId), eb('youth.cpr_hash', '=', h.cprHash)]),
        ),
      ),
    )
    .where('youth.anonymised_at', 'is', null)
    .execute();
  return rows.map((row) => ({
    youthId: row.id,
    municipalityId: row.municipality_id,
    hasOpenJourney: Boolean(row.open),
  }));
}
