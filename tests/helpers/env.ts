import crypto from 'crypto';

/**
 * Secrets and quiet logging for a test or benchmark boot. Values already in the environment win,
 * so CI can pin them; nothing is written to .env.
 */
export const applyTestEnv = () => {
  const secret = () => crypto.randomBytes(16).toString('base64');
  const defaults: Record<string, string> = {
    NODE_ENV: 'test',
    APP_KEYS: [secret(), secret()].join(','),
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
    LOG_LEVEL: 'error',
    STRAPI_TELEMETRY_DISABLED: 'true',
    STRAPI_DISABLE_UPDATE_NOTIFICATION: 'true',
    BROWSER: 'false',
  };
  for (const [key, value] of Object.entries(defaults)) process.env[key] ??= value;
};
