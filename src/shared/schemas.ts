import { z } from 'zod';

/** Shapes shared by many routes. */
export const idParams = z.object({ id: z.uuid() });

export const pageQuery = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
};

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export const errorResponse = z
  .object({
    error: z
      .object({
        code: z.string(),
        message: z.string(),
        details: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
      })
      .catchall(z.unknown()),
  })
  .meta({ id: 'Error' });

/** The error answers every authenticated route can give. */
export const authErrors = { 400: errorResponse, 401: errorResponse, 403: errorResponse } as const;
