import { z } from 'zod';
import { companyRefSchema, onceEach, optionalText, uniqueIds } from '../companies/company.schemas.ts';
import { pageOf, pageQuery } from '../shared/schemas.ts';
import { matchKinds } from './match-list.ts';
import { texts } from '../shared/texts.ts';

const companyIds = uniqueIds(texts('companies.refusals.companyListedTwice'), 100);
const journeyIds = uniqueIds(texts('companies.refusals.youthListedTwice'), 200);

export const createMatchEventBody = z.strictObject({
  date: z.iso.date('date_format').describe('The day of the event'),
  place: z.string().trim().min(1, 'not_blank').max(300),
  note: optionalText(4000),
  companyIds: companyIds.default([]).describe('The companies taking part'),
  journeyIds: journeyIds
    .default([])
    .describe('The youth taking part, by journey; only journeys in stage intake or active'),
});

export const participantsBody = z.strictObject({
  companyIds: companyIds.describe('The companies taking part; a company left out loses its recorded interests'),
  journeyIds: journeyIds.describe(
    'The youth taking part, by journey; a journey added must be in stage intake or active. A youth left out loses their recorded wishes.',
  ),
  version: z
    .number()
    .int()
    .min(1)
    .optional()
    .describe('The event version the list was made against; checked when given'),
});

const wishFields = {
  companyIds: uniqueIds(texts('companies.refusals.companyWishedTwice'), 100).describe(
    "The youth's wishes, first wish first (rank 1..n); only companies taking part",
  ),
  version: z
    .number()
    .int()
    .min(1)
    .describe("The version of the youth's wishes (youth[].wishesVersion) the change was made against"),
};

const interestFields = {
  journeyIds: journeyIds.describe('The youth the company is interested in; only youth taking part'),
  version: z
    .number()
    .int()
    .min(1)
    .describe("The version of the company's interest (companies[].interestsVersion) the change was made against"),
};

export const wishesBody = z.strictObject(wishFields);

export const interestsBody = z.strictObject(interestFields);

export const choicesBody = z.strictObject({
  wishes: z
    .array(z.strictObject({ journeyId: z.uuid().describe('The youth, by journey'), ...wishFields }))
    .max(200)
    .superRefine(onceEach((row: { journeyId: string }) => row.journeyId, texts('companies.refusals.youthListedTwice')))
    .default([])
    .describe('The wishes of each youth to change; a youth left out keeps what is recorded'),
  interests: z
    .array(z.strictObject({ companyId: z.uuid().describe('The company'), ...interestFields }))
    .max(100)
    .superRefine(
      onceEach((row: { companyId: string }) => row.companyId, texts('companies.refusals.companyListedTwice')),
    )
    .default([])
    .describe('The interest of each company to change; a company left out keeps what is recorded'),
});

export const matchEventWishParams = z.object({ id: z.uuid(), journeyId: z.uuid() });
export const matchEventInterestParams = z.object({ id: z.uuid(), companyId: z.uuid() });

export const matchEventQuery = z.object({
  from: z.iso.date('date_format').optional().describe('Events on or after this day'),
  to: z.iso.date('date_format').optional().describe('Events on or before this day'),
  ...pageQuery,
});

const eventFields = {
  id: z.uuid(),
  date: z.iso.date(),
  place: z.string(),
  note: z.string().nullable(),
  version: z.number().int(),
};

const participantSchema = z.object({ journeyId: z.uuid(), youthId: z.uuid(), name: z.string() });

export const matchEventSchema = z
  .object({
    ...eventFields,
    takenPlace: z.boolean().describe('The day has come: taking part counts as activity'),
    companies: z.array(
      companyRefSchema.extend({
        interestedIn: z.array(z.uuid()).describe('Journey ids'),
        interestsVersion: z.number().int().describe('Send it back when changing the interest'),
      }),
    ),
    youth: z.array(
      participantSchema.extend({
        wishes: z.array(z.uuid()).describe('Company ids, first wish first'),
        wishesByYouth: z
          .array(z.uuid())
          .describe('The company ids among `wishes` that the youth chose themselves, on their own side'),
        wishesVersion: z.number().int().describe('Send it back when changing the wishes'),
      }),
    ),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'MatchEvent' });

export const matchEventPage = pageOf(
  z
    .object({ ...eventFields, companyCount: z.number().int(), youthCount: z.number().int() })
    .meta({ id: 'MatchEventListItem' }),
);

export const matchListSchema = z
  .object({
    matchEventId: z.uuid(),
    date: z.iso.date(),
    items: z.array(
      z.object({
        kind: z.enum(matchKinds).describe('mutual first, then the youth wish only, then the company only'),
        youth: participantSchema,
        company: companyRefSchema,
        youthRank: z.number().int().nullable(),
        wishedByYouth: z.boolean().describe('The youth chose this wish themselves, on their own side before the event'),
        companyInterested: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'MatchList' });
