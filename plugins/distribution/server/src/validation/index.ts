import { yup, validateYupSchema, errors } from '@strapi/utils';
import { throwFieldErrors, unknownKeys } from '../utils/field-errors';

/** Unknown keys are refused with their path (yup would strip them silently), then values are cast and checked. */
const validator = (schema: yup.AnyObjectSchema) => {
  const validate = validateYupSchema(schema, { strict: false, abortEarly: false });
  return async (body: unknown): Promise<any> => {
    const input = (body ?? {}) as Record<string, unknown>;
    if (typeof input !== 'object' || Array.isArray(input)) throw new errors.ValidationError('expected an object');
    throwFieldErrors(unknownKeys(input, Object.keys(schema.fields)));
    return validate(input);
  };
};

const kind = yup.string().oneOf(['webhook', 'wechat', 'weibo', 'feed', 'policy-library']);

export const validateChannelCreate = validator(
  yup.object({
    key: yup.string().trim().max(120),
    site: yup.string().trim().required('site is required'),
    kind: kind.required('kind is required'),
    name: yup.string().max(200),
    enabled: yup.boolean(),
    autoDeliver: yup.boolean(),
    credential: yup.string().nullable().max(200),
    settings: yup.object().default({}),
  })
);

export const validateChannelUpdate = validator(
  yup.object({
    name: yup.string().max(200),
    enabled: yup.boolean(),
    autoDeliver: yup.boolean(),
    credential: yup.string().nullable().max(200),
    settings: yup.object(),
  })
);

const scope = yup
  .object({ site: yup.string().trim().required('scope.site is required'), includeDescendants: yup.boolean().default(true) })
  .noUnknown(true, 'scope has unknown keys (site, includeDescendants)')
  .required('scope is required');

const retractionBody = validator(
  yup.object({
    uid: yup.string().trim().required('uid is required'),
    documentId: yup.string().trim().required('documentId is required'),
    scope,
    reason: yup.string().trim().min(2, 'a reason is required').max(2000).required('a reason is required'),
  })
);

export const validateDeliveryQuery = validator(
  yup.object({
    status: yup.string().oneOf(['pending', 'in_flight', 'delivered', 'dead', 'cancelled']),
    channel: yup.string().max(200),
    site: yup.string().max(100),
    documentId: yup.string().max(64),
    page: yup.number().integer().min(1).default(1),
    pageSize: yup.number().integer().min(1).max(100).default(25),
  })
);

export const validateRetryDead = validator(yup.object({ channel: yup.string().max(200), site: yup.string().max(100) }));

export const validateFeedQuery = validator(yup.object({ locale: yup.string().max(35) }));

/** The retraction body; `scope` is checked for unknown keys too (yup would drop them quietly). */
export const validateRetraction = async (body: unknown) => {
  const scopeValue = (body as any)?.scope;
  if (scopeValue && typeof scopeValue === 'object' && !Array.isArray(scopeValue)) throwFieldErrors(unknownKeys(scopeValue, ['site', 'includeDescendants'], ['scope']));
  return retractionBody(body);
};

/** `?locale=` of the per-item routes (the Distribution panel); checked against the cluster's locales by the controller. */
export const validateItemQuery = validator(yup.object({ locale: yup.string().trim().max(35) }));
const targetLocale = yup.string().trim().max(35).required('locale is required');

/** PUT /distribution/targets/:uid/:documentId: `targets` is checked by the targets service (null clears the choice). */
export const validateTargetsBody = async (body: unknown): Promise<{ locale: string; targets: unknown }> => {
  const input = await validator(yup.object({ locale: targetLocale, targets: yup.mixed() }))(body);
  if ((body as Record<string, unknown> | null)?.targets === undefined) throwFieldErrors([{ path: ['targets'], message: 'targets is required (null clears the choice)' }]);
  return { locale: input.locale, targets: (body as Record<string, unknown>).targets };
};

export const validateTargetsQuery = validator(yup.object({ locale: targetLocale }));
