import type { Actor } from '../auth/actor.ts';
import type { AppDeps } from '../deps.ts';
import { noteJourneyActivity } from '../alerts/activity-facts.ts';
import { auditAs } from '../audit/audit-as.ts';
import type { Text } from '../shared/i18n.ts';
import { danishDate } from '../shared/clock.ts';
import { DomainError, invalidField } from '../shared/errors.ts';
import { type ProgressionFactor, progressionFactorLabels, progressionFactors } from './progression.factors.ts';
import {
  insertMeasurement,
  listMeasurements,
  type ProgressionMeasurement,
  type Scores,
} from './progression.repository.ts';
import type { Assessor } from './progression.tables.ts';
import { journeyAs, readingAs } from '../shared/reads.ts';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'ruleSets'>;

export interface FactorPoint {
  score: number;
  measuredOn: string;
  assessedBy: Assessor;
}

export interface Progression {
  measurements: ProgressionMeasurement[];
  factors: Array<{
    factor: ProgressionFactor;
    label: Text;
    first: FactorPoint | null;
    latest: FactorPoint | null;
    change: number | null;
  }>;
}

export async function recordProgression(
  deps: Deps,
  actor: Actor,
  journeyId: string,
  input: { measuredOn?: string | undefined; assessedBy: Assessor; scores: Scores },
): Promise<ProgressionMeasurement> {
  const now = deps.clock();
  const today = danishDate(now);
  const measuredOn = input.measuredOn ?? today;
  const measured = progressionFactors.filter((f) => input.scores[f] !== undefined);
  if (measured.length === 0) {
    throw invalidField('scores', 'progression.refusals.scoreRequired');
  }
  if (input.scores.readiness !== undefined && input.assessedBy !== 'caseworker') {
    // STAR: Den gode ungeindsats i jobcentrene (2017), s. 29: readiness is the caseworker's assessment, beside the youth's own factors.
    throw invalidField('scores.readiness', 'progression.refusals.readinessByCaseworker');
  }
  if (measuredOn > today) {
    throw invalidField('measuredOn', 'progression.refusals.dateInFuture');
  }
  return deps.db.transaction().execute(async (trx) => {
    const journey = await journeyAs(trx, actor, journeyId);
    if (!journey) throw new DomainError('not_found');
    if (!journey.open) throw new DomainError('event_not_accepted', { extra: { stage: journey.stage } });
    if (measuredOn < danishDate(journey.firstContactAt)) {
      throw invalidField('measuredOn', 'progression.refusals.dateBeforeFirstContact');
    }
    const id = await insertMeasurement(trx, {
      municipalityId: actor.municipalityId,
      journeyId,
      youthId: journey.youthId,
      measuredOn,
      assessedBy: input.assessedBy,
      scores: input.scores,
      recordedBy: actor.userId,
      recordedAt: now,
    });
    // Which factors were measured, not the scores: self-rated health is health data.
    await auditAs(trx, actor, 'progression.recorded', journey.youthId, {
      journeyId,
      measurementId: id,
      measuredOn,
      assessedBy: input.assessedBy,
      factors: measured,
    });
    await noteJourneyActivity(trx, deps, actor.municipalityId, journeyId, null);
    return {
      id,
      journeyId,
      measuredOn,
      assessedBy: input.assessedBy,
      scores: Object.fromEntries(progressionFactors.map((f) => [f, input.scores[f] ?? null])) as Record<
        ProgressionFactor,
        number | null
      >,
      recordedBy: { id: actor.userId, name: actor.name },
      recordedAt: now,
    };
  });
}

export async function progressionOfJourney(deps: Deps, actor: Actor, journeyId: string): Promise<Progression> {
  return readingAs(deps.db, actor, async (trx) => {
    const journey = await journeyAs(trx, actor, journeyId);
    if (!journey) throw new DomainError('not_found');
    const measurements = await listMeasurements(trx, actor.municipalityId, journeyId);
    await auditAs(trx, actor, 'journey.read', journey.youthId, { journeyId, view: 'progression' });
    return { measurements, factors: progressionFactors.map((factor) => summarise(factor, measurements)) };
  });
}

/** The first and latest score of one factor, from measurements oldest first. */
function summarise(factor: ProgressionFactor, measurements: readonly ProgressionMeasurement[]) {
  const points: FactorPoint[] = [];
  for (const m of measurements) {
    const score = m.scores[factor];
    if (score !== null) points.push({ score, measuredOn: m.measuredOn, assessedBy: m.assessedBy });
  }
  const first = points[0] ?? null;
  const latest = points.at(-1) ?? null;
  return {
    factor,
    label: progressionFactorLabels[factor],
    first,
    latest,
    change: first && latest && points.length > 1 ? latest.score - first.score : null,
  };
}
