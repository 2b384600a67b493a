import { yup } from '@strapi/utils';
import { strictValidator } from './validator';

export const validateExportQuery = strictValidator(
  yup.object({
    uid: yup.string().trim().max(120).required('uid is required'),
    documentIds: yup
      .array()
      .transform((value, original) => (typeof original === 'string' ? original.split(',').map((s: string) => s.trim()).filter(Boolean) : value))
      .of(yup.string().max(64).required())
      .min(1, 'name at least one documentId')
      .max(500, 'at most 500 documents per file')
      .required('documentIds is required (comma-separated)'),
    locale: yup.string().trim().max(35),
  })
);

export const validateImportJson = strictValidator(yup.object({ xliff: yup.string().required('xliff is required: the XLIFF document as a string') }));
