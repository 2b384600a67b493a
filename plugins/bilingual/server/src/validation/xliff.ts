import { queryList, strictObject, z } from '@jiyue/kernel';

/** XLIFF 1.2 export and import (`xliff.*`). */

export const exportQuery = strictObject({
  uid: z.string({ error: 'uid is required' }).trim().max(120),
  documentIds: queryList(z.string().max(64))
    .pipe(z.array(z.string()).min(1, { error: 'name at least one documentId' }).max(500, { error: 'at most 500 documents per file' }))
    .describe('comma-separated documentIds'),
  locale: z.string().trim().max(35).optional(),
});

/** The JSON form of an import; the file may also be sent as application/xliff+xml or text/xml. */
export const importBody = strictObject({ xliff: z.string({ error: 'xliff is required: the XLIFF document as a string' }) });
