import { createHash, randomBytes } from 'node:crypto';
import type { RandomisationArm } from '../../machines/events.ts';

/**
 * The evaluation draw (Rockwool Fonden: the NExTWORK evaluation summary (2025)): the arm follows from the seed alone, so anyone holding the
 * recorded seed can reproduce the draw and check it was not steered.
 */
export function armForSeed(seed: string, controlShare: number): RandomisationArm {
  const digest = createHash('sha256').update(seed).digest();
  const uniform = digest.readUInt32BE(0) / 0x1_0000_0000;
  return uniform < controlShare ? 'control' : 'treatment';
}

export function drawRandomisation(controlShare: number): { seed: string; arm: RandomisationArm } {
  const seed = randomBytes(16).toString('hex');
  return { seed, arm: armForSeed(seed, controlShare) };
}
