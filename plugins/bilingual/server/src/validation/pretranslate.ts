import { yup } from '@strapi/utils';
import { strictValidator } from './validator';

export const validatePretranslateBody = strictValidator(
  yup.object({
    uid: yup.string().trim().max(120).required('uid is required'),
    documentId: yup.string().trim().max(64).required('documentId is required'),
    locale: yup.string().trim().max(35),
    force: yup.boolean().default(false),
  })
);
