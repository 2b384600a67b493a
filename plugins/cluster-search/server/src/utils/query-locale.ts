import { hasTibetan } from '@jiyue/kernel';

/**
 * The locale a visitor query is counted and suggested under: the `locale` the visitor asked for,
 * else Tibetan when the text holds Tibetan script, else Chinese. Keeps the zh-Hans and bo
 * suggestion lists apart even when a search box sends no locale.
 */
export const queryLocale = (text: string, locale?: string | null): string => locale || (hasTibetan(text) ? 'bo' : 'zh-Hans');
