import { errors } from '@strapi/utils';
import { findReservedKey } from '@jiyue/kernel';

/**
 * Placed before `strapi::body`: the JSON body parser (co-body with @hapi/bourne) already refuses a
 * body holding a `__proto__` key, but as a bare 400 `SyntaxError`. This turns that refusal into the
 * suite's answer — a `ValidationError` naming the key's path — like every other reserved key
 * (checked after parsing by `global::reserved-keys`).
 */
export default () => async (ctx: any, next: () => Promise<void>) => {
  try {
    await next();
  } catch (error: any) {
    if (error?.status === 400 && /forbidden prototype property/i.test(error?.message ?? '') && typeof error.body === 'string') {
      let path: (string | number)[] | null = null;
      try {
        // Plain JSON.parse keeps "__proto__" as an own key, so the finder can name where it is.
        path = findReservedKey(JSON.parse(error.body));
      } catch {
        path = null;
      }
      const where = path ?? ['__proto__'];
      const key = String(where[where.length - 1]);
      throw new errors.ValidationError(`"${key}" is a reserved name and cannot be used as a key in the body`, {
        errors: [{ path: where, message: `"${key}" is a reserved name`, name: 'ValidationError' }],
      });
    }
    throw error;
  }
};
