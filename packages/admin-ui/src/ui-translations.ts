import en from './translations/en.json';
import zhHans from './translations/zh-Hans.json';

/** This package's messages by admin locale; every plugin's registerTrads merges them into its own (see `defineAdminPlugin`). */
export const adminUiTranslations: Record<string, Record<string, string>> = { en, 'zh-Hans': zhHans };
