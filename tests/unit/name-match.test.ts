import { describe, expect, it } from 'vitest';
import { birthDatesOf } from '../../src/youth/cpr.ts';
import { editDistanceWithin, nameDistance, rankByName } from '../../src/youth/name-match.ts';

describe('finding a name despite a small misspelling', () => {
  it.each([
    ['mikel', 'Mikkel Hansen', 1],
    ['Mikkel', 'Mikkel Hansen', 0],
    ['hansen mikkel', 'Mikkel Hansen', 0],
    ['sørensn', 'Freja Sørensen', 1],
    ['nilsen', 'Bo Nielsen', 1],
    ['fredrik nørgard', 'Frederik Nørgaard', 2],
    ['olm', 'Mikkel Holm', 0],
    ['mikkle', 'Mikkel Holm', 1],
  ])('"%s" finds %s', (typed, name, distance) => {
    expect(nameDistance(typed, name)).toBe(distance);
  });

  it.each([
    ['bo', 'Ib Nielsen'],
    ['mik', 'Nikolaj Berg'],
    ['anders', 'Mikkel Hansen'],
    ['mikkel jensen', 'Mikkel Hansen'],
  ])('"%s" does not find %s', (typed, name) => {
    expect(nameDistance(typed, name)).toBeUndefined();
  });

  it('counts a swap of two neighbouring letters as one error, and stops past the bound', () => {
    expect(editDistanceWithin('mikkle', 'mikkel', 2)).toBe(1);
    expect(editDistanceWithin('abcdef', 'uvwxyz', 2)).toBeUndefined();
  });

  it('ranks the closest first, then by name', () => {
    const ranked = rankByName(
      [
        { id: '3', name: 'Mikala Dam' },
        { id: '1', name: 'Mikkel Hansen' },
        { id: '2', name: 'Mikel Berg' },
      ],
      'mikel',
    );
    // Mikala and Mikkel are one error each from "mikel": then the name decides.
    expect(ranked.map((y) => y.name)).toEqual(['Mikel Berg', 'Mikala Dam', 'Mikkel Hansen']);
  });
});

describe('a date of birth typed as the CPR number begins', () => {
  it.each(['010203', '01-02-03', '01.02.03', '01/02/03', '01 02 03'])('reads %s in both centuries', (typed) => {
    expect(birthDatesOf(typed, '2026-12-07')).toEqual(['2003-02-01', '1903-02-01']);
  });

  it('leaves out a day that does not exist or lies ahead', () => {
    expect(birthDatesOf('310203', '2026-12-07')).toEqual([]);
    expect(birthDatesOf('010130', '2026-12-07')).toEqual(['1930-01-01']);
    expect(birthDatesOf('0102031234', '2026-12-07')).toEqual([]);
  });
});
