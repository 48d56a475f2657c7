import { z } from 'zod';
import { pageOf, pageQuery } from '../shared/schemas.ts';
import { companyRefSchema, optionalText, uniqueIds } from './company.schemas.ts';
import { texts } from '../shared/texts.ts';

const attendingCompanies = uniqueIds(texts('companies.refusals.companyListedTwice'), 200).describe(
  'The companies that attended',
);

export const createMeetingBody = z.strictObject({
  date: z.iso.date('date_format').describe('The day of the meeting'),
  place: z.string().trim().min(1, 'not_blank').max(300),
  note: optionalText(4000),
  companyIds: attendingCompanies.default([]),
});

export const attendanceBody = z.strictObject({
  companyIds: attendingCompanies,
  version: z
    .number()
    .int()
    .min(1)
    .optional()
    .describe('The meeting version the attendance was taken against; checked when given'),
});

export const meetingQuery = z.object({
  from: z.iso.date('date_format').optional().describe('Meetings on or after this day'),
  to: z.iso.date('date_format').optional().describe('Meetings on or before this day'),
  companyId: z.uuid().optional().describe('Only the meetings this company attended'),
  ...pageQuery,
});

const meetingFields = {
  id: z.uuid(),
  date: z.iso.date(),
  place: z.string(),
  note: z.string().nullable(),
  version: z.number().int(),
};

export const meetingSchema = z
  .object({
    ...meetingFields,
    attendees: z.array(companyRefSchema),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'CompanyMeeting' });

export const meetingPage = pageOf(
  z.object({ ...meetingFields, attendeeCount: z.number().int() }).meta({ id: 'CompanyMeetingListItem' }),
);
