import fs from 'fs';
import path from 'path';

// The contracts are shared with the admin screens (`import type … from '@jiyue/kernel/contracts'`):
// at runtime they may import only their own files; a type from elsewhere in the kernel is imported
// with `import type`, which the compiler erases.
describe('the contracts module is isomorphic', () => {
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

  it.each(files)('%s imports at runtime only its own files', (file) => {
    const source = fs.readFileSync(path.join(__dirname, file), 'utf8');
    for (const m of source.matchAll(/^import\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
      const [, typeOnly, target] = m;
      if (!typeOnly) expect(target.startsWith('./')).toBe(true);
    }
    expect(source).not.toMatch(/\brequire\(|\b(process|Buffer|__dirname)\b/);
  });

  it('can be imported alone as @jiyue/kernel/contracts, without the server modules', () => {
    const contracts = require('@jiyue/kernel/contracts');
    expect(contracts.mayCall('bilingual', 'site-group')).toBe(true);
    const compiled = fs.readdirSync(path.dirname(require.resolve('@jiyue/kernel/contracts'))).filter((f) => f.endsWith('.js'));
    for (const file of compiled) {
      const js = fs.readFileSync(path.join(path.dirname(require.resolve('@jiyue/kernel/contracts')), file), 'utf8');
      for (const m of js.matchAll(/require\("([^"]+)"\)/g)) expect(m[1].startsWith('./')).toBe(true);
    }
  });
});
