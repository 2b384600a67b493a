// Jest transformer for the few ES-module-only packages the kernel depends on (see jest.config.js):
// esbuild rewrites import/export to CommonJS, the form jest's module registry loads. Used by jest only;
// at run time Node 20.19+ requires these packages natively.
const { transformSync } = require('esbuild');

module.exports = {
  process(sourceText, sourcePath) {
    const { code, map } = transformSync(sourceText, { format: 'cjs', loader: 'js', target: 'node20', sourcefile: sourcePath, sourcemap: 'external' });
    return { code, map };
  },
};
