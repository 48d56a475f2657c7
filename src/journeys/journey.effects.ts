import type { JourneyEvent, JourneyEventType } from '../../machines/events.ts';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/database.ts';
import { groupEffects } from '../groups/group.effects.ts';
import { programmeEffects } from '../programme/programme.effects.ts';
import type { JourneyRecord } from './journey.repository.ts';
import type { JourneyCommandInput, JourneyCommandOf } from './journey.schemas.ts';

/** What an effect learns about the event it follows. */
export interface EffectInput<T extends JourneyEventType> {
  actor: Actor;
  /** The journey as it was before the events (the row already carries the new stage). */
  journey: JourneyRecord;
  command: JourneyCommandOf<T>;
  event: Extract<JourneyEvent, { type: T }>;
  occurredAt: Date;
  now: Date;
}

/**
 * What an event does beyond the journey itself, in the same transaction: e.g. GROUP_ASSIGNED
 * adds a group membership, PLACEMENT_STARTED creates the placement row. An effect may refuse
 * (throw a DomainError), which rolls the event back.
 */
export type JourneyEffect<T extends JourneyEventType> = (trx: Db, input: EffectInput<T>) => Promise<void>;

export type JourneyEffects = { [T in JourneyEventType]?: JourneyEffect<T> };

/** Every feature's effects; each runs for the events it names. */
const providers: readonly JourneyEffects[] = [groupEffects, programmeEffects];

export async function runEffects(
  trx: Db,
  input: {
    actor: Actor;
    journey: JourneyRecord;
    command: JourneyCommandInput;
    event: JourneyEvent;
    occurredAt: Date;
    now: Date;
  },
): Promise<void> {
  for (const provider of providers) {
    const effect = provider[input.command.type] as JourneyEffect<JourneyEventType> | undefined;
    if (effect) await effect(trx, input);
  }
}
