import type { FastifyInstance } from 'fastify';
import { runSweep } from '../../src/alerts/sweep.service.ts';
import { loadRuleSets } from '../../src/rules/rule-set.loader.ts';
import type { TestContext } from './app.ts';
import { newGroup } from './factories.ts';
import { activityReadyVisitation, openJourney, sendEvent } from './journeys.ts';

const ruleSets = await loadRuleSets();

/** Runs the nightly sweep against the test app's database at the app's current time. */
export function sweep(ctx: TestContext) {
  return runSweep({ db: ctx.db, ruleSets, clock: ctx.clock }, 'manual');
}

type Headers = { cookie: string };

/** A journey taken to `active` in a new group, everything happening at the app's current time. */
export async function activeJourney(
  app: FastifyInstance,
  ctx: TestContext,
  unit: { municipality: { id: string }; caseworker: { id: string; headers: Headers } },
  youthId: string,
  firstContactAt: string,
) {
  const headers = unit.caseworker.headers;
  const journey = await openJourney(app, headers, youthId, { firstContactAt });
  await sendEvent(app, headers, journey.id, { type: 'FIRST_CONVERSATION_HELD', mode: 'in_person' });
  await sendEvent(app, headers, journey.id, activityReadyVisitation());
  const group = await newGroup(ctx.db, { municipalityId: unit.municipality.id, facilitatorId: unit.caseworker.id });
  const assigned = await sendEvent(app, headers, journey.id, {
    type: 'GROUP_ASSIGNED',
    canTakePart15HoursAWeek: true,
    groupId: group.id,
  });
  if (assigned.statusCode !== 201) throw new Error(`group assignment failed: ${assigned.body}`);
  return { journeyId: journey.id, groupId: group.id };
}

export const days = (n: number) => n * 86_400_000;
