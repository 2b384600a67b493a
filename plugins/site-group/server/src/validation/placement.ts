import { yup, validateYupSchema } from '@strapi/utils';
import { fieldError, throwFieldErrors } from '../utils/field-errors';

/**
 * Validates a JSON body: unknown keys are refused with their path (Strapi's yup strips them
 * silently when casting), then values are cast and checked.
 */
const bodyValidator = (schema: yup.AnyObjectSchema) => {
  const validate = validateYupSchema(schema, { strict: false, abortEarly: false });
  return async (body: unknown) => {
    const input = (body ?? {}) as Record<string, unknown>;
    throwFieldErrors(Object.keys(input).filter((k) => !Object.hasOwn(schema.fields, k)).map((k) => fieldError([k], 'is not a known field', input[k])));
    return validate(input);
  };
};

const code = yup.string().trim().matches(/^[a-z0-9][a-z0-9-]*$/, 'must be a site code or column slug').max(64);

const placeBody = yup
  .object({
    contentType: yup.string().required().matches(/^(api|plugin)::[\w-]+\.[\w-]+$/, 'must be a content type uid such as api::article.article'),
    documentId: yup.string().required().max(64),
    site: code.required(),
    column: code.required(),
    mode: yup.string().oneOf(['reference', 'copy']).default('reference'),
    pinned: yup.boolean().default(false),
    priority: yup.number().integer().min(-1000).max(1000).default(0),
    sitePublishedAt: yup.date().nullable(),
  });

const submitBody = yup
  .object({
    contentType: placeBody.fields.contentType,
    documentId: placeBody.fields.documentId,
    site: code.required(),
    column: code.required(),
  });

const pushBody = yup
  .object({
    contentType: placeBody.fields.contentType,
    documentId: placeBody.fields.documentId,
    column: code.required(),
    sites: yup.array().of(code.required()).min(1).max(5000),
    level: yup.string().oneOf(['province', 'prefecture', 'county', 'township', 'village']),
    mode: yup.string().oneOf(['reference', 'copy']).default('reference'),
  })
  .test('targets', 'name target `sites` or a `level` of descendants', (body) => Boolean(body?.sites?.length || body?.level));

const batchBody = yup.object({
  contentType: placeBody.fields.contentType,
  documentId: placeBody.fields.documentId,
  targets: yup
    .array()
    .of(yup.object({ site: code.required(), column: code.required() }))
    .required()
    .min(1)
    .max(500),
  mode: yup.string().oneOf(['reference', 'copy']).default('reference'),
});

const arrangeBody = yup
  .object({
    pinned: yup.boolean(),
    priority: yup.number().integer().min(-1000).max(1000),
    sitePublishedAt: yup.date().nullable(),
  })
  .test('something', 'name at least one of pinned, priority, sitePublishedAt', (body) =>
    Boolean(body && (body.pinned !== undefined || body.priority !== undefined || body.sitePublishedAt !== undefined))
  );

const decisionBody = yup.object({ reason: yup.string().trim().max(1000) });
const rejectBody = yup.object({ reason: yup.string().trim().required('a rejection needs a reason').min(2).max(1000) });

const assignmentBody = yup
  .object({
    userId: yup.number().integer().positive().required(),
    site: code.required(),
    includeDescendants: yup.boolean().default(false),
  });

export const validatePlaceBody = bodyValidator(placeBody);
export const validateSubmitBody = bodyValidator(submitBody);
export const validatePushBody = bodyValidator(pushBody);
const validateBatch = bodyValidator(batchBody);
/** As the other bodies, and each target's unknown keys are refused with their path (`targets.0.pinned`). */
export const validateBatchBody = async (body: unknown) => {
  const targets = (body as { targets?: unknown } | null)?.targets;
  if (Array.isArray(targets)) {
    throwFieldErrors(
      targets.flatMap((t, i) =>
        t && typeof t === 'object' && !Array.isArray(t)
          ? Object.keys(t).filter((k) => !['site', 'column'].includes(k)).map((k) => fieldError(['targets', String(i), k], 'is not a known field (site, column)', (t as Record<string, unknown>)[k]))
          : []
      )
    );
  }
  return validateBatch(body);
};
export const validateArrangeBody = bodyValidator(arrangeBody);
export const validateDecisionBody = bodyValidator(decisionBody);
export const validateRejectBody = bodyValidator(rejectBody);
export const validateAssignmentBody = bodyValidator(assignmentBody);
