import { APP_DIR, fillMissingSecrets, loadDotEnv, progressPrinter, runScript, withStrapi } from './lib/standalone-strapi';

/**
 * `npm run search:reindex` (package.json: "search:reindex": "node -r esbuild-register scripts/search-reindex.ts")
 *
 * Rebuilds the cluster-search index of the database the app is configured for (.env, DATABASE_CLIENT
 * etc.) into a new index, with a progress bar. The running site keeps answering from the old index
 * meanwhile; at the end the new one is swapped in atomically (a renamed pointer file for the embedded
 * engine, an alias for Typesense) and running instances replay what changed during the rebuild.
 */

/** A 30-character bar with the count and the rate. */
const progressBar = () => {
  const print = progressPrinter();
  return ({ done, total, perSecond }: { done: number; total: number; perSecond: number }) => {
    const share = total ? done / total : 1;
    const width = 30;
    const filled = Math.round(share * width);
    print(done, total, `search:reindex [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total} (${Math.round(share * 100)} %) ${Math.round(perSecond)} rows/s`);
  };
};

const main = async () => {
  process.chdir(APP_DIR);
  loadDotEnv();
  fillMissingSecrets();
  process.env.LOG_LEVEL ??= 'warn';
  await withStrapi(async (strapi) => {
    const plugin = strapi.plugin('cluster-search');
    if (!plugin) throw new Error('the cluster-search plugin is not enabled in config/plugins.ts');
    const before = await plugin.service('engine').get().stats();
    console.log(`search:reindex: ${before.engine} index ${before.file ?? before.collection} (${before.documents} documents now)`);
    const result = await plugin.service('indexer').rebuild({ onProgress: progressBar() });
    const after = await plugin.service('engine').get().stats();
    console.log(
      `search:reindex: ${result.documents} index documents from ${result.rows} published rows in ${(result.ms / 1000).toFixed(1)} s ` +
        `(${Math.round(result.perSecond)} rows/s); now serving ${after.file ?? after.collection}`
    );
  });
};

runScript(main);
