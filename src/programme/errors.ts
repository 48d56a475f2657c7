import { DomainError } from '../shared/errors.ts';

/** A 400 naming the one field that is wrong, in Danish and English. */
export function invalidField(field: string, da: string, en: string): DomainError {
  return new DomainError('validation_failed', { fieldErrors: [{ field, message: { da, en } }] });
}
