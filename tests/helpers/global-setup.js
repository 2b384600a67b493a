// Compiles the app (config/ and src/) into dist/ once per jest run; each test file then boots
// Strapi from dist/ on its own fresh database. Plugins are built before jest by `npm test`.
module.exports = async () => {
  const { compileStrapi } = require('@strapi/strapi');
  await compileStrapi({ appDir: require('path').resolve(__dirname, '../..') });
};
