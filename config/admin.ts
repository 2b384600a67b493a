import type { Core } from '@strapi/strapi';
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  auth: {
    secret: env('ADMIN_JWT_SECRET'),
  },
  apiToken: {
    salt: env('API_TOKEN_SALT'),
  },
  transfer: {
    token: {
      salt: env('TRANSFER_TOKEN_SALT'),
    },
  },
  secrets: {
    encryptionKey: env('ENCRYPTION_KEY'),
  },
  // Plugin sources are rebuilt by `npm run develop`, which then touches plugins/build-stamp.json:
  // restarting on the sources themselves would race the compiler.
  watchIgnoreFiles: ['**/plugins/*/server/**', '**/plugins/*/admin/**', '**/tests/**', '**/scripts/**'],
  flags: {
    nps: false,
    promoteEE: false,
  },
});
