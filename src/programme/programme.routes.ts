import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { activityRoutes } from '../activities/activity.routes.ts';
import type { AppDeps } from '../deps.ts';
import { followUpRoutes } from '../followups/follow-up.routes.ts';
import { placementRoutes } from '../placements/placement.routes.ts';
import { progressionRoutes } from '../progression/progression.routes.ts';

/** Placements, activities, progression and follow-ups: what happens during and after a journey. */
export const programmeRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  await app.register(placementRoutes, { deps });
  await app.register(activityRoutes, { deps });
  await app.register(progressionRoutes, { deps });
  await app.register(followUpRoutes, { deps });
};
