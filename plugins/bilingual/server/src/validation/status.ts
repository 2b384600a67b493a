import { yup } from '@strapi/utils';
import { strictValidator } from './validator';
import { tibetanDigitsToAscii } from '@jiyue/kernel';

const wholeNumber = yup
  .number()
  // ༡༠༠ is a number too.
  .transform((value, original) => (original === '' || original === undefined ? undefined : Number(tibetanDigitsToAscii(String(original)))))
  .typeError('must be a whole number')
  .integer('must be a whole number');

export const validateStatusQuery = strictValidator(
  yup.object({
    site: yup.string().trim().max(64),
    contentType: yup.string().trim().max(120),
    limit: wholeNumber.min(0).max(1000).default(100),
  })
);
