import type { PlacementKind } from '../../machines/events.ts';
import type { CompanySector } from '../companies/company.tables.ts';
import { findCompany } from '../companies/company.repository.ts';
import type { Db } from '../db/database.ts';
import type { EffectInput } from '../journeys/journey.effects.ts';
import { danishDate } from '../shared/clock.ts';
import { endInjunctionOfJourney, endRunningOffers, insertOffer } from './offer.repository.ts';
import type { OfferKind } from './offer.tables.ts';

/**
 * The offer a placement is (docs/domain.md, glossary "offer"): an internship is virksomhedspraktik,
 * a wage subsidy løntilskud at a private or a public employer as the company is one. Paid ordinary
 * hours are work, not activation: no offer.
 */
export function offerKindOfPlacement(kind: PlacementKind, sector: CompanySector): OfferKind | null {
  switch (kind) {
    case 'internship':
      return 'internship';
    case 'wage_subsidy':
      return sector === 'public' ? 'wage_subsidy_public' : 'wage_subsidy_private';
    case 'paid_hours':
      return null;
  }
}

/**
 * PLACEMENT_STARTED records the offer the placement is, with the placement's day, planned end and
 * hours, in the event's transaction. Runs after the placement row is written.
 */
export async function offerFromPlacement(trx: Db, input: EffectInput<'PLACEMENT_STARTED'>): Promise<void> {
  const { actor, journey, command, event, occurredAt, now } = input;
  const company = await findCompany(trx, actor.municipalityId, command.companyId);
  // The placement effect before this one refused an unknown company.
  if (!company) throw new Error(`Placement ${event.placementId} has no company ${command.companyId}`);
  const kind = offerKindOfPlacement(command.kind, company.sector);
  if (kind === null) return;
  await insertOffer(trx, {
    municipalityId: actor.municipalityId,
    journeyId: journey.id,
    youthId: journey.youthId,
    kind,
    subtype: null,
    placementId: event.placementId,
    provider: company.name,
    startDate: danishDate(occurredAt),
    plannedEnd: command.plannedEnd ?? null,
    hoursPerWeek: command.hoursPerWeek,
    note: null,
    createdBy: actor.userId,
    createdAt: now,
  });
}

/** PLACEMENT_ENDED ends the placement's offer on the same day; the placement ran its course. */
export async function endOfferWithPlacement(trx: Db, input: EffectInput<'PLACEMENT_ENDED'>): Promise<void> {
  const { actor, command, occurredAt, now } = input;
  await endRunningOffers(
    trx,
    actor.municipalityId,
    { placementId: command.placementId },
    {
      endedOn: danishDate(occurredAt),
      cause: 'completed',
      now,
    },
  );
}

/**
 * At exit every running offer stops and the injunction is no longer in force: the youth has left
 * the benefit the offers were given on.
 */
export async function endOffersAtExit(trx: Db, input: EffectInput<'EXITED'>): Promise<void> {
  const { actor, journey, occurredAt, now } = input;
  const day = danishDate(occurredAt);
  await endRunningOffers(trx, actor.municipalityId, { journeyId: journey.id }, { endedOn: day, cause: 'stopped', now });
  await endInjunctionOfJourney(trx, actor.municipalityId, journey.id, day, now);
}

/** A withdrawn journey leaves no offer running and no injunction in force. */
export async function endOffersOnWithdrawal(trx: Db, input: EffectInput<'WITHDRAWN'>): Promise<void> {
  const { actor, journey, occurredAt, now } = input;
  const day = danishDate(occurredAt);
  await endRunningOffers(
    trx,
    actor.municipalityId,
    { journeyId: journey.id },
    { endedOn: day, cause: 'withdrawn', now },
  );
  await endInjunctionOfJourney(trx, actor.municipalityId, journey.id, day, now);
}
