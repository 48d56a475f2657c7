import type { FastifyBaseLogger } from 'fastify';
import { appendAudit } from '../audit/audit.repository.ts';
import type { AuditPseudonyms } from '../audit/pseudonym.ts';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/database.ts';
import type { AppDeps } from '../deps.ts';
import { releaseAdvisoryLock, tryAdvisoryLock } from '../alerts/sweep-run.repository.ts';
import { SWEEP_LOCK_KEY } from '../alerts/sweep.service.ts';
import { listSettings } from '../municipalities/settings.repository.ts';
import { danishDate, startOfDanishDay } from '../shared/clock.ts';
import { addMonths } from '../shared/days.ts';
import { DomainError, invalidField } from '../shared/errors.ts';
import { texts } from '../shared/texts.ts';
import type { CprVault } from '../shared/crypto.ts';
import { findYouthById } from '../youth/youth.repository.ts';
import {
  allowErasure,
  anonymiseYouthData,
  auditRowsToPseudonymise,
  countAuditRowsToPseudonymise,
  deleteYouthData,
  findRetentionCandidates,
  lastAuditId,
  pseudonymiseAuditRows,
  type RetentionCandidate,
} from './retention.repository.ts';
import { scrubObject } from './scrub.ts';
import { youthAs } from '../shared/reads.ts';

/** A youth registered by mistake can be deleted this many days after registration, whatever was recorded. */
export const DELETABLE_DAYS = 30;

/** How many audit entries one call to the database's pseudonymisation handles. */
const AUDIT_BATCH = 500;

export interface RetentionDeps {
  db: Db;
  vault: CprVault;
  pseudonyms: AuditPseudonyms;
  clock: () => Date;
  log?: FastifyBaseLogger;
}

export interface MunicipalityRetention {
  municipalityId: string;
  /** Youth whose last journey closed before this day are anonymised. */
  personalDataBefore: string;
  youth: RetentionCandidate[];
  /** Audit entries written before this day are pseudonymised. */
  auditBefore: string;
  auditEntries: number;
}

export type RetentionOutcome =
  | { status: 'completed'; asOf: string; dryRun: boolean; municipalities: MunicipalityRetention[] }
  | { status: 'skipped'; reason: 'running_elsewhere' };

/** The day `years` before `day`; 29 February goes to 28 February. */
const yearsBefore = (day: string, years: number) => addMonths(day, -12 * years);

/**
 * The nightly retention run, as of a day: in every municipality, anonymises the youth whose last
 * journey closed longer ago than the municipality keeps personal data, and pseudonymises the audit
 * entries older than it keeps those. With `dryRun`, only reports what would go. Runs under the
 * sweep's advisory lock, so one instance does it, never at the same time as a sweep.
 */
export async function runRetention(
  deps: RetentionDeps,
  options: { asOf: string; dryRun: boolean },
): Promise<RetentionOutcome> {
  return deps.db.connection().execute(async (conn) => {
    if (!(await tryAdvisoryLock(conn, SWEEP_LOCK_KEY))) return { status: 'skipped', reason: 'running_elsewhere' };
    try {
      const municipalities: MunicipalityRetention[] = [];
      for (const m of await listSettings(conn)) {
        const personalDataBefore = yearsBefore(options.asOf, m.settings.retention.personalDataYears);
        const auditBefore = yearsBefore(options.asOf, m.settings.retention.auditYears);
        const youth = await findRetentionCandidates(conn, m.municipalityId, startOfDanishDay(personalDataBefore));
        const auditCutoff = startOfDanishDay(auditBefore);
        const auditEntries = await countAuditRowsToPseudonymise(conn, m.municipalityId, auditCutoff);
        municipalities.push({ municipalityId: m.municipalityId, personalDataBefore, youth, auditBefore, auditEntries });
        if (options.dryRun) continue;
        for (const candidate of youth) await anonymiseYouth(conn, deps, m.municipalityId, candidate, options.asOf);
        await pseudonymiseAudit(conn, deps.pseudonyms, m.municipalityId, auditCutoff);
        deps.log?.info(
          { municipalityId: m.municipalityId, anonymised: youth.length, auditEntries },
          'retention: personal data past its period removed',
        );
      }
      return { status: 'completed', asOf: options.asOf, dryRun: options.dryRun, municipalities };
    } finally {
      await releaseAdvisoryLock(conn, SWEEP_LOCK_KEY);
    }
  });
}

/** The youth's own details, which no string kept after anonymisation may be. */
function knownDetails(
  vault: CprVault,
  youth: {
    municipalityId: string;
    name: string;
    cprEncrypted: string;
    phone: string | null;
    email: string | null;
    address: string | null;
  },
): string[] {
  const cpr = youth.cprEncrypted ? vault.decrypt(youth.municipalityId, youth.cprEncrypted) : '';
  const words = [youth.name, youth.address ?? ''].flatMap((v) => v.split(/\s+/));
  return [
    youth.name,
    ...words,
    cpr,
    cpr ? `${cpr.slice(0, 6)}-${cpr.slice(6)}` : '',
    youth.phone ?? '',
    (youth.phone ?? '').replace(/\D/g, ''),
    youth.email ?? '',
    youth.address ?? '',
  ].filter((v) => v.length > 0);
}

async function anonymiseYouth(
  conn: Db,
  deps: RetentionDeps,
  municipalityId: string,
  candidate: RetentionCandidate,
  asOf: string,
): Promise<void> {
  await conn.transaction().execute(async (trx) => {
    const youth = await findYouthById(trx, municipalityId, candidate.youthId);
    if (!youth) return;
    await allowErasure(trx);
    await anonymiseYouthData(trx, municipalityId, youth.id, knownDetails(deps.vault, youth), deps.clock());
    await appendAudit(trx, {
      municipalityId,
      userId: null,
      action: 'youth.anonymised',
      youthId: youth.id,
      details: { asOf, lastJourneyClosedOn: danishDate(candidate.lastClosedAt) },
      ip: null,
      requestId: null,
    });
  });
}

/**
 * An entry's details as they stay after its retention period: the ids of youth shown become
 * their pseudonyms, and free text (a search's words, reasons) goes.
 */
export function pseudonymousDetails(
  pseudonyms: AuditPseudonyms,
  municipalityId: string,
  details: Record<string, unknown>,
): Record<string, unknown> {
  const { youthIds, youthId, ...rest } = details;
  const kept = scrubObject(rest, [], 'drop');
  const shown: unknown[] = Array.isArray(youthIds) ? youthIds : [];
  const ids = [...shown, ...(typeof youthId === 'string' ? [youthId] : [])];
  return ids.length > 0
    ? { ...kept, youthRefs: ids.map((id) => pseudonyms.youthRef(municipalityId, String(id))) }
    : kept;
}

async function pseudonymiseAudit(conn: Db, pseudonyms: AuditPseudonyms, municipalityId: string, cutoff: Date) {
  const upToId = await lastAuditId(conn);
  for (let afterId = '0'; ;) {
    const batch = await auditRowsToPseudonymise(conn, municipalityId, cutoff, { afterId, upToId }, AUDIT_BATCH);
    const last = batch.at(-1);
    if (!last) return;
    await pseudonymiseAuditRows(
      conn,
      municipalityId,
      cutoff,
      batch.map((row) => ({
        id: row.id,
        youthRef: row.youthId ? pseudonyms.youthRef(municipalityId, row.youthId) : null,
        details: pseudonymousDetails(pseudonyms, municipalityId, row.details),
      })),
    );
    afterId = last.id;
  }
}

// -------------------------------------------------------------------------------------------
// A leader's acts on one youth: legal hold, and deleting a youth registered by mistake
// -------------------------------------------------------------------------------------------

type Deps = Pick<AppDeps, 'db' | 'clock' | 'pseudonyms'>;

const REASON_MAX = 500;

function reasonOf(reason: string): string {
  const trimmed = reason.trim();
  if (trimmed.length === 0) throw invalidField('reason', 'retention.reasonRequired');
  if (trimmed.length > REASON_MAX) throw invalidField('reason', 'retention.reasonTooLong', { max: REASON_MAX });
  return trimmed;
}

async function youthForLeader(trx: Db, actor: Actor, youthId: string) {
  if (actor.role !== 'leader') throw new DomainError('forbidden');
  const youth = await youthAs(trx, actor, youthId);
  if (!youth) throw new DomainError('not_found');
  return youth;
}

/** Stores the hold (or, with null, its end) and logs it with its reason. */
async function recordHold(trx: Db, deps: Deps, actor: Actor, youthId: string, reason: string, placed: boolean) {
  const now = deps.clock();
  await trx
    .updateTable('youth')
    .set((eb) => ({
      legal_hold_reason: placed ? reason : null,
      legal_hold_at: placed ? now : null,
      legal_hold_by: placed ? actor.userId : null,
      version: eb('version', '+', 1),
      updated_at: now,
    }))
    .where('municipality_id', '=', actor.municipalityId)
    .where('id', '=', youthId)
    .execute();
  await appendAudit(trx, {
    municipalityId: actor.municipalityId,
    userId: actor.userId,
    action: placed ? 'youth.legal_hold_set' : 'youth.legal_hold_lifted',
    youthId,
    details: { reason },
    ip: actor.ip,
    requestId: actor.requestId,
  });
}

/** Puts the youth on legal hold: the retention job passes them by until it is lifted. */
export function placeLegalHold(deps: Deps, actor: Actor, youthId: string, reason: string): Promise<void> {
  const why = reasonOf(reason);
  return deps.db.transaction().execute(async (trx) => {
    const youth = await youthForLeader(trx, actor, youthId);
    if (youth.anonymisedAt)
      throw new DomainError('conflict', {
        fieldErrors: [{ field: 'reason', message: texts('retention.alreadyAnonymised') }],
      });
    await recordHold(trx, deps, actor, youthId, why, true);
  });
}

/** Lifts the youth's legal hold: the retention period applies again from the next night. */
export function liftLegalHold(deps: Deps, actor: Actor, youthId: string): Promise<void> {
  return deps.db.transaction().execute(async (trx) => {
    const youth = await youthForLeader(trx, actor, youthId);
    if (youth.legalHold) await recordHold(trx, deps, actor, youthId, youth.legalHold.reason, false);
  });
}

/**
 * Whether the youth may be deleted as registered by mistake: within DELETABLE_DAYS of the
 * registration, or with no journey past referral; never on legal hold.
 */
export async function deletableByMistake(db: Db, municipalityId: string, youthId: string, now: Date) {
  const youth = await findYouthById(db, municipalityId, youthId);
  if (!youth || youth.legalHold || youth.anonymisedAt) return false;
  const recent = now.getTime() - youth.createdAt.getTime() <= DELETABLE_DAYS * 86_400_000;
  if (recent) return true;
  const beyondReferral = await db
    .selectFrom('journey')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('youth_id', '=', youthId)
    .where('stage', '!=', 'referred')
    .executeTakeFirst();
  return beyondReferral === undefined;
}

/**
 * Deletes a youth registered by mistake, with everything recorded about them. The audit log
 * keeps the deletion under the youth's pseudonym (a keyed hash of the id), never the name.
 */
export function deleteYouthRegisteredByMistake(
  deps: Deps,
  actor: Actor,
  youthId: string,
  reason: string,
): Promise<void> {
  const why = reasonOf(reason);
  return deps.db.transaction().execute(async (trx) => {
    const youth = await youthForLeader(trx, actor, youthId);
    if (!(await deletableByMistake(trx, actor.municipalityId, youthId, deps.clock()))) {
      throw new DomainError('conflict', {
        fieldErrors: [
          {
            field: 'reason',
            message: youth.legalHold
              ? texts('retention.deleteOnHold')
              : texts('retention.notDeletable', { days: DELETABLE_DAYS }),
          },
        ],
      });
    }
    await allowErasure(trx);
    await deleteYouthData(trx, actor.municipalityId, youthId);
    await appendAudit(trx, {
      municipalityId: actor.municipalityId,
      userId: actor.userId,
      action: 'youth.deleted',
      youthId: null,
      youthRef: deps.pseudonyms.youthRef(actor.municipalityId, youthId),
      details: { reason: why, registeredOn: danishDate(youth.createdAt) },
      ip: actor.ip,
      requestId: actor.requestId,
    });
  });
}
