import { errors, validateYupSchema, yup } from '@strapi/utils';

export type Problem = { path: (string | number)[]; message: string };

export const refuse = (problems: Problem[]): never => {
  throw new errors.ValidationError(problems.map((p) => `${p.path.join('.') || '(root)'}: ${p.message}`).join('; '), {
    errors: problems.map((p) => ({ path: p.path.map(String), message: p.message, name: 'ValidationError' })),
  });
};

/** Keys of `input` that `schema` does not declare, at any depth of nested object schemas, with their paths. */
const unknownKeys = (schema: any, input: unknown, path: (string | number)[] = []): Problem[] => {
  if (!schema || typeof input !== 'object' || input === null) return [];
  if (schema.type === 'array' && Array.isArray(input) && schema.innerType) {
    return input.flatMap((v, i) => unknownKeys(schema.innerType, v, [...path, i]));
  }
  if (schema.type !== 'object' || Array.isArray(input) || !schema.fields || schema.spec?.meta?.open) return [];
  return Object.entries(input as Record<string, unknown>).flatMap(([k, v]) =>
    Object.hasOwn(schema.fields, k) ? unknownKeys(schema.fields[k], v, [...path, k]) : [{ path: [...path, k], message: 'is not a known field' }]
  );
};

/** Unknown keys are refused with their path (yup would strip them silently), then values are cast and checked. */
export const bodyValidator = <S extends yup.AnyObjectSchema>(schema: S) => {
  const validate = validateYupSchema(schema, { strict: false, abortEarly: false });
  return async (body: unknown): Promise<yup.InferType<S>> => {
    if (body !== undefined && (typeof body !== 'object' || body === null || Array.isArray(body))) refuse([{ path: [], message: 'the body must be a JSON object' }]);
    const input = (body ?? {}) as Record<string, unknown>;
    const unknown = unknownKeys(schema, input);
    if (unknown.length) refuse(unknown);
    return validate(input) as Promise<yup.InferType<S>>;
  };
};
