import type { EffectInput } from '../journeys/journey.effects.ts';
import { findContact } from '../companies/company.repository.ts';
import type { Db } from '../db/database.ts';
import { danishDate } from '../shared/clock.ts';
import { DomainError, invalidField } from '../shared/errors.ts';
import {
  countRunningPlacementsAt,
  endPlacement,
  endRunningPlacementOf,
  findPlacement,
  findPlacementCompany,
  insertPlacement,
} from './placement.repository.ts';
import { texts } from '../shared/texts.ts';

/**
 * PLACEMENT_STARTED creates the placement row under the id the journey service put on the event.
 * The company must be an active member of this municipality's company network with room for
 * one more youth; otherwise the event is refused and nothing is recorded.
 */
export async function startPlacement(trx: Db, input: EffectInput<'PLACEMENT_STARTED'>): Promise<void> {
  const { actor, journey, command, event, occurredAt, now } = input;
  const company = await findPlacementCompany(trx, actor.municipalityId, command.companyId);
  if (!company) {
    throw invalidField('companyId', 'placements.refusals.companyMissing');
  }
  if (!company.active) {
    throw invalidField('companyId', 'placements.refusals.companyInactive', { company: company.name });
  }
  if (command.contactId && !(await findContact(trx, actor.municipalityId, company.id, command.contactId))) {
    throw invalidField('contactId', 'placements.refusals.contactNotOfCompany');
  }
  const running = await countRunningPlacementsAt(trx, actor.municipalityId, company.id);
  if (running >= company.placementCapacity) {
    throw new DomainError('conflict', {
      extra: { placementCapacity: company.placementCapacity, runningPlacements: running },
      fieldErrors: [
        {
          field: 'companyId',
          message: texts('placements.refusals.companyFull', {
            company: company.name,
            running,
            capacity: company.placementCapacity,
          }),
        },
      ],
    });
  }
  const startDate = danishDate(occurredAt);
  if (command.plannedEnd !== undefined && command.plannedEnd < startDate) {
    throw invalidField('plannedEnd', 'placements.refusals.plannedEndBeforeStart');
  }
  await insertPlacement(trx, {
    id: event.placementId,
    municipalityId: actor.municipalityId,
    journeyId: journey.id,
    youthId: journey.youthId,
    companyId: company.id,
    kind: command.kind,
    startDate,
    plannedEnd: command.plannedEnd ?? null,
    hoursPerWeek: command.hoursPerWeek,
    contactId: command.contactId ?? null,
    chosenByYouth: command.chosenByYouth,
    createdBy: actor.userId,
    createdAt: now,
  });
}

/** PLACEMENT_ENDED ends the placement row the event names, with the caseworker's reason. */
export async function endNamedPlacement(trx: Db, input: EffectInput<'PLACEMENT_ENDED'>): Promise<void> {
  const { actor, journey, command, occurredAt, now } = input;
  const placement = await findPlacement(trx, actor.municipalityId, command.placementId);
  if (!placement || placement.journeyId !== journey.id) {
    // The machine only accepts the journey's current placement, which always has a row.
    throw new Error(`Placement ${command.placementId} of journey ${journey.id} has no row`);
  }
  if (danishDate(occurredAt) < placement.startDate) {
    throw invalidField('occurredAt', 'placements.refusals.endBeforeStart', { date: placement.startDate });
  }
  await endPlacement(trx, actor.municipalityId, journey.id, placement.id, {
    endedAt: occurredAt,
    reason: command.reason ?? null,
    cause: 'ended',
    now,
  });
}

/** EXITED ends a running placement (the machine ends it in the journey's context). */
export async function endRunningPlacementAtExit(trx: Db, input: EffectInput<'EXITED'>): Promise<void> {
  const { actor, journey, occurredAt, now } = input;
  await endRunningPlacementOf(trx, actor.municipalityId, journey.id, {
    endedAt: occurredAt,
    reason: null,
    cause: 'exited',
    now,
  });
}

/** A withdrawn journey leaves no placement running; the withdrawal's reason is the placement's. */
export async function endRunningPlacementOnWithdrawal(trx: Db, input: EffectInput<'WITHDRAWN'>): Promise<void> {
  const { actor, journey, command, occurredAt, now } = input;
  await endRunningPlacementOf(trx, actor.municipalityId, journey.id, {
    endedAt: occurredAt,
    reason: command.reason,
    cause: 'withdrawn',
    now,
  });
}
