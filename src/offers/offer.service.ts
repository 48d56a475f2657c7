import type { Category } from '../../machines/events.ts';
import { findSettings } from '../municipalities/settings.repository.ts';
import { type RuleSet, selectRuleSet } from '../rules/rule-set.loader.ts';
import { restore } from '../../machines/journey.ts';
import type { Actor } from '../auth/actor.ts';
import { auditAs } from '../audit/audit-as.ts';
import type { Db } from '../db/database.ts';
import type { AppDeps } from '../deps.ts';
import type { JourneyRecord } from '../journeys/journey.repository.ts';
import { danishDate } from '../shared/clock.ts';
import { DomainError, invalidField } from '../shared/errors.ts';
import { isUniqueViolation } from '../shared/pg-errors.ts';
import { texts, textsEach } from '../shared/texts.ts';
import { categoryLabels } from '../visitation/questionnaire.ts';
import {
  type EducationInjunction,
  endInjunction,
  endOffer,
  findInjunction,
  findOffer,
  insertInjunction,
  insertOffer,
  listInjunctionsOfJourney,
  listOffersOfJourney,
  type Offer,
} from './offer.repository.ts';
import type { EndInjunctionInput, EndOfferInput, GiveInjunctionInput, RecordOfferInput } from './offer.schemas.ts';
import { journeyAs, readingAs } from '../shared/reads.ts';

type Deps = Pick<AppDeps, 'db' | 'clock'>;
type InjunctionDeps = Pick<AppDeps, 'db' | 'clock' | 'ruleSets'>;

/** The journey in the actor's municipality, open; not found or refused otherwise. */
async function openJourneyOf(trx: Db, actor: Actor, journeyId: string): Promise<JourneyRecord> {
  const journey = await journeyAs(trx, actor, journeyId);
  if (!journey) throw new DomainError('not_found');
  if (!journey.open) {
    throw new DomainError('event_not_accepted', {
      extra: { stage: journey.stage },
      fieldErrors: [{ field: 'journeyId', message: texts('offers.refusals.journeyClosed') }],
    });
  }
  return journey;
}

// ---------------------------------------------------------------------------------------------
// Offers recorded on their own
// ---------------------------------------------------------------------------------------------

/**
 * Records vejledning og opkvalificering (with its kind, e.g. brobygning), nytteindsats or a mentor
 * grant (with its hours a week and period). Every field that is wrong is reported at once.
 */
export async function recordOffer(
  deps: Deps,
  actor: Actor,
  journeyId: string,
  input: RecordOfferInput,
): Promise<Offer> {
  const fieldErrors = [
    ...(input.kind === 'guidance_upskilling' && !input.subtype
      ? [{ field: 'subtype', message: texts('offers.refusals.subtypeRequired') }]
      : []),
    ...(input.kind !== 'guidance_upskilling' && input.subtype
      ? [{ field: 'subtype', message: texts('offers.refusals.subtypeOnlyForGuidance') }]
      : []),
    ...(input.kind === 'mentor' && input.hoursPerWeek === undefined
      ? [{ field: 'hoursPerWeek', message: texts('offers.refusals.hoursRequiredForMentor') }]
      : []),
    ...(input.plannedEnd !== undefined && input.plannedEnd < input.startDate
      ? [{ field: 'plannedEnd', message: texts('offers.refusals.plannedEndBeforeStart') }]
      : []),
  ];
  if (fieldErrors.length > 0) throw new DomainError('validation_failed', { fieldErrors });
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const journey = await openJourneyOf(trx, actor, journeyId);
    const firstContact = danishDate(journey.firstContactAt);
    if (input.startDate < firstContact) {
      throw invalidField('startDate', 'offers.refusals.startBeforeFirstContact', { date: firstContact });
    }
    const offer = await insertOffer(trx, {
      municipalityId: actor.municipalityId,
      journeyId,
      youthId: journey.youthId,
      kind: input.kind,
      subtype: input.subtype ?? null,
      placementId: null,
      provider: input.provider ?? null,
      startDate: input.startDate,
      plannedEnd: input.plannedEnd ?? null,
      hoursPerWeek: input.hoursPerWeek ?? null,
      note: input.note ?? null,
      createdBy: actor.userId,
      createdAt: now,
    });
    // What was recorded, never the note: the log must not become a copy of the case file.
    await auditAs(trx, actor, 'offer.recorded', journey.youthId, {
      journeyId,
      offerId: offer.id,
      kind: offer.kind,
      startDate: offer.startDate,
    });
    return offer;
  });
}

/**
 * Ends an offer recorded on its own, made against its version. An offer that is a placement ends
 * with the placement (PLACEMENT_ENDED), so the two never disagree.
 */
export async function finishOffer(deps: Deps, actor: Actor, offerId: string, input: EndOfferInput): Promise<Offer> {
  const now = deps.clock();
  if (input.endedOn > danishDate(now)) throw invalidField('endedOn', 'offers.refusals.endInFuture');
  return deps.db.transaction().execute(async (trx) => {
    const offer = await findOffer(trx, actor.municipalityId, offerId);
    if (!offer) throw new DomainError('not_found');
    if (offer.placementId) {
      throw new DomainError('conflict', {
        fieldErrors: [{ field: 'offerId', message: texts('offers.refusals.placementOffer') }],
      });
    }
    if (offer.version !== input.version) {
      throw new DomainError('version_conflict', { extra: { currentVersion: offer.version } });
    }
    if (offer.endedOn) {
      throw new DomainError('conflict', {
        fieldErrors: [{ field: 'endedOn', message: texts('offers.refusals.alreadyEnded') }],
      });
    }
    if (input.endedOn < offer.startDate) {
      throw invalidField('endedOn', 'offers.refusals.endBeforeStart', { date: offer.startDate });
    }
    const ended = await endOffer(trx, actor.municipalityId, offerId, input.version, {
      endedOn: input.endedOn,
      cause: input.cause,
      now,
    });
    // Read, checked and ended in one transaction; a writer in between changed the version.
    if (!ended) throw new DomainError('version_conflict', { extra: { currentVersion: offer.version + 1 } });
    await auditAs(trx, actor, 'offer.ended', offer.youthId, {
      journeyId: offer.journeyId,
      offerId,
      endedOn: input.endedOn,
      cause: input.cause,
    });
    return ended;
  });
}

export async function offersOfJourney(deps: Deps, actor: Actor, journeyId: string): Promise<Offer[]> {
  return readingAs(deps.db, actor, async (trx) => {
    const journey = await journeyAs(trx, actor, journeyId);
    if (!journey) throw new DomainError('not_found');
    const offers = await listOffersOfJourney(trx, actor.municipalityId, journeyId);
    await auditAs(trx, actor, 'journey.read', journey.youthId, { journeyId, view: 'offers' });
    return offers;
  });
}

/** Refuses, as not found, an offer that is not the youth's (see requireJourneyOfYouth). Reads ids only. */
export async function requireOfferOfYouth(deps: Deps, actor: Actor, offerId: string, youthId: string) {
  const offer = await findOffer(deps.db, actor.municipalityId, offerId);
  if (!offer || offer.youthId !== youthId) throw new DomainError('not_found');
}

// ---------------------------------------------------------------------------------------------
// The education injunction (uddannelsespålæg)
// ---------------------------------------------------------------------------------------------

/** Whether the law of a visitation rule set lets a youth of this category be given an uddannelsespålæg. */
export function injunctionAllowed(visitationRuleSet: RuleSet, category: Category): boolean {
  return visitationRuleSet.categories.find((definition) => definition.code === category)?.educationInjunction === true;
}

/**
 * Gives an uddannelsespålæg (LAB § 30): only to a youth whose latest visitation category allows one
 * under the law in force in the municipality on the day it is given (the visitation rule set's
 * categories, `educationInjunction`; none from the 2027 act), and only one in force per journey.
 */
export async function giveInjunction(
  deps: InjunctionDeps,
  actor: Actor,
  journeyId: string,
  input: GiveInjunctionInput,
): Promise<EducationInjunction> {
  const now = deps.clock();
  if (input.givenOn > danishDate(now)) throw invalidField('givenOn', 'offers.refusals.givenInFuture');
  if (input.startBy !== undefined && input.startBy < input.givenOn) {
    throw invalidField('startBy', 'offers.refusals.startByBeforeGiven');
  }
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const journey = await openJourneyOf(trx, actor, journeyId);
      const snapshot = restore({ machineVersion: journey.machineVersion, snapshot: journey.snapshot as never });
      const category = snapshot.context.category;
      if (category === null) {
        throw invalidField('givenOn', 'offers.refusals.injunctionNotVisited');
      }
      const { lawSwitchDates } = await findSettings(trx, actor.municipalityId);
      const ruleSet = selectRuleSet(deps.ruleSets, 'visitation', input.givenOn, lawSwitchDates);
      if (!injunctionAllowed(ruleSet, category)) {
        throw new DomainError('validation_failed', {
          fieldErrors: [
            {
              field: 'givenOn',
              message: textsEach('offers.refusals.injunctionNotForCategory', (lang) => ({
                category: categoryLabels[category][lang],
                law: ruleSet.law.title[lang],
              })),
            },
          ],
        });
      }
      const firstContact = danishDate(journey.firstContactAt);
      if (input.givenOn < firstContact) {
        throw invalidField('givenOn', 'offers.refusals.givenBeforeFirstContact', { date: firstContact });
      }
      const inForce = (await listInjunctionsOfJourney(trx, actor.municipalityId, journeyId)).find(
        (i) => i.endedOn === null,
      );
      if (inForce) {
        throw new DomainError('conflict', {
          extra: { injunctionId: inForce.id },
          fieldErrors: [
            { field: 'givenOn', message: texts('offers.refusals.injunctionInForce', { date: inForce.givenOn }) },
          ],
        });
      }
      const injunction = await insertInjunction(trx, {
        municipalityId: actor.municipalityId,
        journeyId,
        youthId: journey.youthId,
        givenOn: input.givenOn,
        goal: input.goal,
        startBy: input.startBy ?? null,
        createdBy: actor.userId,
        createdAt: now,
      });
      await auditAs(trx, actor, 'education_injunction.given', journey.youthId, {
        journeyId,
        injunctionId: injunction.id,
        givenOn: injunction.givenOn,
      });
      return injunction;
    });
  } catch (error) {
    // Two injunctions given at once: the index of one in force per journey decides.
    if (isUniqueViolation(error)) {
      throw new DomainError('conflict', {
        fieldErrors: [{ field: 'givenOn', message: texts('offers.refusals.injunctionInForceNow') }],
      });
    }
    throw error;
  }
}

export async function finishInjunction(
  deps: Deps,
  actor: Actor,
  injunctionId: string,
  input: EndInjunctionInput,
): Promise<EducationInjunction> {
  const now = deps.clock();
  if (input.endedOn > danishDate(now)) throw invalidField('endedOn', 'offers.refusals.endInFuture');
  return deps.db.transaction().execute(async (trx) => {
    const injunction = await findInjunction(trx, actor.municipalityId, injunctionId);
    if (!injunction) throw new DomainError('not_found');
    if (injunction.version !== input.version) {
      throw new DomainError('version_conflict', { extra: { currentVersion: injunction.version } });
    }
    if (injunction.endedOn) {
      throw new DomainError('conflict', {
        fieldErrors: [{ field: 'endedOn', message: texts('offers.refusals.injunctionAlreadyEnded') }],
      });
    }
    if (input.endedOn < injunction.givenOn) {
      throw invalidField('endedOn', 'offers.refusals.injunctionEndBeforeGiven', { date: injunction.givenOn });
    }
    const ended = await endInjunction(trx, actor.municipalityId, injunctionId, input.version, input.endedOn, now);
    if (!ended) throw new DomainError('version_conflict', { extra: { currentVersion: injunction.version + 1 } });
    await auditAs(trx, actor, 'education_injunction.ended', injunction.youthId, {
      journeyId: injunction.journeyId,
      injunctionId,
      endedOn: input.endedOn,
    });
    return ended;
  });
}

export async function injunctionsOfJourney(
  deps: Deps,
  actor: Actor,
  journeyId: string,
): Promise<EducationInjunction[]> {
  return readingAs(deps.db, actor, async (trx) => {
    const journey = await journeyAs(trx, actor, journeyId);
    if (!journey) throw new DomainError('not_found');
    const injunctions = await listInjunctionsOfJourney(trx, actor.municipalityId, journeyId);
    await auditAs(trx, actor, 'journey.read', journey.youthId, { journeyId, view: 'education_injunctions' });
    return injunctions;
  });
}

/** Refuses, as not found, an injunction that is not the youth's. Reads ids only. */
export async function requireInjunctionOfYouth(deps: Deps, actor: Actor, injunctionId: string, youthId: string) {
  const injunction = await findInjunction(deps.db, actor.municipalityId, injunctionId);
  if (!injunction || injunction.youthId !== youthId) throw new DomainError('not_found');
}
