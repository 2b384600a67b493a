/**
 * `npm run develop`: rebuilds the plugins on every change and restarts Strapi once the rebuild is
 * written. Strapi's own watcher ignores dist/, and restarting on the TypeScript sources would race
 * the compiler, so sources are ignored (config/admin.ts) and this script touches
 * plugins/build-stamp.json after each successful build: that file is what restarts Strapi.
 */
import { spawn } from 'child_process';
import fs from 'fs';
import path from 'path';
import ts from 'typescript';

const root = path.resolve(__dirname, '..');
const stamp = path.join(root, 'plugins', 'build-stamp.json');
const BUILD_SUCCEEDED = 6194; // "Found 0 errors. Watching for file changes."

const report = (diagnostic: ts.Diagnostic) =>
  process.stdout.write(ts.formatDiagnosticsWithColorAndContext([diagnostic], {
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => root,
    getNewLine: () => '\n',
  }));

let strapi: ReturnType<typeof spawn> | null = null;
const startStrapi = () => {
  strapi = spawn('npx', ['strapi', 'develop'], { cwd: root, stdio: 'inherit', env: process.env });
  strapi.on('exit', (code) => process.exit(code ?? 0));
};

const onWatchStatus: ts.WatchStatusReporter = (diagnostic, newLine, _options, errorCount) => {
  process.stdout.write(`[plugins] ${ts.flattenDiagnosticMessageText(diagnostic.messageText, newLine)}${newLine}`);
  if (diagnostic.code !== BUILD_SUCCEEDED || errorCount) return;
  fs.writeFileSync(stamp, JSON.stringify({ builtAt: new Date().toISOString() }) + '\n');
  if (!strapi) startStrapi();
};

const host = ts.createSolutionBuilderWithWatchHost(ts.sys, ts.createSemanticDiagnosticsBuilderProgram, report, undefined, onWatchStatus);
ts.createSolutionBuilderWithWatch(host, [path.join(root, 'plugins', 'tsconfig.json')], { verbose: false }).build();

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    strapi?.kill(signal);
    process.exit(0);
  });
}
