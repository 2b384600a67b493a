import type { Core } from '@strapi/strapi';
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  app: {
    keys: env.array('APP_KEYS'),
  },
  // Addresses (or CIDR ranges) of the reverse proxies / load balancers in front of the app. Only a
  // request from one of them may name the client in X-Forwarded-For (read by the public rate limits);
  // from anyone else the header is ignored and the peer address is the client.
  trustedProxies: env.array('TRUSTED_PROXIES', []),
  // Strapi's remote data transfer (`strapi transfer` with a transfer token) writes through the
  // Query Engine, past the review gate and the audit trail's guards: off unless explicitly allowed.
  transfer: {
    remote: {
      enabled: env.bool('JIYUE_ALLOW_DATA_TRANSFER', false),
    },
  },
});
