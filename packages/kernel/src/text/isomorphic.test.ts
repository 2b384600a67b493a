import fs from 'fs';
import path from 'path';

// The text module runs in the admin screens and a site-builder client too: it may import only its
// own files and the `entities` library, never Node's modules (fs, crypto, …) or a server package.
describe('the text module is isomorphic', () => {
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

  it.each(files)('%s imports only relative files and entities', (file) => {
    const source = fs.readFileSync(path.join(__dirname, file), 'utf8');
    const imports = [...source.matchAll(/(?:from|import|require\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
    for (const target of imports) expect(target.startsWith('./') || target === 'entities').toBe(true);
    expect(source).not.toMatch(/\b(process|Buffer|__dirname)\b/);
  });

  it('can be imported alone as @jiyue/kernel/text', () => {
    const text = require('@jiyue/kernel/text');
    expect(typeof text.richTextToText).toBe('function');
    expect(text.truncate('甘孜藏族自治州', 3)).toBe('甘孜…');
  });
});
