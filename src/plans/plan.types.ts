/**
 * What the printed plan "Min plan" shows (docs/domain.md, glossary; issue "Printed plan").
 *
 * The data side builds a `PlanData` from the journey, and a stored plan version keeps exactly
 * this object, so the same PDF can be made again later. It never holds a CPR number: the youth
 * is named by name and birth date only.
 *
 * Nearly everything is optional (and may be `null`, which is how a database says "missing"): a
 * plan is printed early in a journey, when most of it is not agreed yet. How each missing part
 * is shown is decided in plan.document.ts and described in templates/README.md.
 *
 * The length limits are a guard against abuse, not a layout rule: the renderer shortens long
 * text to fit the page itself.
 */
import { z } from 'zod';
import { isCalendarDay } from '../shared/days.ts';
import { categories, placementKinds } from '../../machines/events.ts';
import { guidanceSubtypes, offerKinds } from '../offers/offer.tables.ts';

/** The five progression factors of STAR: Den gode ungeindsats i jobcentrene (2017), s. 29, each scored 1-10. */
export const progressionFactors = [
  'belief_in_own_abilities',
  'self_rated_health',
  'network',
  'meaning_and_direction',
  /** The caseworker's assessment of how ready the youth is for a job or education. */
  'readiness_assessment',
] as const;
export type ProgressionFactor = (typeof progressionFactors)[number];

/** A calendar day 'YYYY-MM-DD' that exists (no 2026-02-30). */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine(isCalendarDay, 'is not a real date');

/** A time of day 'HH:MM', 24-hour clock, Danish local time. */
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM');

/** One line of text: a name, a phone number, an address. */
const shortText = z.string().max(1_000);
/** Free text in the youth's or the caseworker's words. */
const longText = z.string().max(4_000);

const score = z.number().int().min(1).max(10);

const factorScores = z.strictObject({
  /** The first measurement in this journey. */
  first: score.nullish(),
  /** The most recent measurement. */
  latest: score.nullish(),
});

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const jpegSignature = Buffer.from([0xff, 0xd8, 0xff]);

/** True when the bytes start like a PNG or a JPEG file, the two formats the PDF can embed. */
export function isPngOrJpeg(bytes: Buffer): boolean {
  return (
    bytes.subarray(0, pngSignature.length).equals(pngSignature) ||
    bytes.subarray(0, jpegSignature.length).equals(jpegSignature)
  );
}

/**
 * The municipality's logo as the base64 text of a PNG or JPEG file. Bytes, not a file path, so a
 * stored plan version holds everything it was made from. At most about 1.5 MB.
 */
const logo = z
  .string()
  .max(2_000_000)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64')
  .refine((text) => isPngOrJpeg(Buffer.from(text, 'base64')), 'must be a PNG or JPEG image');

export const planDataSchema = z.strictObject({
  /** The day the plan was made. Printed on the plan, and the PDF's creation date. */
  madeOn: isoDate,
  municipality: z.strictObject({
    name: shortText,
    logo: logo.nullish(),
  }),
  youth: z
    .strictObject({
      name: shortText.nullish(),
      birthDate: isoDate.nullish(),
    })
    .nullish(),
  /** The goal (job or education) in the youth's own words. */
  goal: longText.nullish(),
  /** The visitation category; `activity_ready` adds the section on health and everyday life. */
  category: z.enum(categories).nullish(),
  /** The caseworker's short account of where the youth stands now (LAB § 41 stk. 2, "status"). */
  status: longText.nullish(),
  networkGroup: z
    .strictObject({
      name: shortText.nullish(),
      /** ISO weekday, 1 = Monday. */
      weekday: z.number().int().min(1).max(7).nullish(),
      startTime: clockTime.nullish(),
      place: shortText.nullish(),
      facilitatorName: shortText.nullish(),
    })
    .nullish(),
  /**
   * What the plan says when the youth is in no group, for the journey's stage (plan.status.ts).
   * Plans stored before it was added have none, and print the template's `networkGroup.notYet`.
   */
  withoutGroup: longText.nullish(),
  placement: z
    .strictObject({
      kind: z.enum(placementKinds).nullish(),
      companyName: shortText.nullish(),
      address: shortText.nullish(),
      /** Half hours happen, so not only whole numbers. */
      hoursPerWeek: z.number().positive().max(80).nullish(),
      startDate: isoDate.nullish(),
      contactPerson: z
        .strictObject({
          name: shortText.nullish(),
          phone: shortText.nullish(),
        })
        .nullish(),
    })
    .nullish(),
  /** The youth's running and coming offers and mentor grant (LAB § 41 stk. 2, nr. 4), oldest first. */
  offers: z
    .array(
      z.strictObject({
        kind: z.enum(offerKinds),
        subtype: z.enum(guidanceSubtypes).nullish(),
        provider: shortText.nullish(),
        startDate: isoDate,
        plannedEnd: isoDate.nullish(),
        hoursPerWeek: z.number().positive().max(80).nullish(),
      }),
    )
    .max(30)
    .nullish(),
  /** The education injunction in force (uddannelsespålæg, LAB § 41 stk. 2, nr. 2), if any. */
  educationInjunction: z
    .strictObject({
      givenOn: isoDate,
      goal: longText,
      startBy: isoDate.nullish(),
    })
    .nullish(),
  /** What the plan says when the youth has no workplace, for the journey's stage; as `withoutGroup`. */
  withoutPlacement: longText.nullish(),
  nextSteps: z
    .array(
      z.strictObject({
        what: longText,
        when: isoDate.nullish(),
        who: shortText.nullish(),
      }),
    )
    .max(30)
    .nullish(),
  /** The day the plan is next gone through with the youth. */
  reviewOn: isoDate.nullish(),
  /** The caseworker the youth calls. */
  contactPerson: z
    .strictObject({
      name: shortText.nullish(),
      phone: shortText.nullish(),
      email: shortText.nullish(),
    })
    .nullish(),
  /** First and latest score per progression factor; a factor not measured yet is left out. */
  progression: z
    .strictObject({
      belief_in_own_abilities: factorScores.nullish(),
      self_rated_health: factorScores.nullish(),
      network: factorScores.nullish(),
      meaning_and_direction: factorScores.nullish(),
      readiness_assessment: factorScores.nullish(),
    } satisfies Record<ProgressionFactor, z.ZodType>)
    .nullish(),
  /** Agreements and other agreed efforts (LAB § 41 stk. 2), one per entry. */
  agreements: z.array(longText).max(30).nullish(),
  /** What stabilises health and everyday life; required content for activity-ready youth (LAB § 41 stk. 2). */
  stabilisation: z.array(longText).max(30).nullish(),
});

export type PlanData = z.infer<typeof planDataSchema>;
