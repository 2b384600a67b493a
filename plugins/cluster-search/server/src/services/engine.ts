import path from 'path';
import type { Core } from '@strapi/strapi';
import { createEmbeddedEngine } from '../engines/embedded';
import { createTypesenseEngine } from '../engines/typesense';
import type { SearchEngine } from '../engines/types';
import type { ClusterSearchConfig } from '../config';
import { getService } from '../utils/get-service';

/** Each database gets its own embedded index: named after the SQLite file or the PostgreSQL schema/database. */
export const defaultIndexName = () => {
  const client = process.env.DATABASE_CLIENT ?? 'sqlite';
  const raw =
    client === 'sqlite'
      ? path.basename(process.env.DATABASE_FILENAME ?? 'data.db').replace(/\.[^.]*$/, '')
      : `${client}-${process.env.DATABASE_NAME ?? 'strapi'}-${process.env.DATABASE_SCHEMA ?? 'public'}`;
  return raw.replace(/[^\w.-]/g, '_').slice(0, 80) || 'jiyue';
};

/** The one engine of this process: Typesense when configured, the embedded FTS5 index otherwise. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let engine: SearchEngine | null = null;

  return {
    create(): SearchEngine {
      const config = strapi.config.get('plugin::cluster-search') as ClusterSearchConfig;
      const useTypesense = config.engine === 'typesense' || (config.engine === 'auto' && !!config.typesense.url);
      if (useTypesense) return createTypesenseEngine(config.typesense);
      return createEmbeddedEngine({
        dir: path.resolve(strapi.dirs.app.root, config.indexDir),
        name: config.indexName || defaultIndexName(),
        onSwitch: async (changed) => {
          for (const { uid, documentId } of changed) await getService('indexer').sync(uid, documentId);
        },
      });
    },

    get(): SearchEngine {
      if (!engine) engine = this.create();
      return engine;
    },

    async close() {
      await engine?.close();
      engine = null;
    },
  };
};
