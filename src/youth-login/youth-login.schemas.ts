import { z } from 'zod';

export const invitationBody = z.strictObject({
  channel: z.enum(['sms', 'email']).describe("How the link goes out: by SMS to the youth's phone, or by e-mail."),
  lang: z.enum(['da', 'en']).default('da').describe('The language of the message; Danish unless chosen.'),
});

export const invitationResponse = z
  .object({
    channel: z.enum(['sms', 'email']),
    to: z.string().describe('The phone number or e-mail address the link was sent to.'),
    expiresAt: z.iso.datetime().describe('When the link stops working, if not used before.'),
  })
  .meta({ id: 'YouthInvitation' });

export const youthDeviceSchema = z
  .object({
    device: z.string().describe('Browser and system ("Chrome, Android"); empty when not recognised.'),
    method: z.enum(['link', 'oidc']).describe('How the youth logged in on it: a one-time link or MitID.'),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
    current: z.boolean().describe('The device this request came from.'),
  })
  .meta({ id: 'YouthDevice' });
