import type { Core } from '@strapi/strapi';

const HIGH = { points: 1_000_000, duration: 60 };

/**
 * Raises the public routes' per-client rate limits far above anything a test or benchmark sends
 * (every request of a test comes from 127.0.0.1, one client). For suites that hammer search,
 * suggest or match; the security suite lowers them instead to see the 429.
 */
export const liftRateLimits = (strapi: Core.Strapi) => {
  strapi.config.set('plugin::cluster-search.rateLimits', { search: HIGH, suggest: HIGH });
  strapi.config.set('plugin::policy-match.rateLimits', { match: HIGH });
};
