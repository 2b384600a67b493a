import { yup, validateYupSchema, errors } from '@strapi/utils';

/** Unknown keys are refused with their path (yup would drop them silently), then values are cast and checked. */
export const strictValidator = <S extends yup.AnyObjectSchema>(schema: S) => {
  const validate = validateYupSchema(schema, { strict: false, abortEarly: false });
  return async (input: unknown): Promise<yup.InferType<S>> => {
    const value = (input ?? {}) as Record<string, unknown>;
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw new errors.ValidationError('expected an object', { errors: [{ path: [], message: 'must be an object', name: 'ValidationError' }] });
    }
    const unknown = Object.keys(value).filter((k) => !Object.hasOwn(schema.fields, k));
    if (unknown.length) {
      throw new errors.ValidationError(`unknown field(s): ${unknown.join(', ')}`, {
        errors: unknown.map((k) => ({ path: [k], message: 'is not a known field', name: 'ValidationError', value: value[k] })),
      });
    }
    return validate(value);
  };
};
