import { z } from 'zod';

/** A new municipality and its first administrator, as `npm run municipality:create` takes them. */
export const createMunicipalityInput = z.strictObject({
  name: z.string().trim().min(1, 'not_blank').max(200),
  adminEmail: z.string().trim().pipe(z.email('email').max(320)),
  adminName: z.string().trim().min(1, 'not_blank').max(200),
});

export type CreateMunicipalityInput = z.infer<typeof createMunicipalityInput>;
