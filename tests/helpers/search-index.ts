import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';

/**
 * The embedded search index is a file beside the app named after the database (every generation a
 * rebuild makes, plus its pointer). Read the name while the app runs; the returned function removes
 * the files once it is stopped. Typesense keeps no files here.
 */
export const searchIndexRemover = async (strapi: Core.Strapi): Promise<() => void> => {
  const plugin = strapi.plugin('cluster-search');
  const stats = plugin ? ((await plugin.service('engine').get().stats()) as { file?: string }) : {};
  if (!stats.file) return () => undefined;
  const dir = path.dirname(stats.file);
  const name = path.basename(stats.file).split('.')[0];
  return () => {
    if (!fs.existsSync(dir)) return;
    for (const f of fs.readdirSync(dir)) if (f.startsWith(`${name}.`)) fs.rmSync(path.join(dir, f), { force: true });
  };
};
