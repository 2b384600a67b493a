import type { Core } from '@strapi/strapi';
import type { TagUsage, TaxonomyTag } from '@jiyue/kernel/contracts';
import { errors } from '@strapi/utils';
import { ConflictError } from '@jiyue/kernel';
import { STARTER_RENAMES, STARTER_TAXONOMY } from '../data/starter-taxonomy';
import { ELIGIBILITY_UID, PROFILE_FACT_UID, PROFILE_UID, SUBSCRIPTION_UID, TAG_UID } from '../utils/uids';
import { getService } from '../utils/get-service';
import type { Revisions } from './catalogue';
import { factHoldsDimension, tagUses, type EligibilityUseRow } from '../utils/tag-usage';
import { policyUid } from '../utils/policy-uid';

export type Tag = TaxonomyTag;

/** Where a tag is used: policies (with the path of each use), stored profiles, subscriptions, child tags. */
export type { TagUsage };

/** A tag in use keeps its code and dimension and is not deleted: 409 naming the field and the uses (F). */
export class TagInUseError extends ConflictError<'TagInUseError'> {
  constructor(usage: TagUsage, path: string, message: string) {
    super(`tag ${usage.code} is in use: ${message}`, { errors: [{ path: [path], message, name: 'TagInUseError' }], usage });
    this.name = 'TagInUseError';
  }
}

/** A row of the tag table. */
type TagRow = Omit<Tag, 'nameBo' | 'synonyms' | 'parentCode' | 'sensitive'> & {
  nameBo?: string | null; synonyms?: unknown; parentCode?: string | null; sensitive?: boolean | null;
};

const toTag = (r: TagRow): Tag => ({
  code: r.code, dimension: r.dimension, nameZh: r.nameZh, nameBo: r.nameBo ?? null, synonyms: Array.isArray(r.synonyms) ? (r.synonyms as string[]) : [], parentCode: r.parentCode ?? null,
  sensitive: r.sensitive === true,
});

/**
 * Which release of the starter taxonomy a database holds (plugin store `starterTaxonomyRevision`):
 * 1 = the first starter set, 2 = #19's national identity categories, the `enterprise-type`
 * dimension, sensitive tags and the herder rename.
 */
const STARTER_REVISION = 2;
const STORE_KEY = 'starterTaxonomyRevision';

const starterRow = (t: (typeof STARTER_TAXONOMY)[number], sortOrder: number) => ({
  ...t, nameBo: t.nameBo ? t.nameBo.normalize('NFC') : null, synonyms: t.synonyms ?? [], sensitive: t.sensitive === true, sortOrder,
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
      await strapi.db.query(TAG_UID).createMany({ data: STARTER_TAXONOMY.map((t, i) => starterRow(t, i)) });
      await strapi.store({ type: 'plugin', name: 'policy-match' }).set({ key: STORE_KEY, value: STARTER_REVISION });
      return STARTER_TAXONOMY.length;
    },

    /**
     * Brings a taxonomy seeded by an earlier release up to the current starter set, once (the
     * revision is remembered in the plugin store, so a tag an administrator deleted or edited
     * afterwards is not put back): inserts the starter tags whose code is missing, marks the starter's
     * sensitive tags sensitive, and renames a tag only while it still has its old starter name.
     * Returns what it changed.
     */
    async seedStarterAdditions() {
      const store = strapi.store({ type: 'plugin', name: 'policy-match' });
      const done = Number((await store.get({ key: STORE_KEY })) ?? 1);
      if (done >= STARTER_REVISION) return { added: 0, marked: 0, renamed: 0 };
      const rows: TagRow[] = await strapi.db.query(TAG_UID).findMany({ select: ['code', 'nameZh', 'sensitive'] });
      const have = new Map(rows.map((r) => [r.code, r]));
      const missing = STARTER_TAXONOMY.map((t, i) => ({ t, i })).filter(({ t }) => !have.has(t.code));
      if (missing.length) await strapi.db.query(TAG_UID).createMany({ data: missing.map(({ t, i }) => starterRow(t, i)) });
      let marked = 0;
      for (const t of STARTER_TAXONOMY.filter((x) => x.sensitive)) {
        const row = have.get(t.code);
        if (!row || row.sensitive) continue;
        await strapi.db.query(TAG_UID).update({ where: { code: t.code }, data: { sensitive: true } });
        marked += 1;
      }
      let renamed = 0;
      for (const r of STARTER_RENAMES) {
        if (have.get(r.code)?.nameZh !== r.from) continue;
        await strapi.db.query(TAG_UID).update({ where: { code: r.code }, data: { nameZh: r.to, synonyms: r.synonyms } });
        renamed += 1;
      }
      await store.set({ key: STORE_KEY, value: STARTER_REVISION });
      return { added: missing.length, marked, renamed };
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

    /** Where a tag is used (F): eligibility tags, jurisdictions and rule values, stored profiles, subscriptions and child tags. */
    async usage(code: string): Promise<TagUsage> {
      const { byCode, tags } = await this.all();
      const tag = byCode.get(code);
      if (!tag) throw new errors.NotFoundError(`no tag ${code}`);
      const rows = (await strapi.db.query(ELIGIBILITY_UID).findMany({ select: ['policyDocumentId', 'tags', 'jurisdiction', 'clauses'] })) as EligibilityUseRow[];
      const registry = await getService('registry').current();
      const uses = tagUses(rows, tag, (name) => registry.get(name));
      const byPolicy = new Map<string, string[]>();
      for (const use of uses) byPolicy.set(use.documentId, [...(byPolicy.get(use.documentId) ?? []), use.path.join('.')]);
      const titles = new Map<string, string>();
      if (byPolicy.size) {
        const found = (await strapi.db.query(policyUid()).findMany({ where: { documentId: { $in: [...byPolicy.keys()] } }, select: ['documentId', 'title'] })) as { documentId: string; title: string }[];
        for (const p of found) if (!titles.has(p.documentId)) titles.set(p.documentId, p.title);
      }
      // Stored profiles hold a tag as a typed fact row (fact = a tag-list fact of the tag's dimension, v_text = the code).
      const tagFacts = registry.facts.filter((f) => f.type === 'tag-list' && factHoldsDimension(f, tag.dimension)).map((f) => f.code);
      const schema = strapi.db.getSchemaName?.();
      const facts = strapi.db.connection.queryBuilder();
      if (schema) facts.withSchema(schema);
      const [held] = tagFacts.length
        ? ((await facts.from(strapi.db.metadata.get(PROFILE_FACT_UID).tableName).whereIn('fact', tagFacts).andWhere('v_text', code).countDistinct({ n: 'profile_id' })) as { n: number | string }[])
        : [{ n: 0 }];
      const storedProfiles =
        Number(held.n) + (tag.dimension === 'region' ? await strapi.db.query(PROFILE_UID).count({ where: { regionCode: code } }) : 0);
      const subscriptions = await strapi.db.query(SUBSCRIPTION_UID).count({ where: { kind: { $in: ['tag', 'region'] }, value: code } });
      const children = tags.filter((t) => t.parentCode === code).map((t) => t.code);
      const policies = [...byPolicy.entries()].map(([documentId, paths]) => ({ documentId, title: titles.get(documentId) ?? null, paths }));
      return {
        code, dimension: tag.dimension, policies, storedProfiles, subscriptions, children,
        inUse: policies.length > 0 || storedProfiles > 0 || subscriptions > 0 || children.length > 0,
      };
    },

    /** Deletes a tag nobody uses; a used one answers 409 with its uses (F). */
    async remove(code: string) {
      const usage = await this.usage(code);
      if (usage.inUse) throw new TagInUseError(usage, 'code', 'a tag in use cannot be deleted');
      await strapi.db.query(TAG_UID).delete({ where: { code } });
      return { deleted: true, code };
    },

    async upsert(input: Omit<Tag, 'sensitive'> & { sensitive?: boolean }) {
      const { byCode } = await this.all();
      // F: the dimension of a tag in use is locked (its code is the key); names and synonyms stay editable.
      const before = byCode.get(input.code);
      if (before && before.dimension !== input.dimension) {
        const usage = await this.usage(input.code);
        if (usage.inUse) throw new TagInUseError(usage, 'dimension', `the dimension of a tag in use cannot change (it is ${before.dimension})`);
      }
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
