import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { getService } from '../utils/get-service';
import { currentActor } from '@jiyue/kernel';
import { OWNER_FIELD } from '../utils/site-group-types';
import { FILE_UID, FOLDER_UID } from './media-owner';

type FileRow = { id: number; [OWNER_FIELD]?: string | null };

const fileById = (strapi: Core.Strapi, id: unknown): Promise<FileRow | null> =>
  strapi.db.query(FILE_UID).findOne({ where: { id: Number(id) }, select: ['id', OWNER_FIELD] });

/**
 * Replacing a file keeps its id, so every published page showing it changes at once; deleting it
 * removes it from them. Both go through @strapi/upload's `upload` service (admin and content API,
 * single and bulk delete, folder delete), which is wrapped here: the actor needs scope over the
 * file's owning site, and the published items using it are announced so they go back to review.
 */
export const guardMedia = (strapi: Core.Strapi) => {
  const media = () => getService('media');

  strapi.get('services').extend('plugin::upload.upload', (original: Core.Service) => ({
    ...original,
    async replace(id: unknown, input: unknown, opts: unknown) {
      const file = await fileById(strapi, id);
      if (file) await media().assertMayChange([file], 'replace');
      const result = await original.replace(id, input, opts);
      if (file) await media().announce('replace', [file.id], await media().publishedUses([file.id]));
      return result;
    },
    async updateFileInfo(id: unknown, input: unknown, opts: unknown) {
      const file = await fileById(strapi, id);
      if (file) await media().assertMayChange([file], 'edit');
      return original.updateFileInfo(id, input, opts);
    },
    async remove(file: FileRow) {
      const row = (await fileById(strapi, file?.id)) ?? file;
      await media().assertMayChange([row], 'delete');
      const uses = await media().publishedUses([row.id]);
      const result = await original.remove(file);
      await media().announce('delete', [row.id], uses);
      return result;
    },
  }));

  // A `site` named in the upload form is checked before the file reaches the provider (the lifecycle
  // below checks it again, but by then the binary is already stored).
  strapi.get('controllers').extend('plugin::upload.admin-upload', (original: Core.Controller) => {
    const wrapped: Core.Controller = Object.create(original);
    for (const action of ['upload', 'uploadFile', 'uploadFiles'] as const) {
      if (typeof original[action] !== 'function') continue;
      wrapped[action] = async function checkSite(this: Core.Controller, ctx: Context, next: Next) {
        const site: unknown = ctx.request?.body?.site;
        if (site !== undefined && !ctx.query?.id) await getService('ownership').assertValidOwner(currentActor(strapi), site);
        return original[action].call(this, ctx, next);
      };
    }
    return wrapped;
  });

  // The Media Library's bulk delete removes files one by one in parallel: check them all first so a
  // refused file never leaves the others half deleted.
  strapi.get('controllers').extend('plugin::upload.admin-folder-file', (original: Core.Controller) => {
    const wrapped: Core.Controller = Object.create(original);
    wrapped.deleteMany = async function deleteMany(this: Core.Controller, ctx: Context, next: Next) {
      const body: { fileIds?: unknown; folderIds?: unknown } = ctx.request.body ?? {};
      const fileIds = (Array.isArray(body.fileIds) ? (body.fileIds as unknown[]) : []).map(Number).filter(Number.isInteger);
      const folderIds = (Array.isArray(body.folderIds) ? (body.folderIds as unknown[]) : []).map(Number).filter(Number.isInteger);
      const files: FileRow[] = fileIds.length
        ? await strapi.db.query(FILE_UID).findMany({ where: { id: { $in: fileIds } }, select: ['id', OWNER_FIELD] })
        : [];
      if (folderIds.length) {
        const folders = await strapi.db.query(FOLDER_UID).findMany({ where: { id: { $in: folderIds } }, select: ['path'] });
        if (folders.length) {
          files.push(
            ...(await strapi.db.query(FILE_UID).findMany({
              where: { $or: folders.flatMap((f: { path: string }) => [{ folderPath: { $eq: f.path } }, { folderPath: { $startsWith: `${f.path}/` } }]) },
              select: ['id', OWNER_FIELD],
            }))
          );
        }
      }
      await media().assertMayChange(files, 'delete');
      return original.deleteMany.call(this, ctx, next);
    };
    return wrapped;
  });
};

/** New files get an owner: the `site` field of the upload form, else the uploader's home site. */

export const subscribeFileOwner = (strapi: Core.Strapi) => {
  strapi.db.lifecycles.subscribe({
    models: [FILE_UID],
    async beforeCreate(event) {
      const data: Record<string, unknown> | undefined = event.params.data;
      if (data && data[OWNER_FIELD] === undefined) data[OWNER_FIELD] = await getService('media').ownerForUpload();
    },
  });
};
