import type { Core, Schema } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { emitEvent, contentTypeOf } from '@jiyue/kernel';
import { getService } from '../utils/get-service';
import { currentActor } from '@jiyue/kernel';
import { OWNER_FIELD } from '../utils/site-group-types';

export const FILE_UID = 'plugin::upload.file';
export const FOLDER_UID = 'plugin::upload.folder';
export const MEDIA_CHANGED_EVENT = 'site-group.media.changed' as const;

/**
 * Media carry an owning site like content items do: the same `ownerSite` string column, added to
 * Strapi's own file type at register time. A field (not a side table) so that it follows the file
 * through every Strapi query, the `is-in-my-sites` conditions can be attached to the Media Library's
 * own permissions, and it survives upgrades of @strapi/upload (Strapi keeps unknown added
 * attributes through its schema sync; a side table would need its own clean-up on every delete path).
 */
export const addFileOwner = (strapi: Core.Strapi) => {
  // The schema is extended in place at register time, before Strapi loads it into the database.
  const file = contentTypeOf(strapi, FILE_UID) as (Schema.ContentType & { attributes: Record<string, unknown> }) | undefined;
  if (!file) return;
  file.attributes[OWNER_FIELD] = { type: 'string', maxLength: 64, configurable: false, private: false };
  file.indexes = [...(file.indexes ?? []), { name: 'files_owner_site', columns: ['owner_site'] }];
};

type FileRow = { id: number; [OWNER_FIELD]?: string | null };

/** A document that uses a file in its published version: it changes on the public site without review. */
export interface MediaUse {
  uid: string;
  documentId: string;
  locale: string | null;
  ownerSite: string | null;
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The owner of a new file: a `site` field of the upload form if given (checked), else the uploader's home site. */
  async ownerForUpload(): Promise<string> {
    const actor = currentActor(strapi);
    const request = strapi.requestContext.get();
    const named: unknown = request?.request?.body?.site ?? request?.query?.site;
    const owners = getService('ownership');
    if (named !== undefined) {
      await owners.assertValidOwner(actor, named);
      return named as string;
    }
    return owners.defaultOwner(actor);
  },

  /** A file without an owner (uploaded before owners existed) counts as the root site's. */
  async ownerOf(file: FileRow): Promise<string> {
    const stored = file[OWNER_FIELD];
    if (stored) return stored;
    const row: FileRow | null = file.id
      ? await strapi.db.query(FILE_UID).findOne({ where: { id: file.id }, select: ['id', OWNER_FIELD] })
      : null;
    return row?.[OWNER_FIELD] ?? (await getService('ownership').defaultOwner({ kind: 'system' }));
  },

  /**
   * Replacing, editing or deleting a file needs scope over the site that owns it (403 otherwise).
   * Every file belongs to a site (one without an owner counts as the root site's), so through the
   * content API only callers that act for every site may change one: full-access API tokens.
   * Users-permissions users, the Public role, and read-only or custom tokens get a 403 naming the
   * file whatever upload permissions they hold; admin users need scope over the owner.
   */
  async assertMayChange(files: FileRow[], what: string) {
    const actor = currentActor(strapi);
    const apiCaller = actor.kind === 'user' || actor.kind === 'public' || (actor.kind === 'api-token' && actor.type !== 'full-access');
    for (const file of files) {
      const owner = await this.ownerOf(file);
      if (apiCaller) {
        throw new errors.PolicyError(
          `You cannot ${what} file #${file.id}: it belongs to site "${owner}", and through the content API only full-access API tokens may replace or delete a site's files`,
          { file: file.id, site: owner }
        );
      }
      await getService('editor-scope').assertCanActFor(actor, owner, `${what} file #${file.id}`);
    }
  },

  /** Documents whose published version uses one of these files (the upload morph join table). */
  async publishedUses(fileIds: number[]): Promise<MediaUse[]> {
    if (!fileIds.length) return [];
    const attribute = strapi.db.metadata.get(FILE_UID).attributes.related;
    const joinTable = 'joinTable' in attribute ? attribute.joinTable : undefined;
    if (!joinTable || !('morphColumn' in joinTable)) throw new Error(`${FILE_UID}.related is not a polymorphic join table`);
    const rows: { id: number; type: string }[] = await strapi.db
      .connection(joinTable.name)
      .whereIn(joinTable.joinColumn.name, fileIds)
      .select({ id: joinTable.morphColumn.idColumn.name, type: joinTable.morphColumn.typeColumn.name });

    const idsByType = new Map<string, number[]>();
    for (const row of rows) idsByType.set(row.type, [...(idsByType.get(row.type) ?? []), Number(row.id)]);

    const uses = new Map<string, MediaUse>();
    for (const [uid, ids] of idsByType) {
      const model = contentTypeOf(strapi, uid);
      // Components hold media too; their owning document is found through the parent, which this
      // first version does not follow (see README).
      if (!model || model.options?.draftAndPublish !== true) continue;
      const localized = 'locale' in model.attributes;
      const hasOwner = OWNER_FIELD in model.attributes;
      const entries = (await strapi.db.query(uid).findMany({
        where: { id: { $in: ids }, publishedAt: { $notNull: true } },
        select: ['documentId', ...(localized ? ['locale'] : []), ...(hasOwner ? [OWNER_FIELD] : [])],
      })) as { documentId: string; locale?: string | null; [OWNER_FIELD]?: string | null }[];
      for (const e of entries) {
        const use: MediaUse = { uid, documentId: e.documentId, locale: e.locale ?? null, ownerSite: e[OWNER_FIELD] ?? null };
        uses.set(`${uid}|${use.documentId}|${use.locale}`, use);
      }
    }
    return [...uses.values()];
  },

  /**
   * Tells the plugins below (review-workflow) that published items changed without review. They
   * learn of it through this event only; site-group knows nothing of their state.
   */
  async announce(action: 'replace' | 'update' | 'delete', fileIds: number[], uses: MediaUse[]) {
    if (!uses.length) return;
    const actor = currentActor(strapi);
    await emitEvent(strapi.eventHub, MEDIA_CHANGED_EVENT, {
      action,
      fileIds,
      documents: uses,
      actorId: actor.kind === 'admin' ? actor.user.id : null,
    });
  },
});
