import { errors } from '@strapi/utils';

export interface FieldError {
  path: string[];
  message: string;
  name: 'ValidationError';
  value: unknown;
}

export const fieldError = (path: string[], message: string, value?: unknown): FieldError => ({
  path,
  message,
  name: 'ValidationError',
  value,
});

/**
 * Throws one 400 for all the problems found, shaped like Strapi's own validation errors
 * (`details.errors[].path`), so clients handle ours and Strapi's the same way.
 */
export const throwFieldErrors = (problems: FieldError[]): void => {
  if (!problems.length) return;
  const message = problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('; ');
  throw new errors.ValidationError(message, { errors: problems });
};
