import type { Core } from '@strapi/strapi';
/**
 * The Jiyue suite: each entry is a local TypeScript plugin under plugins/<name>, built by
 * `npm run build:plugins` into plugins/<name>/dist before Strapi loads it.
 */
// i18n reads this when it loads (after config) to name the first locale of a fresh database:
// a new cluster starts with zh-Hans instead of Strapi's English default.
process.env.STRAPI_PLUGIN_I18N_INIT_LOCALE_CODE ??= 'zh-Hans';

export default ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
    },
  },
  'site-group': {
    enabled: true,
    resolve: './plugins/site-group',
    config: {},
  },
  'review-workflow': {
    enabled: true,
    resolve: './plugins/review-workflow',
    config: {
      clusterDomains: env.array('CLUSTER_DOMAINS', ['gov.cn']),
    },
  },
  distribution: {
    enabled: true,
    resolve: './plugins/distribution',
    config: {
      // Channels name a credential; the secrets themselves stay in the environment, never in the database.
      // Each credential belongs to the site(s) named in `site`: only their channels may use it. Only
      // variables starting with JIYUE_CHANNEL_ are ever read.
      credentials: {
        wechat: { site: 'ganzi', appId: 'env:JIYUE_CHANNEL_WECHAT_APP_ID', appSecret: 'env:JIYUE_CHANNEL_WECHAT_APP_SECRET' },
        weibo: { site: 'ganzi', accessToken: 'env:JIYUE_CHANNEL_WEIBO_ACCESS_TOKEN' },
        webhook: { site: 'ganzi', secret: 'env:JIYUE_CHANNEL_WEBHOOK_SECRET' },
      },
      ...(env('PUBLIC_URL') ? { publicUrl: env('PUBLIC_URL') } : {}),
    },
  },
  'policy-match': {
    enabled: true,
    resolve: './plugins/policy-match',
    config: {},
  },
  bilingual: {
    enabled: true,
    resolve: './plugins/bilingual',
    config: {},
  },
  'cluster-search': {
    enabled: true,
    resolve: './plugins/cluster-search',
    config: {},
  },
});
