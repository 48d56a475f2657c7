import type { Actor, RequestOrigin, YouthActor } from '../auth/actor.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { youthAudit } from '../audit/audit-as.ts';
import type { AppDeps } from '../deps.ts';
import type { Db } from '../db/database.ts';
import { listAllMunicipalities } from '../municipalities/municipality.repository.ts';
import { findSettings } from '../municipalities/settings.repository.ts';
import { hashToken, newToken } from '../shared/crypto.ts';
import type { Lang } from '../shared/i18n.ts';
import { DomainError, invalidField } from '../shared/errors.ts';
import { t, texts } from '../shared/texts.ts';
import { deviceOf } from './device.ts';
import {
  deleteYouthSession,
  deleteYouthSessions,
  findInvitationByToken,
  findYouthByCprHashes,
  findYouthBySession,
  insertInvitation,
  insertYouthSession,
  listYouthDevices,
  touchYouthSession,
  useInvitation,
  withdrawInvitation,
  type YouthDevice,
} from './youth-login.repository.ts';
import type { InvitationChannel, YouthLoginMethod } from './youth-login.tables.ts';
import type { BrokerAnswer, YouthOidcRefusal } from './youth-oidc.ts';
import { youthAs } from '../shared/reads.ts';

/** A one-time link works this long after it was sent, and once. */
export const INVITATION_HOURS = 24;
/** Where a one-time link leads: the token follows (src/app.ts keeps it out of the log). */
export const INVITATION_PATH = '/mit-forloeb/link/';

const YOUTH_SESSION_PREFIX = 'ufy_';
const INVITATION_PREFIX = 'ufi_';
/** How often a session's "last used" is written: once in a while is what the list of devices needs. */
const TOUCH_AFTER_MS = 5 * 60_000;

/** The first name, which is all a message says of who it is for. */
export function firstNameOf(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

/**
 * A caseworker invites a youth to Mit forløb: a one-time link, valid INVITATION_HOURS, goes to the
 * youth's phone by SMS or to their e-mail. The message holds the youth's first name and the link,
 * nothing else. The invitation is audited; a message that could not be sent is answered as such
 * (the link it held is never used, and the caseworker may send another).
 */
export async function inviteYouth(
  deps: Pick<AppDeps, 'db' | 'clock' | 'config' | 'messenger'>,
  actor: Actor,
  youthId: string,
  input: { channel: InvitationChannel; lang: Lang },
): Promise<{ channel: InvitationChannel; to: string }> {
  const { db, config, messenger } = deps;
  const now = deps.clock();
  const youth = await youthAs(db, actor, youthId);
  if (!youth || youth.anonymisedAt) throw new DomainError('not_found');
  const to = input.channel === 'sms' ? youth.phone : youth.email;
  if (!to) {
    throw invalidField('channel', input.channel === 'sms' ? 'myjourney.invite.noPhone' : 'myjourney.invite.noEmail');
  }
  const token = newToken(INVITATION_PREFIX);
  const invitation = await db.transaction().execute(async (trx) => {
    const created = await insertInvitation(trx, {
      municipalityId: actor.municipalityId,
      youthId,
      tokenHash: hashToken(token),
      channel: input.channel,
      invitedBy: actor.userId,
      now,
      expiresAt: new Date(now.getTime() + INVITATION_HOURS * 3_600_000),
    });
    await appendAudit(trx, {
      municipalityId: actor.municipalityId,
      userId: actor.userId,
      youthId,
      action: 'youth_login.invited',
      details: { channel: input.channel, invitationId: created.id },
      ip: actor.ip,
      requestId: actor.requestId,
    });
    return created;
  });
  const link = `${config.publicUrl}${INVITATION_PATH}${token}`;
  const values = { name: firstNameOf(youth.name), link, hours: INVITATION_HOURS };
  const { sent } = await messenger.send(
    db,
    {
      channel: input.channel,
      to,
      subject: t(input.lang, 'myjourney.invite.subject'),
      text: t(input.lang, input.channel === 'sms' ? 'myjourney.invite.sms' : 'myjourney.invite.email', values),
    },
    { municipalityId: actor.municipalityId, youthId, kind: 'invitation', secret: token },
    now,
  );
  if (!sent) {
    // Nothing half-done: the link that never arrived is withdrawn, and the audit says why.
    await db.transaction().execute(async (trx) => {
      await withdrawInvitation(trx, invitation.id, now);
      await appendAudit(trx, {
        municipalityId: actor.municipalityId,
        userId: actor.userId,
        youthId,
        action: 'youth_login.invitation_not_sent',
        details: { channel: input.channel, invitationId: invitation.id },
        ip: actor.ip,
        requestId: actor.requestId,
      });
    });
    throw new DomainError('message_not_sent', {
      extra: { invitationId: invitation.id },
      fieldErrors: [
        {
          field: 'channel',
          message: texts(input.channel === 'sms' ? 'myjourney.invite.smsNotSent' : 'myjourney.invite.emailNotSent', {
            to,
          }),
        },
      ],
    });
  }
  return { channel: input.channel, to };
}

/** A new device session: the cookie's token, and when it ends. */
export interface YouthLogin {
  sessionToken: string;
  expiresAt: Date;
  youthId: string;
}

/**
 * Logs the youth in on this device with the one-time link: the link is used up in the same
 * statement that checks it (two devices opening it at once cannot both log in), and a session lives
 * as long as the municipality's setting says. Every attempt is audited, refused ones with why.
 */
export async function logInWithLink(
  db: Db,
  token: string,
  origin: RequestOrigin & { userAgent: string | undefined },
  now: Date,
): Promise<YouthLogin> {
  const invitation = token.startsWith(INVITATION_PREFIX)
    ? await findInvitationByToken(db, hashToken(token))
    : undefined;
  const { userAgent, ...where } = origin;
  const refuse = async (reason: string) => {
    await appendAudit(db, {
      municipalityId: invitation?.municipalityId ?? null,
      userId: null,
      youthId: invitation?.youthId ?? null,
      action: 'youth_login.login_failed',
      details: { by: 'youth', method: 'link', reason, ...(invitation ? { invitationId: invitation.id } : {}) },
      ...where,
    });
    return new DomainError('link_invalid');
  };
  if (!invitation || invitation.youthAnonymised) throw await refuse('unknown_link');
  if (invitation.usedAt) throw await refuse('link_used');
  if (invitation.expiresAt <= now) throw await refuse('link_expired');

  const login = await db.transaction().execute(async (trx) => {
    // Used up meanwhile by another device: refused like a used link.
    if (!(await useInvitation(trx, invitation.id, now))) return undefined;
    return startYouthSession(trx, {
      municipalityId: invitation.municipalityId,
      youthId: invitation.youthId,
      method: 'link',
      userAgent,
      origin: where,
      now,
      details: { invitationId: invitation.id },
    });
  });
  if (!login) throw await refuse('link_used');
  return login;
}

/**
 * Logs the youth in on this device with MitID, from the broker's answer (src/youth-login/youth-oidc.ts):
 * the CPR number is looked for by its keyed hash in every municipality of the installation, and
 * must belong to exactly one youth with an open journey (decision 0017). Every attempt is audited
 * like the link's, refused ones with why; the CPR number is in no audit entry, log line or answer.
 */
export async function logInWithOidc(
  deps: Pick<AppDeps, 'db' | 'vault'>,
  answer: BrokerAnswer,
  origin: RequestOrigin & { userAgent: string | undefined },
  now: Date,
): Promise<{ ok: true; login: YouthLogin } | { ok: false; reason: YouthOidcRefusal }> {
  const { db, vault } = deps;
  const { userAgent, ...where } = origin;
  const refuse = async (reason: YouthOidcRefusal, youth?: { municipalityId: string; youthId: string }) => {
    await appendAudit(db, {
      municipalityId: youth?.municipalityId ?? null,
      userId: null,
      youthId: youth?.youthId ?? null,
      action: 'youth_login.login_failed',
      details: { by: 'youth', method: 'oidc', reason },
      ...where,
    });
    return { ok: false as const, reason };
  };
  if (!answer.ok) return refuse(answer.reason);

  const municipalities = await listAllMunicipalities(db);
  const found = await findYouthByCprHashes(
    db,
    municipalities.map((m) => ({ municipalityId: m.id, cprHash: vault.searchHash(m.id, answer.cprDigits) })),
  );
  const open = found.filter((youth) => youth.hasOpenJourney);
  if (open.length > 1) return refuse('ambiguous_cpr');
  const youth = open[0];
  if (!youth)
    return refuse(found.length > 0 ? 'no_open_journey' : 'unknown_cpr', found.length === 1 ? found[0] : undefined);

  const login = await db.transaction().execute((trx) =>
    startYouthSession(trx, {
      municipalityId: youth.municipalityId,
      youthId: youth.youthId,
      method: 'oidc',
      userAgent,
      origin: where,
      now,
    }),
  );
  return { ok: true, login };
}

/** Opens a device session for the youth and audits the log-in; inside the caller's transaction. */
export async function startYouthSession(
  trx: Db,
  login: {
    municipalityId: string;
    youthId: string;
    method: YouthLoginMethod;
    userAgent: string | undefined;
    origin: RequestOrigin;
    now: Date;
    details?: Record<string, unknown>;
  },
): Promise<YouthLogin> {
  const { now } = login;
  const settings = await findSettings(trx, login.municipalityId);
  const sessionToken = newToken(YOUTH_SESSION_PREFIX);
  const expiresAt = new Date(now.getTime() + settings.youthLogin.sessionDays * 86_400_000);
  await insertYouthSession(trx, {
    id: hashToken(sessionToken),
    municipalityId: login.municipalityId,
    youthId: login.youthId,
    method: login.method,
    device: deviceOf(login.userAgent),
    now,
    expiresAt,
  });
  await appendAudit(trx, {
    municipalityId: login.municipalityId,
    userId: null,
    youthId: login.youthId,
    action: 'youth_login.login_succeeded',
    details: { by: 'youth', method: login.method, ...login.details },
    ...login.origin,
  });
  return { sessionToken, expiresAt, youthId: login.youthId };
}

/** The youth behind a device cookie, or null when it is no live session. */
export async function authenticateYouth(
  db: Db,
  sessionToken: string,
  origin: RequestOrigin,
  now: Date,
): Promise<YouthActor | null> {
  if (!sessionToken.startsWith(YOUTH_SESSION_PREFIX)) return null;
  const sessionId = hashToken(sessionToken);
  const found = await findYouthBySession(db, sessionId, now);
  if (!found) return null;
  if (now.getTime() - found.lastUsedAt.getTime() > TOUCH_AFTER_MS) await touchYouthSession(db, sessionId, now);
  return { youthId: found.youthId, municipalityId: found.municipalityId, sessionId, ...origin };
}

/** Logs the youth out on this device. */
export async function logOutYouth(db: Db, youth: YouthActor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await deleteYouthSession(trx, youth.municipalityId, youth.sessionId);
    await appendAudit(trx, youthAudit(youth, 'youth_login.logout'));
  });
}

/** Logs the youth out on every device, this one too (a lost phone, a shared computer). */
export async function logOutEverywhere(db: Db, youth: YouthActor): Promise<{ devices: number }> {
  return db.transaction().execute(async (trx) => {
    const devices = await deleteYouthSessions(trx, youth.municipalityId, youth.youthId);
    await appendAudit(trx, youthAudit(youth, 'youth_login.logout_everywhere', { devices }));
    return { devices };
  });
}

export function listOwnDevices(db: Db, youth: YouthActor, now: Date): Promise<YouthDevice[]> {
  return listYouthDevices(db, youth.municipalityId, youth.youthId, youth.sessionId, now);
}
