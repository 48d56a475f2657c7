import { describe, expect, it } from 'vitest';
import { EvaluationPseudonyms, evaluationKey } from '../../src/exports/evaluation-pseudonym.ts';

const SECRET = 'a-server-secret-of-at-least-32-characters';
const municipality = '11111111-1111-4111-8111-111111111111';
const another = '22222222-2222-4222-8222-222222222222';

describe("the evaluation's pseudonyms", () => {
  const pseudonyms = new EvaluationPseudonyms(SECRET);

  it('gives one youth the same pseudonym in the same evaluation, whatever the case and spaces of its name', () => {
    const once = pseudonyms.pseudonymOf(municipality, 'NExTWORK 2026', '1505044001');
    expect(once).toMatch(/^[A-Z2-7]{26}$/);
    expect(pseudonyms.pseudonymOf(municipality, '  nextwork   2026 ', '1505044001')).toBe(once);
    expect(new EvaluationPseudonyms(SECRET).pseudonymOf(municipality, 'NExTWORK 2026', '1505044001')).toBe(once);
  });

  it('gives another pseudonym for another youth, evaluation, municipality or server secret', () => {
    const once = pseudonyms.pseudonymOf(municipality, 'NExTWORK 2026', '1505044001');
    const others = [
      pseudonyms.pseudonymOf(municipality, 'NExTWORK 2026', '1505044002'),
      pseudonyms.pseudonymOf(municipality, 'NExTWORK 2027', '1505044001'),
      pseudonyms.pseudonymOf(another, 'NExTWORK 2026', '1505044001'),
      new EvaluationPseudonyms(`${SECRET}!`).pseudonymOf(municipality, 'NExTWORK 2026', '1505044001'),
    ];
    expect(new Set([once, ...others]).size).toBe(5);
  });

  it('compares evaluation names as a person reads them', () => {
    expect(evaluationKey(' NExTWORK\t 2026 ')).toBe('nextwork 2026');
    expect(evaluationKey('Aarhus Ø')).toBe(evaluationKey('aarhus ø'));
  });
});
