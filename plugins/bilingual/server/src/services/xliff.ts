import type { Core, Modules, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { buildXliff, parseXliff, XliffError, type XliffFile } from '../utils/xliff';
import { getService } from '../utils/get-service';
import type { SourceRow } from './source-hash';
import { followedContentTypes, isFollowed } from '../utils/content-types';
import { pluginConfig } from '../utils/plugin-config';
import { withWriteContext } from '../utils/write-context';
import { service, optionalService } from '@jiyue/kernel';

type Problem = { path: (string | number)[]; message: string; name: 'ValidationError' };
const problem = (path: (string | number)[], message: string): Problem => ({ path, message, name: 'ValidationError' });

const refuse = (message: string, problems: Problem[]): never => {
  throw new errors.ValidationError(`${message} Nothing was imported.`, { errors: problems });
};

/** XLIFF 2.0 for translators: export source text (with any existing translation) and import translations as drafts. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knownLocales = async (): Promise<string[]> => (await strapi.plugin('i18n').service('locales').find()).map((l: { code: string }) => l.code);

  return {
    async export({ uid, documentIds, locale }: { uid: string; documentIds: string[]; locale?: string }): Promise<string> {
      if (!isFollowed(uid)) refuse(`"${uid}" is not a localized content type followed by bilingual.`, [problem(['uid'], `must be one of ${followedContentTypes().join(', ')}`)]);
      const source = pluginConfig('sourceLocale');
      const target = locale ?? pluginConfig('tibetanLocales')[0];
      if (target === source || !(await knownLocales()).includes(target)) refuse(`Unknown target locale "${target}".`, [problem(['locale'], 'must be a known locale other than the source')]);

      const hashes = getService('source-hash');
      const fields = hashes.fields(uid);
      const sources = new Map((await hashes.sourceRows(uid, documentIds, 'draft')).map((r) => [r.documentId, r]));
      const missing = documentIds.filter((id) => !sources.has(id));
      if (missing.length) {
        throw new errors.NotFoundError(`No ${source} version of ${uid} ${missing.join(', ')}`);
      }
      const targetRows: SourceRow[] = await strapi.db.query(uid).findMany({ where: { documentId: { $in: documentIds }, locale: target, publishedAt: { $null: true } }, select: ['documentId', ...fields] });
      const targets = new Map(targetRows.map((r) => [r.documentId, r])
      );
      const files: XliffFile[] = documentIds.map((documentId) => {
        const row = sources.get(documentId)!; // every documentId has a source row (checked above)
        const translated = targets.get(documentId);
        return {
          uid,
          documentId,
          sourceHash: hashes.hashOf(uid, row),
          units: fields
            .flatMap((f) => {
              const text = row[f];
              const translation = translated?.[f];
              return typeof text === 'string' && text !== '' ? [{ id: f, source: text, target: typeof translation === 'string' ? translation : null }] : [];
            }),
        };
      });
      return buildXliff({ srcLang: source, trgLang: target, files });
    },

    /**
     * Writes the translations of an XLIFF document as drafts of the target locale, all or nothing:
     * every problem (unknown type, document or field, a source that changed since the export, text
     * that is not Tibetan) is reported at once and nothing is written.
     */
    /** `sites`: the caller's sites (null: every site); a file for a document of another site is refused with 403 naming it. */
    async import(xml: string, sites: string[] | null = null) {
      let doc;
      try {
        doc = parseXliff(xml);
      } catch (e) {
        if (e instanceof XliffError) refuse(`Malformed or invalid XLIFF: ${e.message}.`, e.problems.map((p) => problem(p.path, p.message)));
        throw e;
      }
      const source = pluginConfig('sourceLocale');
      const problems: Problem[] = [];
      if (doc.srcLang !== source) problems.push(problem(['xliff', 'srcLang'], `must be ${source}`));
      if (doc.trgLang === source || !(await knownLocales()).includes(doc.trgLang)) problems.push(problem(['xliff', 'trgLang'], 'must be a known locale other than the source'));

      const hashes = getService('source-hash');
      const writes: { uid: string; documentId: string; data: Record<string, string>; fileIndex: number }[] = [];
      const seen = new Set<string>();
      for (const [fi, file] of doc.files.entries()) {
        const path = ['file', fi];
        if (!isFollowed(file.uid)) {
          problems.push(problem([...path, 'uid'], `unknown content type "${file.uid}"`));
          continue;
        }
        if (seen.has(`${file.uid}:${file.documentId}`)) problems.push(problem([...path, 'documentId'], `${file.documentId} appears twice`));
        seen.add(`${file.uid}:${file.documentId}`);
        const current = await hashes.current(file.uid, file.documentId, 'draft');
        if (!current) {
          problems.push(problem([...path, 'documentId'], `unknown document ${file.documentId} of ${file.uid}`));
          continue;
        }
        if (sites) {
          const owner = (await optionalService(strapi, 'site-group', 'ownership')?.ownerOf(file.uid, file.documentId)) ?? null;
          if (!owner || !sites.includes(owner)) {
            throw new errors.PolicyError(`file ${fi} (${file.documentId}): site "${owner ?? 'none'}" is outside the sites assigned to you`, { site: owner, path: [...path, 'documentId'] });
          }
        }
        if (current !== file.sourceHash) {
          problems.push(problem([...path, 'sourceHash'], `stale: the ${source} text of ${file.documentId} changed after this file was exported; export it again`));
        }
        const fields = hashes.fields(file.uid);
        const data: Record<string, string> = {};
        file.units.forEach((unit, ui) => {
          if (!fields.includes(unit.id)) problems.push(problem([...path, 'unit', ui, 'id'], `unknown field "${unit.id}" (translatable: ${fields.join(', ')})`));
          else if (unit.id in data) problems.push(problem([...path, 'unit', ui, 'id'], `field "${unit.id}" appears twice`));
          else if (unit.target !== null && unit.target !== undefined) data[unit.id] = unit.target.normalize('NFC');
        });
        if (Object.keys(data).length) writes.push({ uid: file.uid, documentId: file.documentId, data, fileIndex: fi });
      }
      if (problems.length) refuse(`The XLIFF was refused: ${problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('; ')}.`, problems);

      await withWriteContext({ confirmTranslation: true }, () => strapi.db.transaction(async () => {
        for (const write of writes) {
          try {
            // A copy: other plugins' middlewares add their fields (the owner site) to the data they are given.
            await strapi.documents(write.uid as UID.ContentType).update({ documentId: write.documentId, locale: doc.trgLang, data: { ...write.data } } as Modules.Documents.ServiceParams['update']);
          } catch (e: unknown) {
            // The save checks (Tibetan script, field formats) name fields; say which file they are in.
            if (e instanceof errors.ValidationError) {
              const inner = ((e.details as { errors?: { path?: (string | number)[]; message: string }[] } | undefined)?.errors) ?? [];
              refuse(`The XLIFF was refused: file ${write.fileIndex} (${write.documentId}): ${e.message}.`, inner.length
                ? inner.map((i) => problem(['file', write.fileIndex, 'unit', ...(i.path ?? [])], i.message))
                : [problem(['file', write.fileIndex], e.message)]);
            }
            throw e;
          }
        }
      }));
      return { locale: doc.trgLang, imported: writes.map((w) => ({ uid: w.uid, documentId: w.documentId, fields: Object.keys(w.data), status: 'draft' })) };
    },
  };
};
