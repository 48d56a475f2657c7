import type { Db } from '../db/database.ts';
import type { Role } from '../db/schema.ts';
import { hashPassword } from '../auth/password.ts';

export const DEMO_MUNICIPALITY = 'Demo Kommune';
export const DEMO_PASSWORD = 'ungeflow-demo';

export const demoUsers: ReadonlyArray<{ email: string; name: string; role: Role }> = [
  { email: 'leder@demo.dk', name: 'Lene Leder', role: 'leader' },
  { email: 'raadgiver@demo.dk', name: 'Rasmus Rådgiver', role: 'caseworker' },
  { email: 'raadgiver2@demo.dk', name: 'Rikke Rådgiver', role: 'caseworker' },
  { email: 'admin@demo.dk', name: 'Anders Admin', role: 'admin' },
];

/**
 * Creates the demo municipality and its users on a database that has no municipality yet.
 * Runs in one transaction, so a crash half-way leaves nothing and the next start tries again.
 * Returns false when there was something already (a second start seeds nothing).
 */
export async function seedDemo(db: Db): Promise<boolean> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('municipality').select('id').limit(1).executeTakeFirst();
    if (existing) return false;
    const municipality = await trx
      .insertInto('municipality')
      .values({ name: DEMO_MUNICIPALITY, settings: JSON.stringify({}) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('app_user')
      .values(
        demoUsers.map((u) => ({
          municipality_id: municipality.id,
          email: u.email,
          name: u.name,
          role: u.role,
          password_hash: passwordHash,
        })),
      )
      .execute();
    return true;
  });
}
