// @jiyue/admin-ui: admin-panel pieces shared by the plugins' screens (compiled by Strapi's admin bundler).
import en from './translations/en.json';
import zhHans from './translations/zh-Hans.json';

export { StageBadge, useStageLabel, isReviewStage, REVIEW_STAGES, type ReviewStage } from './stage-badge';
export { StatusBadge, useMatchStatusLabel, type MatchStatus } from './status-badge';
export { FindingList, type Finding, type FindingListProps } from './finding-list';
export { useDocumentLocale } from './document-locale';
export { usePermissions, type PermissionAction } from './use-permissions';
export { injectTibetanFont, tibetanFontCss, TIBETAN_FONT_FAMILY, TIBETAN_UNICODE_RANGE } from './tibetan-font';

/** This package's messages by admin locale; each plugin's registerTrads merges them into its own. */
export const adminUiTranslations: Record<string, Record<string, string>> = { en, 'zh-Hans': zhHans };
