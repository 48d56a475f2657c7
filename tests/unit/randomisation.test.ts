import { describe, expect, it } from 'vitest';
import { armForSeed, drawRandomisation } from '../../src/journeys/randomisation.ts';

describe('randomisation', () => {
  it('gives the same arm for the same seed', () => {
    const { seed, arm } = drawRandomisation(0.3);
    expect(armForSeed(seed, 0.3)).toBe(arm);
  });

  it.each([0.2, 0.5, 0.8])('puts about %s of 10,000 fixed seeds in the control group', (share) => {
    const control = Array.from({ length: 10_000 }, (_, i) => armForSeed(`seed-${i}`, share)).filter(
      (a) => a === 'control',
    );
    expect(control.length / 10_000).toBeGreaterThan(share - 0.02);
    expect(control.length / 10_000).toBeLessThan(share + 0.02);
  });
});
