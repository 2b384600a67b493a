import { yup } from '@strapi/utils';
import { REGION_CODE } from '../utils/region';
import { bodyValidator } from './body-validator';

export const validateSubscriptionBody = bodyValidator(
  yup.object({
    kind: yup.string().oneOf(['tag', 'theme', 'region']).required(),
    value: yup
      .string()
      .trim()
      .min(1)
      .max(100)
      .required()
      .when('kind', { is: 'region', then: (s) => s.matches(REGION_CODE, 'must be a 6-digit GB/T 2260 region code') }),
  })
);

export const validateRatingBody = bodyValidator(yup.object({ stars: yup.number().strict().integer('must be a whole number of stars').min(1).max(5).required() }));

export const validateCommentBody = bodyValidator(yup.object({ body: yup.string().trim().min(2).max(2000).required() }));

export const validateModerationBody = bodyValidator(yup.object({ note: yup.string().trim().max(500) }));
