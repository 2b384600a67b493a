/**
 * Strict TypeScript (issue #17, deliver 4): every tsconfig of the plugins, the kernel, the admin
 * packages and the app is `strict` with nothing switched back off, and `any` appears only at
 * Strapi's untyped edges, each with a one-line reason: a `// any: <why>` comment on the same line
 * or on the line just above. Reads source files with the TypeScript parser: no Strapi boot.
 */
import fs from 'fs';
import path from 'path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '../..');

/** The source trees held to the rule: plugin servers and admins, workspace packages, the app. */
const TREES = [
  ...fs.readdirSync(path.join(ROOT, 'plugins'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => [`plugins/${d.name}/server/src`, `plugins/${d.name}/admin/src`]),
  ...fs.readdirSync(path.join(ROOT, 'packages')).map((name) => `packages/${name}/src`),
  'src',
  'config',
  'database',
  'scripts',
].filter((tree) => fs.existsSync(path.join(ROOT, tree)));

const isTestFile = (file: string) => /\.(test|spec)\.tsx?$/.test(file);

const sourceFiles = (tree: string): string[] => {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'dist') walk(rel);
      } else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') && !isTestFile(entry.name)) found.push(rel);
    }
  };
  walk(tree);
  return found;
};

export interface UnexplainedAny {
  file: string;
  line: number;
  text: string;
}

const REASON = /\/\/\s*any:\s*\S/;

/** Each `any` keyword of a file without a `// any: reason` comment on its line or the line above. */
export const unexplainedAnys = (file: string, text: string): UnexplainedAny[] => {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const lines = text.split('\n');
  const found = new Map<number, UnexplainedAny>();
  const visit = (node: ts.Node) => {
    if (node.kind === ts.SyntaxKind.AnyKeyword) {
      const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const explained = REASON.test(lines[line] ?? '') || REASON.test(lines[line - 1] ?? '');
      if (!explained && !found.has(line)) found.set(line, { file, line: line + 1, text: (lines[line] ?? '').trim() });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return [...found.values()];
};

/** The compiler options a tsconfig ends up with, following `extends`. */
const effectiveOptions = (configPath: string): ts.CompilerOptions => {
  const read = ts.readConfigFile(configPath, ts.sys.readFile);
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
  return ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(configPath)).options;
};

const TSCONFIGS = [
  'tsconfig.json',
  'scripts/tsconfig.json',
  'tests/tsconfig.json',
  'plugins/tsconfig.base.json',
  ...fs.readdirSync(path.join(ROOT, 'plugins'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => [`plugins/${d.name}/tsconfig.json`, `plugins/${d.name}/admin/tsconfig.json`]),
  ...fs.readdirSync(path.join(ROOT, 'packages')).map((name) => `packages/${name}/tsconfig.json`),
].filter((file) => fs.existsSync(path.join(ROOT, file)));

describe('strict TypeScript everywhere', () => {
  it.each(TSCONFIGS)('%s is strict with no strict flag switched back off', (file) => {
    const options = effectiveOptions(path.join(ROOT, file));
    expect(options.strict).toBe(true);
    for (const flag of ['noImplicitAny', 'strictNullChecks', 'strictFunctionTypes', 'strictBindCallApply', 'strictPropertyInitialization', 'noImplicitThis', 'useUnknownInCatchVariables', 'alwaysStrict'] as const) {
      expect({ file, flag, value: options[flag] }).not.toEqual({ file, flag, value: false });
    }
  });
});

describe('`any` only at untyped edges, each with its reason', () => {
  it('finds an unexplained any and accepts an explained one (the checker on planted lines)', () => {
    const planted = [
      'const a: any = 1;',
      '// any: Strapi types a row of an arbitrary model as any',
      'const b: any = 2;',
      'const c = d as any; // any: the koa context of a custom route is untyped',
      'const e = { any: 1 }; const f = e.any; // a property named any is no type',
      "const g = 'any'; // nor is a string",
    ].join('\n');
    expect(unexplainedAnys('planted.ts', planted)).toEqual([{ file: 'planted.ts', line: 1, text: 'const a: any = 1;' }]);
  });

  it.each(TREES)('%s', (tree) => {
    const found = sourceFiles(tree).flatMap((file) => unexplainedAnys(file, fs.readFileSync(path.join(ROOT, file), 'utf8')));
    expect(found.map((f) => `${f.file}:${f.line}  ${f.text}`)).toEqual([]);
  });
});
