import { RiskRefreshQueue } from '../alerts/activity-facts.ts';
import { runSweep } from '../alerts/sweep.service.ts';
import type { Actor } from '../auth/actor.ts';
import { hashPassword } from '../auth/password.ts';
import type { Role } from '../db/schema.ts';
import type { AppDeps } from '../deps.ts';
import { insertMunicipality } from '../municipalities/municipality.repository.ts';
import { withoutRiskRules } from '../rules/rule-set.loader.ts';
import { danishDate } from '../shared/clock.ts';
import { insertUser, listUsers } from '../users/users.repository.ts';
import { Calendar } from './calendar.ts';
import { countUnresolvedAlerts, hasContent, listMunicipalities } from './demo.repository.ts';
import { NameDrawer } from './people.ts';
import { Random } from './random.ts';
import { planYouth } from './stories.ts';
import { type DemoCounts, recordUnit } from './timeline.ts';
import { inviteYouth } from '../youth-login/youth-login.service.ts';

export const DEMO_MUNICIPALITY = 'Demo Kommune';
export const DEMO_PASSWORD = 'ungeflow-demo';

export const demoUsers: ReadonlyArray<{ email: string; name: string; role: Role }> = [
  { email: 'leder@demo.dk', name: 'Lene Leder', role: 'leader' },
  { email: 'raadgiver@demo.dk', name: 'Rasmus Rådgiver', role: 'caseworker' },
  { email: 'raadgiver2@demo.dk', name: 'Rikke Rådgiver', role: 'caseworker' },
  { email: 'admin@demo.dk', name: 'Anders Admin', role: 'admin' },
];

/** The demo unit is drawn from this seed, so every first start builds the same unit. */
const DEMO_SEED = 20_261_122;

export interface DemoSeedResult {
  counts: DemoCounts;
  /** Unresolved alerts after the start-up sweep, by rule code. */
  alerts: Record<string, number>;
  /** Youth sent a link to Mit forløb: the outbox (Administration -> Beskeder) holds their links. */
  invited: number;
  milliseconds: number;
}

/** Thrown when the demo content stops part-way; what was recorded stays (see seedDemo). */
export class DemoSeedError extends Error {
  constructor(cause: unknown) {
    super(`The demo content stopped part-way: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'DemoSeedError';
  }
}

/**
 * Creates the demo municipality on a database that has none, and fills it with a living unit:
 * 60 youth over every stage of the journey, six network groups with months of meetings and
 * attendance, 25 companies, match events, placements with hours, conversations, mentor
 * contacts, progression, exits and follow-ups, and youth who have gone passive. Everything but
 * the municipality and its users is recorded through the services, as the demo users, so every
 * effect, counter, audit entry and risk column is what the application itself would write.
 * A risk sweep afterwards opens the alerts the unit calls for.
 *
 * The services open their own transactions, so the seed is not one transaction. It is idempotent
 * instead: the municipality and its users are created in one transaction, and the content is
 * written only while the demo municipality has none (no youth, company or group). A start
 * interrupted before the content began (killed right after the users were created) fills it on
 * the next start. A start interrupted during the content keeps what was written, and the next
 * start, finding content, seeds nothing: the partial unit stays as it is and nothing is doubled.
 * An error during the content is thrown as DemoSeedError, which the server logs with that advice;
 * to seed afresh, delete the data folder (or the database). Two instances starting at once on one
 * PostgreSQL database do not both write the content: the first company has the same CVR number
 * in both, and the unique CVR number lets only one of them create it.
 *
 * Returns what was created, or null when nothing was (a second start seeds nothing).
 */
export async function seedDemo(deps: AppDeps): Promise<DemoSeedResult | null> {
  const started = performance.now();
  const municipalityId = await demoMunicipalityToFill(deps);
  if (!municipalityId) return null;

  const actors = await demoActors(deps, municipalityId);
  const rng = new Random(DEMO_SEED);
  const calendar = new Calendar(danishDate(deps.clock()), rng);
  const names = new NameDrawer(rng);
  let counts: DemoCounts;
  let invited: number;
  try {
    const youth = planYouth(calendar, rng, names);
    const seeding = { ...deps, ruleSets: withoutRiskRules(deps.ruleSets), riskRefresh: new RiskRefreshQueue() };
    counts = await recordUnit(seeding, actors, youth, calendar, rng, names);
    // Each journey's risk counters and check day once, as the last write left it.
    await seeding.riskRefresh.flush(seeding);
    await runSweep({ db: deps.db, ruleSets: deps.ruleSets, clock: deps.clock }, 'startup');
    invited = await inviteLivingYouth(deps, actors.caseworkers[0], municipalityId);
  } catch (error) {
    throw new DemoSeedError(error);
  }
  return {
    counts,
    invited,
    alerts: await countUnresolvedAlerts(deps.db, municipalityId),
    milliseconds: Math.round(performance.now() - started),
  };
}

/**
 * The demo municipality's id when its content is still to be written: just created, or created
 * by an earlier start that stopped before any content. Null when there is anything else.
 */
async function demoMunicipalityToFill(deps: AppDeps): Promise<string | null> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return deps.db.transaction().execute(async (trx) => {
    const existing = await listMunicipalities(trx);
    if (existing.length === 0) {
      const municipality = await insertMunicipality(trx, DEMO_MUNICIPALITY);
      // The demo password is printed for everyone to use: not one-time.
      for (const user of demoUsers) await insertUser(trx, { ...user, municipalityId: municipality.id, passwordHash });
      return municipality.id;
    }
    const [only] = existing;
    if (existing.length === 1 && only?.name === DEMO_MUNICIPALITY && !(await hasContent(trx, only.id))) return only.id;
    return null;
  });
}

/** The demo users as they act in the services; the log shows their records as made by the seed. */
async function demoActors(deps: AppDeps, municipalityId: string) {
  const users = await listUsers(deps.db, municipalityId);
  const actorFor = (email: string): Actor => {
    const user = users.find((u) => u.email === email);
    if (!user) throw new Error(`Demo user ${email} is missing`);
    return {
      userId: user.id,
      municipalityId,
      role: user.role,
      name: user.name,
      email: user.email,
      passwordMustChange: false,
      via: { kind: 'session', sessionId: 'demo-seed' },
      ip: null,
      requestId: 'demo-seed',
    };
  };
  return { caseworkers: [actorFor('raadgiver@demo.dk'), actorFor('raadgiver2@demo.dk')] as const };
}

/** How many youth the demo invites to Mit forløb. */
const DEMO_INVITATIONS = 3;

/**
 * Invites a few youth who are in a placement to Mit forløb by SMS, through the same service a
 * caseworker uses: with no gateway configured their links land in the outbox, where a new user of
 * the demo finds them (Administration -> Beskeder) and logs in as a youth with a living journey.
 * Where an SMS gateway is configured, none are sent.
 */
async function inviteLivingYouth(deps: AppDeps, caseworker: Actor, municipalityId: string): Promise<number> {
  // A configured gateway would send the demo's made-up numbers real messages.
  if (deps.messenger.transportOf('sms') !== 'outbox') return 0;
  const living = await deps.db
    .selectFrom('placement')
    .innerJoin('youth', 'youth.id', 'placement.youth_id')
    .select('youth.id')
    .distinct()
    .where('placement.municipality_id', '=', municipalityId)
    .where('placement.ended_at', 'is', null)
    .where('youth.phone', 'is not', null)
    .where('youth.anonymised_at', 'is', null)
    .orderBy('youth.id')
    .limit(DEMO_INVITATIONS)
    .execute();
  for (const youth of living) await inviteYouth(deps, caseworker, youth.id, { channel: 'sms', lang: 'da' });
  return living.length;
}

/**
 * The demo log-ins as the start-up log shows them: in the message itself, so they read the same in
 * a terminal and in a JSON log.
 */
export function describeDemoLogins(publicUrl: string): string {
  const users = demoUsers.map((u) => `${u.email} (${u.role})`).join(', ');
  return `Demo Kommune: log in at ${publicUrl} with the password "${DEMO_PASSWORD}" as ${users}`;
}

/** The one line the start-up log shows about the demo content. */
export function describeDemoSeed(result: DemoSeedResult): string {
  const c = result.counts;
  const alerts = Object.values(result.alerts).reduce((sum, n) => sum + n, 0);
  return (
    `Demo content: ${c.youth} youth (${c.journeys} journeys), ${c.groups} groups with ${c.groupMeetingsHeld} meetings held, ` +
    `${c.companies} companies (${c.contacts} contacts, ${c.companyMeetings} network meetings), ${c.matchEvents} match events, ` +
    `${c.placements} placements (${c.hoursLogged} weeks of hours), ${c.activities} conversations and contacts, ` +
    `${c.progressionMeasurements} progression measurements, ${c.followUpsRecorded} follow-ups, ${alerts} open alerts; ` +
    `${result.invited} youth invited to Mit forløb (their links are under Administration -> Beskeder); ` +
    `${(result.milliseconds / 1000).toFixed(1)} s`
  );
}
