import { yup, validateYupSchema } from '@strapi/utils';

const pageNumber = (max: number) =>
  yup
    .number()
    .transform((value, original) => (original === '' || original === undefined ? undefined : Number(original)))
    .typeError('must be a whole number')
    .integer('must be a whole number')
    .min(1)
    .max(max);

const columnItemsQuery = yup.object({
  locale: yup.string().trim().max(35),
  page: pageNumber(100000).default(1),
  pageSize: pageNumber(100).default(25),
});

const itemQuery = yup.object({
  locale: yup.string().trim().max(35),
});

export const validateColumnItemsQuery = validateYupSchema(columnItemsQuery, { strict: false, abortEarly: false });
export const validateItemQuery = validateYupSchema(itemQuery, { strict: false });
