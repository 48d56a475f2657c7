import { describe, expect, it } from 'vitest';
import { eventTypes, type JourneyEventType } from '../../machines/events.ts';
import { loadConfig } from '../../src/config.ts';
import type { Db } from '../../src/db/database.ts';
import { createAppDeps } from '../../src/deps.ts';
import { journeyEffects } from '../../src/journey-effects.ts';
import { type EffectInput, type JourneyEffectTable, runEffects } from '../../src/journeys/journey.effects.ts';

describe('the journey effects table', () => {
  it('has an entry for every event type of the journey machine, and for nothing else', () => {
    expect(Object.keys(journeyEffects).sort()).toEqual([...eventTypes].sort());
  });

  it('lists effects, each a function of the transaction and the event', () => {
    for (const type of eventTypes) {
      expect(Array.isArray(journeyEffects[type]), type).toBe(true);
      for (const effect of journeyEffects[type]) expect(typeof effect, type).toBe('function');
    }
  });

  it('is the table the app hands to the journey service', async () => {
    const deps = await createAppDeps({
      // createAppDeps hands the database on without using it.
      db: {} as Db,
      config: loadConfig({ LOG_LEVEL: 'silent' }),
      secret: 'unit-test-secret-for-cpr-keys-0123456789',
      ruleSets: [],
    });
    expect(deps.journeyEffects).toBe(journeyEffects);
  });
});

describe('running the effects of an event', () => {
  it("runs the event's own effects, one after the other in the order listed, and no other event's", async () => {
    const ran: string[] = [];
    const table = Object.fromEntries(
      eventTypes.map((type) => [
        type,
        ['first', 'second'].map((name) => async () => {
          await Promise.resolve();
          ran.push(`${type} ${name}`);
        }),
      ]),
    ) as unknown as JourneyEffectTable;
    const input = { command: { type: 'EXITED' } } as EffectInput<JourneyEventType>;

    await runEffects(table, {} as Db, input);

    expect(ran).toEqual(['EXITED first', 'EXITED second']);
  });
});
