import { yup, validateYupSchema } from '@strapi/utils';

const treeQuery = yup.object({
  locale: yup.string().trim().max(35),
  state: yup.string().oneOf(['active', 'closed', 'archived', 'all']),
});

const siteQuery = yup.object({
  locale: yup.string().trim().max(35),
});

export const validateTreeQuery = validateYupSchema(treeQuery);
export const validateSiteQuery = validateYupSchema(siteQuery);
