import type { FastifyRequest } from 'fastify';
import { fieldMessage, RequestValidationError, type TranslatedIssue } from './validation.ts';

/**
 * What no route can store, checked once for every request before any route's own validation:
 * text with a NUL byte or half of a UTF-16 surrogate pair (PostgreSQL refuses both, so they
 * ended as 500s), and ISO dates outside 1900-2100 (year 1 and year 9999 are typing errors, and
 * year 1 broke date arithmetic). The answer is a 400 naming each field, like any other
 * validation error, on the API and on the pages.
 */
export const firstYear = 1900;
export const lastYear = 2100;

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A NUL byte or half a surrogate pair: PostgreSQL stores neither. */
function unstorable(text: string): boolean {
  return text.includes('\u0000') || loneSurrogate.test(text);
}
// An ISO date or date-time and nothing else; free text that merely starts with a date is text.
const isoDate = /^(\d{4})-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/** The problem with one string, if any. */
function problemOf(value: string): 'text_unstorable' | 'date_out_of_range' | null {
  if (unstorable(value)) return 'text_unstorable';
  const date = isoDate.exec(value);
  if (date) {
    const year = Number(date[1]);
    if (year < firstYear || year > lastYear) return 'date_out_of_range';
  }
  return null;
}

/** Every string in a parsed body, query or parameter object, with its field path. */
function issuesIn(value: unknown, path: string[], issues: TranslatedIssue[]): void {
  if (typeof value === 'string') {
    const problem = problemOf(value);
    if (problem) issues.push({ field: path.join('.') || 'body', messages: fieldMessage(problem) });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => issuesIn(item, [...path, String(index)], issues));
    return;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      // A key can carry a NUL too; it is named by its position rather than echoed.
      if (unstorable(key)) issues.push({ field: path.join('.') || 'body', messages: fieldMessage('text_unstorable') });
      else issuesIn(item, [...path, key], issues);
    }
  }
}

/** A preValidation hook: refuses the request when any of its strings cannot be stored. */
export async function guardInput(request: FastifyRequest): Promise<void> {
  const issues: TranslatedIssue[] = [];
  issuesIn(request.params, [], issues);
  issuesIn(request.query, [], issues);
  issuesIn(request.body, [], issues);
  if (issues.length > 0) throw new RequestValidationError(issues);
}
