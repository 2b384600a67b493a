import fs from 'fs';
import path from 'path';
import { shareOneBoot } from './strapi';

/**
 * The entry of an area (a folder of tests/): one jest test file, `area.test.ts`, that runs every
 * `*.spec.ts` of its folder on one booted app. Jest gives each test file its own module registry,
 * so specs required from one file share the loaded Strapi modules and the database built at the
 * first boot; `bootStrapi()` in each spec then costs a snapshot restore and a new Strapi instance
 * (see `shareOneBoot` in ./strapi).
 *
 * Each spec runs inside a `describe` named after its file (run one alone with
 * `npx jest tests/<area>/area.test.ts -t '<name>.spec'`), so its top-level hooks stay its own.
 * Environment variables a spec sets in its hooks or tests are put back after it; variables set when
 * a module is first imported (e.g. tests/distribution/lib.ts) hold for the whole area, as they are
 * read at boot.
 */
export const runArea = (dir: string, { label = path.basename(dir) }: { label?: string } = {}) => {
  const specs = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.spec.ts'))
    .sort();
  if (specs.length === 0) throw new Error(`no *.spec.ts in ${dir}`);
  shareOneBoot(label);
  for (const spec of specs) {
    describe(spec, () => {
      let env: NodeJS.ProcessEnv = {};
      beforeAll(() => {
        env = { ...process.env };
      });
      require(path.join(dir, spec));
      // Registered after the spec's own afterAll hooks, so it runs after them.
      afterAll(() => {
        for (const key of Object.keys(process.env)) if (!(key in env)) delete process.env[key];
        Object.assign(process.env, env);
      });
    });
  }
};
