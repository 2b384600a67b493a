import { yup, validateYupSchema } from '@strapi/utils';

const treeQuery = yup.object({
  locale: yup.string().trim().max(35),
  state: yup.string().oneOf(['active', 'closed', 'archived', 'all']),
});

const siteQuery = yup.object({
  locale: yup.string().trim().max(35),
  archived: yup.boolean().typeError('archived must be true or false'),
});

export const validateTreeQuery = validateYupSchema(treeQuery, { strict: false });
export const validateSiteQuery = validateYupSchema(siteQuery, { strict: false });
