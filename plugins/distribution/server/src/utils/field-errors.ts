import { errors } from '@strapi/utils';

export interface FieldError {
  path: (string | number)[];
  message: string;
}

/** A 400 naming every bad field, the Strapi way. Does nothing for an empty list. */
export const throwFieldErrors = (list: FieldError[]) => {
  if (!list.length) return;
  throw new errors.ValidationError(list.map((e) => `${e.path.join('.')}: ${e.message}`).join('; '), {
    errors: list.map((e) => ({ path: e.path.map(String), message: e.message, name: 'ValidationError', value: null })),
  });
};
