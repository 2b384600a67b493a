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

/** One 400 for every problem, shaped like Strapi's own validation errors (`details.errors[].path`). */
export const throwFieldErrors = (problems: FieldError[]): void => {
  if (!problems.length) return;
  throw new errors.ValidationError(problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('; '), { errors: problems });
};
