import type { Core, Modules, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { applyGlossary } from '../utils/apply-glossary';
import { getService } from '../utils/get-service';
import { followedContentTypes, isFollowed } from '../utils/content-types';
import { pluginConfig } from '../utils/plugin-config';
import { withWriteContext } from '../utils/write-context';

/**
 * A machine-assisted first draft of a translation: the source text with the approved glossary
 * terms substituted. Written as a draft only (never published), marked machine-assisted in the
 * translation record, so it goes through review like any other version.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async pretranslate({ uid, documentId, locale, force = false }: { uid: string; documentId: string; locale?: string; force?: boolean }) {
    if (!isFollowed(uid)) {
      throw new errors.ValidationError(`"${uid}" is not a localized content type followed by bilingual`, {
        errors: [{ path: ['uid'], message: `must be one of ${followedContentTypes().join(', ')}`, name: 'ValidationError' }],
      });
    }
    const target = locale ?? pluginConfig('tibetanLocales')[0];
    const source = pluginConfig('sourceLocale');
    if (target === source) throw new errors.ValidationError('cannot pretranslate into the source locale', { errors: [{ path: ['locale'], message: `must not be ${source}`, name: 'ValidationError' }] });
    const entry: Record<string, unknown> | null = await strapi.documents(uid as UID.ContentType).findOne({ documentId, locale: source, status: 'draft' });
    if (!entry) throw new errors.NotFoundError(`No ${source} version of ${uid} ${documentId}`);

    const existing = await strapi.db.query(uid).count({ where: { documentId, locale: target } });
    const record = await getService('translation-record').find(uid, documentId, target);
    if (existing && !record?.machineAssisted && !force) {
      throw new errors.ValidationError(`The ${target} version was translated by a person; pass force: true to replace it with a machine-assisted draft`, {
        errors: [{ path: ['force'], message: 'required to replace a human translation', name: 'ValidationError' }],
      });
    }

    const terms = await getService('glossary').approvedTerms();
    const data: Record<string, string> = {};
    const substitutions: { field: string; zh: string; bo: string; count: number }[] = [];
    for (const field of getService('source-hash').fields(uid)) {
      const value = entry[field];
      if (typeof value !== 'string' || !value) continue;
      const result = applyGlossary(value, terms);
      data[field] = result.text.normalize('NFC');
      substitutions.push(...result.substitutions.map((s) => ({ field, ...s })));
    }

    await withWriteContext({ machineAssisted: true }, () =>
      strapi.db.transaction(() => strapi.documents(uid as UID.ContentType).update({ documentId, locale: target, data: { ...data } } as Modules.Documents.ServiceParams['update']))
    );
    return { uid, documentId, locale: target, status: 'draft', machineAssisted: true, fields: Object.keys(data), substitutions };
  },
});
