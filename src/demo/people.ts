import { parseCvr } from '../companies/cvr.ts';
import { ageOn, parseCpr } from '../youth/cpr.ts';
import type { Random } from './random.ts';

/**
 * The people of the demo unit: Danish names, addresses in one town, phone numbers, and CPR and
 * CVR numbers that pass Ungeflow's own checks. Everything is made up; e-mail addresses use the
 * demo.dk domain the demo logins use, so nothing points at a real mailbox.
 */

export const DEMO_TOWN = '4100 Ringsted';

export type Sex = 'female' | 'male';

/** A list written as text: words separated by spaces, or by commas where a word has a space. */
function list(text: string): readonly string[] {
  return text
    .split(text.includes(',') ? ',' : /\s+/)
    .map((item) => item.trim())
    .filter(Boolean);
}

const femaleNames = list(`
  Emma Ida Freja Clara Sofie Anna Laura Mathilde Josefine Cecilie Julie Sara Maja Caroline Amalie
  Nanna Signe Line Astrid Karoline Frida Asta Liv Thea Sølvi Maria Fatima Amina Nour Zainab Mille
  Louise Marie-Louise Bjørk Ellen Agnes Rosa Naja Aya Selma
`);

const maleNames = list(`
  Mikkel Frederik Oliver Mathias Emil Lucas Magnus Noah William Malthe Oscar Victor Alexander Jonas
  Kasper Jeppe Nikolaj Tobias Sebastian Mads Benjamin Asger Bjørn Rune Ahmad Ali Yusuf Kristoffer
  Søren Asbjørn Troels Jens-Peter Aske Storm Villads Hjalte Bilal Omar Tage Ejnar
`);

const lastNames = list(`
  Nielsen Jensen Hansen Pedersen Andersen Christensen Larsen Sørensen Rasmussen Jørgensen Petersen
  Madsen Kristensen Olsen Thomsen Poulsen Johansen Møller Mortensen Knudsen Jakobsen Mikkelsen
  Frederiksen Laursen Henriksen Lund Holm Eriksen Clausen Svendsen Østergaard Vestergaard Kjær
  Nørgaard Bækgaard Søndergaard Dahl Bach Lærkegaard Frandsen Ahmadi Hussein Yilmaz Nguyen Kowalski
  Åberg Mølgaard Brøndum
`);

const streets = list(`
  Nørregade, Søndergade, Østergade, Vestergade, Jernbanegade, Sct. Knuds Gade, Næstvedvej, Køgevej,
  Ahornvej, Lærkevej, Bøgevej, Åløkkevej, Tværgade, Skovvej, Rønnebærvej, Søndervang, Stationsvej,
  Hyldevej, Fælledvej, Møllevej, Kærehavevej, Bøllingsvej, Ørnevej, Enghavevej
`);

const floors = ['', '', '', ', st. tv.', ', st. th.', ', 1. tv.', ', 1. th.', ', 2. tv.', ', 2. mf.', ', 3. th.'];

export interface Person {
  name: string;
  firstName: string;
  sex: Sex;
}

/** Draws people with different full names. */
export class NameDrawer {
  readonly #used = new Set<string>();
  readonly #rng: Random;

  constructor(rng: Random) {
    this.#rng = rng;
  }

  draw(sex: Sex = this.#rng.chance(0.5) ? 'female' : 'male'): Person {
    for (;;) {
      const firstName = this.#rng.pick(sex === 'female' ? femaleNames : maleNames);
      const lastName = this.#rng.pick(lastNames);
      const name = `${firstName} ${lastName}`;
      if (this.#used.has(name)) continue;
      this.#used.add(name);
      return { name, firstName, sex };
    }
  }
}

export function address(rng: Random): string {
  return `${rng.pick(streets)} ${rng.int(1, 98)}${rng.pick(floors)}, ${DEMO_TOWN}`;
}

/** A Danish mobile number as it is usually written: +45 and four pairs of digits. */
export function mobileNumber(rng: Random): string {
  const pairs = [rng.int(20, 61), rng.int(10, 99), rng.int(10, 99), rng.int(10, 99)];
  return `+45 ${pairs.join(' ')}`;
}

/** Letters e-mail addresses can carry: æ, ø and å written out as Danes do. */
export function asciiSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '');
}

export function demoEmail(person: Person): string {
  return `${asciiSlug(person.name)}@demo.dk`;
}

// ---------------------------------------------------------------------------------------------
// CPR and CVR numbers
// ---------------------------------------------------------------------------------------------

const CPR_WEIGHTS = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1] as const;

/**
 * A fictitious CPR number for a birth date. The 7th digit gives the birth year's century
 * (CPR-kontoret's table, src/youth/cpr.ts): 0-3 for 1900-1999, 4 or 9 for 2000-2036. The last
 * digit is odd for men and even for women, as in real numbers. The number fails the old
 * modulus-11 check, as test numbers do: every number issued before 2007 passes it, so these
 * cannot be anyone's (Ungeflow accepts them, since numbers issued later need not pass it).
 */
export function cprFor(birthDate: string, sex: Sex, rng: Random): string {
  const [y, m, d] = birthDate.split('-') as [string, string, string];
  const year = Number(y);
  for (;;) {
    const seventh = year >= 2000 ? rng.pick([4, 9]) : rng.int(0, 3);
    const middle = String(rng.int(0, 99)).padStart(2, '0');
    const last = rng.int(0, 4) * 2 + (sex === 'male' ? 1 : 0);
    const digits = `${d}${m}${y.slice(2)}${seventh}${middle}${last}`;
    const sum = [...digits].reduce((acc, digit, i) => acc + Number(digit) * (CPR_WEIGHTS[i] ?? 0), 0);
    if (sum % 11 === 0) continue;
    const cpr = `${digits.slice(0, 6)}-${digits.slice(6)}`;
    const parsed = parseCpr(cpr, new Date(`${birthDate}T12:00:00Z`));
    if (!parsed.ok || parsed.cpr.birthDate !== birthDate) throw new Error(`Demo CPR for ${birthDate} does not parse`);
    return cpr;
  }
}

/** A birth date giving the age (in whole years) on the day. */
export function birthDateForAge(age: number, today: string, rng: Random): string {
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  // Born between (today - age - 1 years, + 1 day) and (today - age years).
  const latest = Date.UTC(ty - age, tm - 1, td);
  const earliest = Date.UTC(ty - age - 1, tm - 1, td) + 86_400_000;
  const day = new Date(earliest + rng.int(0, Math.round((latest - earliest) / 86_400_000)) * 86_400_000);
  const birthDate = day.toISOString().slice(0, 10);
  if (ageOn(birthDate, today) !== age) throw new Error(`Birth date ${birthDate} does not give age ${age} on ${today}`);
  return birthDate;
}

const CVR_WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1] as const;

/** A CVR number passing the modulus-11 check (src/companies/cvr.ts): the last digit makes it so. */
export function cvrNumber(rng: Random): string {
  for (;;) {
    const digits = [rng.int(1, 4), ...Array.from({ length: 6 }, () => rng.int(0, 9))];
    const sum = digits.reduce((acc, digit, i) => acc + digit * (CVR_WEIGHTS[i] ?? 0), 0);
    const check = (11 - (sum % 11)) % 11;
    if (check === 10) continue;
    const cvr = `${digits.join('')}${check}`;
    if (!parseCvr(cvr).ok) throw new Error(`Demo CVR ${cvr} fails the modulus-11 check`);
    return cvr;
  }
}
