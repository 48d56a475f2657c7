import type { JourneyEvent, JourneyEventType } from '../../machines/events.ts';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/database.ts';
import type { ReferralSource } from '../db/schema.ts';
import { type EarlierBenefit, type JourneyRecord, markRegisteredByMistake } from './journey.repository.ts';
import type { JourneyCommandOf } from './journey.schemas.ts';

/** A journey to open for a youth who has no open journey: a referral, or a relapse after exit. */
export interface NewJourney {
  youthId: string;
  returning: boolean;
  /** What the caseworker recorded at referral; not asked when a follow-up opens the journey. */
  earlierBenefit?: EarlierBenefit | undefined;
  source: ReferralSource;
  reason: string;
  firstContactAt: Date;
  caseworkerId: string;
  /** Added to the audit entry of the opening, e.g. the journey the new one follows. */
  auditDetails?: Record<string, unknown>;
}

/** What an effect learns about the event it follows, and what it may do besides its own writes. */
export interface EffectInput<T extends JourneyEventType> {
  actor: Actor;
  /** The journey as it was before the events (the row already carries the new stage). */
  journey: JourneyRecord;
  command: JourneyCommandOf<T>;
  event: Extract<JourneyEvent, { type: T }>;
  occurredAt: Date;
  now: Date;
  /**
   * Opens another journey in the event's transaction, as the actor, the way the journey service
   * opens every journey. Handed in by the journey service, so an effect that opens a journey
   * (a relapse found at follow-up) does not depend on that service.
   */
  openJourney: (journey: NewJourney) => Promise<JourneyRecord>;
}

/**
 * Something an event does beyond the journey itself, in the same transaction: e.g. GROUP_ASSIGNED
 * adds a group membership, PLACEMENT_STARTED creates the placement row. An effect may refuse
 * (throw a DomainError), which rolls the event back.
 */
export type JourneyEffect<T extends JourneyEventType> = (trx: Db, input: EffectInput<T>) => Promise<void>;

/**
 * Every event type's effects, in the order they run; an empty list where an event changes only
 * the journey. Like `Record<JourneyEventType, JourneyEffect[]>`, it needs an entry for every event
 * type, so a new event without one does not compile; mapped over the types so that each entry's
 * effects are typed by their own event. The table itself is built with the app
 * (src/journey-effects.ts) and reaches the journey service through AppDeps.
 */
export type JourneyEffectTable = { readonly [T in JourneyEventType]: readonly JourneyEffect<T>[] };

/** Runs the event's effects one after the other, each seeing what the ones before it wrote. */
export async function runEffects(
  effects: JourneyEffectTable,
  trx: Db,
  input: EffectInput<JourneyEventType>,
): Promise<void> {
  // The command's type picks the entry, so each effect gets the input of the event it was listed for.
  const listed = effects[input.command.type] as readonly JourneyEffect<JourneyEventType>[];
  for (const effect of listed) await effect(trx, input);
}

/** A journey withdrawn as registered by mistake is marked so: it makes no one returning later. */
export async function markWithdrawnByMistake(trx: Db, input: EffectInput<'WITHDRAWN'>): Promise<void> {
  if (input.event.registeredByMistake === true)
    await markRegisteredByMistake(trx, input.actor.municipalityId, input.journey.id);
}
