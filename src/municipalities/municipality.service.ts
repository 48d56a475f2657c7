import { appendAudit } from '../audit/audit.repository.ts';
import { hashPassword, oneTimePassword } from '../auth/password.ts';
import type { Db } from '../db/database.ts';
import { DomainError } from '../shared/errors.ts';
import { isUniqueViolation } from '../shared/pg-errors.ts';
import { insertUser, type User } from '../users/users.repository.ts';
import { emailInUse } from '../users/users.service.ts';
import {
  insertMunicipality,
  listMunicipalitySummaries,
  type Municipality,
  type MunicipalitySummary,
} from './municipality.repository.ts';
import type { CreateMunicipalityInput } from './municipality.schemas.ts';
import { texts } from '../shared/texts.ts';

export interface CreatedMunicipality {
  municipality: Municipality;
  admin: User;
  /** Shown once to whoever creates the municipality; only its hash is stored. */
  oneTimePassword: string;
}

const nameTaken = () =>
  new DomainError('conflict', {
    fieldErrors: [
      {
        field: 'name',
        message: texts('admin.refusals.municipalityNameTaken'),
      },
    ],
  });

const adminEmailTaken = () =>
  new DomainError('conflict', { fieldErrors: [{ field: 'adminEmail', message: emailInUse }] });

/**
 * Creates a municipality with the default settings and its first administrator, in one
 * transaction: a taken name or e-mail leaves nothing behind. The administrator gets a generated
 * one-time password, to be replaced at the first log-in; the administrator then creates the
 * municipality's other users in the application. Done by an operator at the command line, so
 * the audit entries name no acting user.
 */
export async function createMunicipality(db: Db, input: CreateMunicipalityInput): Promise<CreatedMunicipality> {
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  const created = await db.transaction().execute(async (trx) => {
    const municipality = await insertMunicipality(trx, input.name).catch(rethrowUniqueAs(nameTaken));
    const admin = await insertUser(trx, {
      municipalityId: municipality.id,
      email: input.adminEmail,
      name: input.adminName,
      role: 'admin',
      passwordHash,
      passwordMustChange: true,
    }).catch(rethrowUniqueAs(adminEmailTaken));
    const origin = { municipalityId: municipality.id, userId: null, ip: null, requestId: null };
    await appendAudit(trx, { ...origin, action: 'municipality.created', details: { name: municipality.name } });
    await appendAudit(trx, {
      ...origin,
      action: 'user.created',
      details: { targetUserId: admin.id, role: admin.role },
    });
    return { municipality, admin };
  });
  return { ...created, oneTimePassword: password };
}

export function listMunicipalities(db: Db): Promise<MunicipalitySummary[]> {
  return listMunicipalitySummaries(db);
}

/** A unique violation (the one a statement can give) as the error to show; anything else as it is. */
function rethrowUniqueAs(domainError: () => DomainError) {
  return (error: unknown): never => {
    throw isUniqueViolation(error) ? domainError() : error;
  };
}
