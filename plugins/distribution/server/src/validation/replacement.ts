import { yup, validateYupSchema } from '@strapi/utils';
import { throwFieldErrors, unknownKeys } from '../utils/field-errors';

/** Unknown keys are refused with their path (yup would strip them silently), then values are cast and checked. */
const strictObject = (schema: yup.AnyObjectSchema, prefix: string[], input: Record<string, unknown>) => unknownKeys(input, Object.keys(schema.fields), prefix);

const scopeSchema = yup
  .object({
    site: yup.string().trim().min(1, 'scope.site is required').max(64).required('scope.site is required'),
    includeDescendants: yup.boolean().default(false),
  })
  .required('scope is required: { site, includeDescendants }');

const previewSchema = yup.object({
  find: yup.string().required('find is required').min(1, 'find must not be empty'),
  replace: yup.string().defined('replace is required (it may be empty to delete the text)').max(10_000),
  regex: yup.boolean().default(false),
  scope: scopeSchema,
  contentTypes: yup.array().of(yup.string().max(120).required()).min(1, 'name at least one content type').max(50),
  locales: yup.array().of(yup.string().max(35).required()).min(1, 'name at least one locale').max(50),
});

export interface PreviewBody {
  find: string;
  replace: string;
  regex: boolean;
  scope: { site: string; includeDescendants: boolean };
  contentTypes?: string[];
  locales?: string[];
}

const validatePreview = validateYupSchema(previewSchema, { strict: false, abortEarly: false });

/** The preview body: shape and types here; names of types, locales and sites are checked against the database by the service. */
export const validatePreviewBody = async (body: unknown): Promise<PreviewBody> => {
  const input = (body && typeof body === 'object' && !Array.isArray(body) ? body : {}) as Record<string, unknown>;
  const unknown = strictObject(previewSchema, [], input);
  if (input.scope && typeof input.scope === 'object' && !Array.isArray(input.scope)) {
    unknown.push(...strictObject(scopeSchema, ['scope'], input.scope as Record<string, unknown>));
  }
  throwFieldErrors(unknown);
  // Strings are compared as stored: NFC (Tibetan stacks have more than one encoding otherwise).
  const valid = (await validatePreview(input)) as PreviewBody;
  return { ...valid, find: valid.find.normalize('NFC'), replace: (valid.replace ?? '').normalize('NFC') };
};

const changesQuerySchema = yup.object({
  page: yup.number().integer().min(1).default(1),
  pageSize: yup.number().integer().min(1).max(500).default(100),
  state: yup.string().oneOf(['pending', 'applied', 'skipped', 'failed', 'rolled-back', 'rollback-skipped', 'rollback-failed']),
});

export const validateChangesQuery = async (query: unknown) => {
  const input = (query ?? {}) as Record<string, unknown>;
  const unknown = strictObject(changesQuerySchema, [], input);
  throwFieldErrors(unknown);
  return (await validateYupSchema(changesQuerySchema, { strict: false, abortEarly: false })(input)) as { page: number; pageSize: number; state?: string };
};

/** Apply and rollback take no body: anything sent is a mistake worth a 400 rather than silence. */
export const validateEmptyBody = (body: unknown) => {
  const input = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  throwFieldErrors(unknownKeys(input, []));
};
