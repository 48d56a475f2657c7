import { z } from 'zod';
import { errorCodes } from './errors.ts';

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
        code: z.enum(errorCodes).describe('What went wrong, stable across languages and versions: branch on this.'),
        message: z.string().describe("A sentence for a person, in the user's language (Danish unless English)."),
        details: z
          .array(
            z.object({
              field: z.string().describe('The field, e.g. `cpr` or `questionnaire.wants_education`.'),
              message: z.string().describe('What is wrong with it, for a person.'),
            }),
          )
          .optional()
          .describe('Every bad field, on validation_failed.'),
      })
      // Facts of the particular error, e.g. the existing youth's id on duplicate_cpr, the current
      // version on version_conflict, the accepted events on event_not_accepted, the request id on internal.
      .catchall(z.unknown()),
  })
  .meta({
    id: 'Error',
    description: 'Every error answer has this shape; `error.code` tells what happened.',
  });

/**
 * The error answers any route that reaches the database can give: a failure of ours (500, with the
 * request id to quote) and the database out of reach (503, with Retry-After).
 */
export const serverErrors = { 500: errorResponse, 503: errorResponse } as const;

/** The error answers every authenticated route can give. */
export const authErrors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, ...serverErrors } as const;
