import { describe, expect, it } from 'vitest';
import { cvrMessages, parseCvr } from '../../src/companies/cvr.ts';

describe('parseCvr', () => {
  it.each([
    ['24256790', '24256790', 'Novo Nordisk A/S'],
    ['22756214', '22756214', 'A.P. Møller - Mærsk A/S'],
    ['61056416', '61056416', 'Carlsberg A/S'],
    ['2425 6790', '24256790', 'printed with a space in the middle'],
    [' 24256790 ', '24256790', 'with surrounding spaces'],
  ])('accepts %j as %s (%s)', (text, cvr) => {
    expect(parseCvr(text)).toEqual({ ok: true, cvr });
  });

  it.each([
    ['2425679', 'seven digits'],
    ['242567901', 'nine digits'],
    ['', 'empty'],
    ['2425679O', 'a letter O for a zero'],
    ['DK24256790', 'with the VAT country prefix'],
    ['2425-6790', 'with a dash'],
  ])('refuses %j as not eight digits (%s)', (text) => {
    expect(parseCvr(text)).toEqual({ ok: false, problem: 'cvr_format' });
  });

  it.each([
    ['24256791', 'last digit one too high'],
    ['42256790', 'two digits swapped'],
    ['12345678', 'a made-up number'],
  ])('refuses %s on the modulus-11 check sum (%s)', (text) => {
    expect(parseCvr(text)).toEqual({ ok: false, problem: 'cvr_checksum' });
  });

  it('explains each problem in Danish and English', () => {
    expect(cvrMessages.cvr_format).toEqual({
      da: 'CVR-nummeret skal være 8 cifre.',
      en: 'The CVR number must be 8 digits.',
    });
    expect(cvrMessages.cvr_checksum.da).toBe('CVR-nummeret er ikke gyldigt.');
  });
});
