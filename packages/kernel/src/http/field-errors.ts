import { errors } from '@strapi/utils';

/** One bad field of a request: where it is, what is wrong, and (optionally) the value sent. */
export interface FieldError {
  path: readonly (string | number)[];
  message: string;
  value?: unknown;
}

/** A path as a reader writes it: `['placements', 2, 'siteCode']` → `placements[2].siteCode` (`(root)` when empty). */
export const formatPath = (path: readonly (string | number)[]): string => {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number' || /^\d+$/.test(segment)) out += `[${segment}]`;
    else out += out ? `.${segment}` : segment;
  }
  return out || '(root)';
};

/**
 * One 400 naming every bad field, the Strapi way: `details.errors[]` holds `{ path, message, name, value }`
 * with the path as strings (`['settings', 'rules', '0', 'column']`, as Strapi's own yup errors give it),
 * and the message names each field by its written path (`settings.rules[0].column: …`).
 */
export const fieldErrors = (list: readonly FieldError[]): errors.ValidationError =>
  new errors.ValidationError(list.map((e) => `${formatPath(e.path)}: ${e.message}`).join('; '), {
    errors: list.map((e) => ({ path: e.path.map(String), message: e.message, name: 'ValidationError', value: e.value ?? null })),
  });

/** The 400 for one bad field. */
export const fieldError = (path: readonly (string | number)[], message: string, value?: unknown): errors.ValidationError =>
  fieldErrors([{ path, message, value }]);

/** Throws one 400 for all the problems found; does nothing for an empty list. */
export const throwFieldErrors = (list: readonly FieldError[]): void => {
  if (list.length) throw fieldErrors(list);
};

/** A FieldError to collect before throwing them together with `throwFieldErrors`. */
export const fieldProblem = (path: readonly (string | number)[], message: string, value?: unknown): FieldError => ({ path, message, value });
