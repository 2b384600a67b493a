/**
 * The locale a visitor query is counted and suggested under: the `locale` the visitor asked for,
 * else Tibetan when the text holds Tibetan script, else Chinese. Keeps the zh-Hans and bo
 * suggestion lists apart even when a search box sends no locale.
 */
export const queryLocale = (text: string, locale?: string | null): string => locale || (/[\u0F00-\u0FFF]/u.test(text) ? 'bo' : 'zh-Hans');
