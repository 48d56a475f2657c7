/**
 * A made-up but realistic plan, for previewing a template (a municipality that changes its
 * wording wants to see the result) and for the tests and the benchmark. No real person.
 */
import { crc32, deflateSync } from 'node:zlib';
import type { PlanData } from './plan.types.ts';

export function samplePlan(overrides: Partial<PlanData> = {}): PlanData {
  return {
    madeOn: '2026-03-03',
    municipality: { name: 'Roskilde Kommune', logo: sampleLogoPng().toString('base64') },
    youth: { name: 'Søren Ærø Åberg', birthDate: '2004-05-15' },
    goal: 'Jeg vil være tømrer. Først vil jeg prøve at arbejde på et værksted, så jeg ved, om det er noget for mig.',
    category: 'activity_ready',
    status: 'Du kommer til gruppen hver uge. Du sover bedre, og du har lyst til at prøve en praktik.',
    networkGroup: {
      name: 'Gruppe Nord',
      weekday: 2,
      startTime: '10:00',
      place: 'Ungehuset, Algade 12, 4000 Roskilde',
      facilitatorName: 'Mette Østergaard',
    },
    placement: {
      kind: 'internship',
      companyName: 'Høj & Søn Tømrer ApS',
      address: 'Værkstedsvej 4, 4000 Roskilde',
      hoursPerWeek: 15.5,
      startDate: '2026-03-09',
      contactPerson: { name: 'Åse Jørgensen', phone: '46 31 30 00' },
    },
    offers: [
      { kind: 'internship', startDate: '2026-03-09', plannedEnd: '2026-05-29', provider: 'Høj & Søn Tømrer ApS' },
      { kind: 'mentor', startDate: '2026-02-16', hoursPerWeek: 2, provider: 'Roskilde Kommune, mentorkorpset' },
    ],
    nextSteps: [
      { what: 'Besøg værkstedet sammen med Mette', when: '2026-03-05', who: 'Mette Østergaard' },
      { what: 'Køb arbejdssko med sikkerhedsnæse', when: '2026-03-06', who: 'Dig selv' },
      { what: 'Samtale om, hvordan praktikken går', when: '2026-03-24', who: 'Mette og dig' },
    ],
    contactPerson: { name: 'Mette Østergaard', phone: '46 31 47 11', email: 'mette.oestergaard@roskilde.dk' },
    progression: {
      belief_in_own_abilities: { first: 3, latest: 6 },
      self_rated_health: { first: 4, latest: 5 },
      network: { first: 2, latest: 6 },
      meaning_and_direction: { first: 3, latest: 7 },
      readiness_assessment: { first: 2, latest: 4 },
    },
    agreements: [
      'Du kommer til gruppen hver tirsdag. Kan du ikke komme, sender du en sms til Mette før kl. 9.',
      'Du går til lægen om din søvn inden udgangen af marts.',
    ],
    stabilisation: [
      'Du står op kl. 7.30 på hverdage, også når du ikke skal noget.',
      'Du har en fast aftale med din mentor hver torsdag.',
    ],
    ...overrides,
  };
}

/**
 * A small logo as PNG bytes: a blue badge with a white stripe on a transparent background,
 * 240 x 90 pixels. Made here, so no image file has to be shipped for previews and tests.
 */
export function sampleLogoPng(): Buffer {
  const width = 240;
  const height = 90;
  // Each row: filter byte 0, then RGBA pixels.
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const offset = y * (width * 4 + 1) + 1 + x * 4;
      const inBadge = x >= 150 && x < 234 && y >= 3 && y < 87;
      const stripe = inBadge && y >= 40 && y < 50;
      const wordmark = x >= 6 && x < 140 && ((y >= 30 && y < 40) || (y >= 52 && y < 60 && x < 110));
      const [r, g, b, a] = stripe
        ? [255, 255, 255, 255]
        : inBadge
          ? [31, 78, 121, 255]
          : wordmark
            ? [60, 60, 60, 255]
            : [0, 0, 0, 0];
      raw.writeUInt8(r, offset);
      raw.writeUInt8(g, offset + 1);
      raw.writeUInt8(b, offset + 2);
      raw.writeUInt8(a, offset + 3);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, deflate, no filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}
