export default ({ env }) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  app: {
    keys: env.array('APP_KEYS'),
  },
  // Strapi's remote data transfer (`strapi transfer` with a transfer token) writes through the
  // Query Engine, past the review gate and the audit trail's guards: off unless explicitly allowed.
  transfer: {
    remote: {
      enabled: env.bool('JIYUE_ALLOW_DATA_TRANSFER', false),
    },
  },
});
