import { describe, expect, it } from 'vitest';
import { ageOn, looksLikeCpr, maskCpr, parseCpr, redactCpr } from '../../src/youth/cpr.ts';

const today = new Date('2026-11-22T12:00:00Z');

describe('parseCpr', () => {
  it.each([
    ['150504-4321', '2004-05-15', 'digit 4 with year <= 36 is the 2000s'],
    ['1505044321', '2004-05-15', 'ten digits without dash'],
    ['150504 4321', '2004-05-15', 'a space for the dash'],
    ['010203-1234', '1903-02-01', 'digits 0-3 are always the 1900s'],
    ['010240-4000', '1940-02-01', 'digit 4 with year >= 37 is the 1900s'],
    ['010257-5000', '2057-02-01', 'digits 5-8 with year <= 57 are the 2000s (here: in the future, checked below)'],
    ['010290-6000', '1890-02-01', 'digits 5-8 with year >= 58 are the 1800s'],
    ['010236-9000', '2036-02-01', 'digit 9 with year <= 36 is the 2000s (future)'],
    ['010299-9000', '1999-02-01', 'digit 9 with year >= 37 is the 1900s'],
    ['290200-4000', '2000-02-29', '29 February in a leap year'],
  ])('%s gives birth date %s (%s)', (text, birthDate) => {
    const result = parseCpr(text, new Date('2060-01-01'));
    expect(result).toEqual({ ok: true, cpr: { digits: text.replace(/[- ]/, ''), birthDate } });
  });

  it.each([
    ['310204-1234', 'cpr_invalid_date', '31 February'],
    ['290201-4000', 'cpr_invalid_date', '29 February in a common year'],
    ['001304-4000', 'cpr_invalid_date', 'day 0, month 13'],
    ['150504-432', 'cpr_format', 'nine digits'],
    ['150504-43210', 'cpr_format', 'eleven digits'],
    ['15O504-4321', 'cpr_format', 'a letter O for a zero'],
    ['150504_4321', 'cpr_format', 'an underscore for a dash'],
    ['', 'cpr_format', 'empty'],
    ['010130-5000', 'cpr_in_future', 'born in 2030'],
  ])('%s is rejected as %s (%s)', (text, problem) => {
    expect(parseCpr(text, today)).toEqual({ ok: false, problem });
  });
});

describe('CPR helpers', () => {
  it('masks the serial number', () => {
    expect(maskCpr('1505044321')).toBe('150504-XXXX');
  });

  it('recognises CPR-shaped search text only', () => {
    expect(looksLikeCpr('150504-4321')).toBe(true);
    expect(looksLikeCpr(' 1505044321 ')).toBe(true);
    expect(looksLikeCpr('Mads')).toBe(false);
    expect(looksLikeCpr('15050443')).toBe(false);
  });

  it('redacts CPR numbers in free text, also URL-encoded, and leaves other numbers alone', () => {
    expect(redactCpr('/api/youth?query=1505044321&page=2')).toBe('/api/youth?query=150504-XXXX&page=2');
    expect(redactCpr('cpr 150504-4321.')).toBe('cpr 150504-XXXX.');
    expect(redactCpr('q=150504%2D4321')).toBe('q=150504-XXXX');
    expect(redactCpr('q=150504%204321 or 150504+4321 or 150504 4321')).toBe(
      'q=150504-XXXX or 150504-XXXX or 150504-XXXX',
    );
    expect(redactCpr('phone 12345678, id 12345678901')).toBe('phone 12345678, id 12345678901');
  });

  it('counts age in whole years, the birthday included', () => {
    expect(ageOn('2004-05-15', '2026-05-14')).toBe(21);
    expect(ageOn('2004-05-15', '2026-05-15')).toBe(22);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });
});
