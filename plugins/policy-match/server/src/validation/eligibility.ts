import { yup } from '@strapi/utils';
import { isIsoDate } from '../utils/dates';
import { REGION_CODE } from '../utils/region';
import { bodyValidator } from './body-validator';

const isoDate = () => yup.string().nullable().test('date', 'must be a date YYYY-MM-DD', (v) => v == null || isIsoDate(v));

/** The shape of an eligibility; each clause's rule is then checked against the field registry with its path. */
export const validateEligibilityBody = bodyValidator(
  yup.object({
    audience: yup.string().oneOf(['individual', 'enterprise', 'any']).required(),
    tags: yup.array().of(yup.string().max(80).required()).max(50).default([]),
    jurisdiction: yup.string().nullable().matches(REGION_CODE, 'must be a 6-digit GB/T 2260 region code').default(null),
    applicationDeadline: isoDate().default(null),
    clauses: yup
      .array()
      .of(
        yup.object({
          text: yup.string().trim().min(1).max(2000).required(),
          textBo: yup.string().nullable().max(4000),
          benefit: yup.string().trim().min(1).max(500).required(),
          benefitBo: yup.string().nullable().max(1000),
          rule: yup.mixed().nullable(),
        })
      )
      .max(20)
      .default([]),
  })
);

export const validateTagBody = bodyValidator(
  yup.object({
    code: yup.string().trim().matches(/^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$/, 'letters, digits, - and _ only').required(),
    dimension: yup.string().oneOf(['audience', 'identity', 'industry', 'enterprise-size', 'region', 'life-event', 'enterprise-stage', 'theme']).required(),
    nameZh: yup.string().trim().min(1).max(100).required(),
    nameBo: yup.string().trim().nullable().max(300).default(null),
    synonyms: yup.array().of(yup.string().trim().min(1).max(100).required()).max(50).default([]),
    parentCode: yup.string().nullable().max(80).default(null),
  })
);

export const validateSuggestBody = bodyValidator(yup.object({ text: yup.string().min(1).max(100_000).required(), limit: yup.number().integer().min(1).max(100).default(20) }));
