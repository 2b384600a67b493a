import { yup, validateYupSchema } from '@strapi/utils';
import { errors } from '@strapi/utils';

/** Unknown keys are refused with their path (Strapi's yup strips them silently when casting), then values are cast and checked. */
const bodyValidator = (schema: yup.AnyObjectSchema) => {
  const validate = validateYupSchema(schema, { strict: false, abortEarly: false });
  return async (body: unknown) => {
    const input = (body ?? {}) as Record<string, unknown>;
    const unknown = Object.keys(input).filter((k) => !Object.hasOwn(schema.fields, k));
    if (unknown.length) {
      throw new errors.ValidationError(`unknown field(s): ${unknown.join(', ')}`, {
        errors: unknown.map((k) => ({ path: [k], message: 'is not a known field', name: 'ValidationError', value: input[k] })),
      });
    }
    return validate(input);
  };
};

const locale = yup.string().trim().max(35).required('locale is required');

export const validateSubmitBody = bodyValidator(
  yup.object({ locale, comment: yup.string().max(2000), targets: yup.mixed() })
);

export const validateApproveBody = bodyValidator(
  yup.object({
    locale,
    comment: yup.string().max(2000),
    stage: yup.string().oneOf(['first-review', 'second-review', 'final-review']),
    settlements: yup
      .array()
      .of(
        yup.object({
          key: yup.string().required(),
          resolution: yup.string().oneOf(['dismissed', 'refer', 'override']).required(),
          reason: yup.string().trim().min(2, 'a reason is required').max(1000).required('a reason is required'),
        })
      )
      .default([]),
  })
);

export const validateRejectBody = bodyValidator(
  yup.object({
    locale,
    stage: yup.string().oneOf(['first-review', 'second-review', 'final-review']),
    comment: yup.string().trim().min(2, 'a rejection needs a comment').max(2000).required('a rejection needs a comment'),
  })
);

export const validateEmergencyBody = bodyValidator(
  yup.object({ locale, reason: yup.string().trim().min(4, 'an emergency publish needs a reason').max(2000).required('an emergency publish needs a reason') })
);

export const validateCheckBody = bodyValidator(
  yup.object({
    fields: yup
      .object()
      .required('fields is required: { "<field>": "<text>" }')
      .test('texts', 'every field value must be a string of at most 200,000 characters', (value) =>
        Object.values(value ?? {}).every((v: unknown) => typeof v === 'string' && v.length <= 200_000)
      ),
    plainTextFields: yup.array().of(yup.string()).default([]),
  })
);

export const validateQueueQuery = validateYupSchema(
  yup.object({ stage: yup.string().oneOf(['first-review', 'second-review', 'final-review']), site: yup.string().max(64) }),
  { strict: false }
);

export const validateStageConfigBody = bodyValidator(
  yup.object({
    siteCode: yup.string().nullable().max(64).default(null),
    stage: yup.string().oneOf(['first-review', 'second-review', 'final-review']).required(),
    roles: yup.array().of(yup.string().max(120)).default([]),
    users: yup.array().of(yup.number().integer().positive()).default([]),
    externalSignOff: yup.boolean().default(false),
  })
);

export const validateFlaggedQuery = validateYupSchema(
  yup.object({ since: yup.date().typeError('since must be a date'), limit: yup.number().integer().min(1).max(1000) }),
  { strict: false }
);
