import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { STARTER_TAXONOMY } from '../data/starter-taxonomy';
import { TAG_UID } from '../utils/uids';
import { getService } from '../utils/get-service';
import type { Revisions } from './catalogue';

export interface Tag {
  code: string;
  dimension: string;
  nameZh: string;
  nameBo: string | null;
  synonyms: string[];
  parentCode: string | null;
}

/** A row of the tag table. */
type TagRow = Omit<Tag, 'nameBo' | 'synonyms' | 'parentCode'> & { nameBo?: string | null; synonyms?: unknown; parentCode?: string | null };

const toTag = (r: TagRow): Tag => ({
  code: r.code, dimension: r.dimension, nameZh: r.nameZh, nameBo: r.nameBo ?? null, synonyms: Array.isArray(r.synonyms) ? (r.synonyms as string[]) : [], parentCode: r.parentCode ?? null,
});

/**
 * Tags with a dimension, zh and bo names, synonyms and a parent. Read through a cache that is
 * checked against the table's revision on every call (editors change tags on any instance); the
 * revision is read with the catalogue's (`catalogue.revisions`), or handed in by a caller that has it.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let cached: { revision: string; tags: Tag[]; byCode: Map<string, Tag> } | null = null;

  return {
    async seedStarter() {
      if ((await strapi.db.query(TAG_UID).count()) > 0) return 0;
      await strapi.db.query(TAG_UID).createMany({
        data: STARTER_TAXONOMY.map((t, i) => ({ ...t, nameBo: t.nameBo ? t.nameBo.normalize('NFC') : null, synonyms: t.synonyms ?? [], sortOrder: i })),
      });
      return STARTER_TAXONOMY.length;
    },

    async all(revisions?: Revisions): Promise<{ tags: Tag[]; byCode: Map<string, Tag> }> {
      const revision = (revisions ?? (await getService('catalogue').revisions())).taxonomy;
      if (cached?.revision === revision) return cached;
      const rows = await strapi.db.query(TAG_UID).findMany({ orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }] });
      const tags = rows.map(toTag);
      cached = { revision, tags, byCode: new Map(tags.map((t) => [t.code, t])) };
      return cached;
    },

    async list(dimension?: string) {
      const { tags } = await this.all();
      return dimension ? tags.filter((t) => t.dimension === dimension) : tags;
    },

    /** zh/bo names by code, for explanations. */
    async nameLookup(revisions?: Revisions) {
      const { byCode } = await this.all(revisions);
      return (code: string) => {
        const t = byCode.get(code);
        return t ? { zh: t.nameZh, bo: t.nameBo } : undefined;
      };
    },

    async upsert(input: Tag) {
      const { byCode } = await this.all();
      if (input.parentCode && !byCode.has(input.parentCode)) {
        throw new errors.ValidationError(`unknown parent tag ${input.parentCode}`, { errors: [{ path: ['parentCode'], message: 'is not a known tag' }] });
      }
      const data = { ...input, nameBo: input.nameBo ? input.nameBo.normalize('NFC') : null };
      const existing = await strapi.db.query(TAG_UID).findOne({ where: { code: input.code } });
      const row = existing
        ? await strapi.db.query(TAG_UID).update({ where: { id: existing.id }, data })
        : await strapi.db.query(TAG_UID).create({ data: { ...data, sortOrder: 10_000 } });
      return toTag(row);
    },
  };
};
