import { describe, expect, it } from 'vitest';
import { scrub } from '../../src/retention/scrub.ts';

describe('what stays of stored JSON when the personal data goes', () => {
  const payload = {
    type: 'EXITED',
    outcome: 'other_support',
    otherSupportType: 'psykiatri',
    note: 'ok',
    occurredAt: '2026-11-10T09:00:00.000Z',
    placementId: '6f1c2f0e-2b0a-4c55-9d0e-1a2b3c4d5e6f',
    hoursPerWeek: 12.5,
    barriers: ['mental_health', 'Angst efter flytning'],
    eligibility: { age: 22, recommendation: 'Anna bør tilbydes mentor', code: 'eligible' },
    wrote: 'Anna',
    digits: '1505044001',
  };

  it('keeps codes, ids, dates and numbers, and nothing typed by a person', () => {
    expect(scrub(payload, ['Anna', 'Testesen', '1505044001'])).toEqual({
      type: 'EXITED',
      outcome: 'other_support',
      otherSupportType: null,
      note: null,
      occurredAt: '2026-11-10T09:00:00.000Z',
      placementId: '6f1c2f0e-2b0a-4c55-9d0e-1a2b3c4d5e6f',
      hoursPerWeek: 12.5,
      barriers: ['mental_health', null],
      eligibility: { age: 22, recommendation: null, code: 'eligible' },
      wrote: null,
      digits: null,
    });
  });

  it('drops rather than blanks what goes, for the audit log', () => {
    expect(scrub({ criteria: { query: 'Anna Testesen', by: 'name', page: 1 }, resultCount: 2 }, [], 'drop')).toEqual({
      criteria: { by: 'name', page: 1 },
      resultCount: 2,
    });
  });
});
