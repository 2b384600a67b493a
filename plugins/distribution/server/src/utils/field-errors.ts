import { errors } from '@strapi/utils';

export interface FieldError {
  path: (string | number)[];
  message: string;
  value?: unknown;
}

/**
 * A 400 naming every bad field, the Strapi way: paths as strings (`['settings', 'rules', '0', 'column']`),
 * as Strapi's own yup errors give them, so a client reads every 400 of the plugin alike.
 */
export const fieldErrors = (list: FieldError[]) =>
  new errors.ValidationError(list.map((e) => `${e.path.join('.')}: ${e.message}`).join('; '), {
    errors: list.map((e) => ({ path: e.path.map(String), message: e.message, name: 'ValidationError', value: e.value ?? null })),
  });

export const fieldError = (path: (string | number)[], message: string, value?: unknown) => fieldErrors([{ path, message, value }]);

/** Does nothing for an empty list. */
export const throwFieldErrors = (list: FieldError[]) => {
  if (list.length) throw fieldErrors(list);
};

/** The keys of `input` that `known` lacks (yup would strip them silently), as field errors under `prefix`. */
export const unknownKeys = (input: Record<string, unknown>, known: Iterable<string>, prefix: (string | number)[] = []): FieldError[] => {
  const allowed = new Set(known);
  return Object.keys(input)
    .filter((k) => !allowed.has(k))
    .map((k) => ({ path: [...prefix, k], message: 'is not a known field', value: input[k] }));
};
