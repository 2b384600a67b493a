import type { Adapter } from './types';
import { siteColumn } from './site-column';
import { webhook } from './webhook';
import { wechat } from './wechat';
import { weibo } from './weibo';

/** Channel kind → adapter. A policy library files a policy into a site column, so it shares that adapter. */
export const adapters: Record<string, Adapter> = {
  'site-column': siteColumn,
  'policy-library': siteColumn,
  webhook,
  wechat,
  weibo,
};
