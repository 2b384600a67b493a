// @jiyue/admin-ui: admin-panel pieces shared by the plugins' screens (compiled by Strapi's admin bundler).

export { StageBadge, useStageLabel, isReviewStage, REVIEW_STAGES, type ReviewStage } from './stage-badge';
export { StatusBadge, useMatchStatusLabel, type MatchStatus } from './status-badge';
export { FindingList, type Finding, type FindingListProps } from './finding-list';
export { useDocumentLocale } from './document-locale';
export { pluginPermissions, usePermissions, type PermissionAction } from './use-permissions';
export { injectTibetanFont, tibetanFontCss, TIBETAN_FONT_FAMILY, TIBETAN_UNICODE_RANGE } from './tibetan-font';
export { adminUiTranslations } from './ui-translations';
export { defineAdminPlugin, type AdminPluginOptions, type ContentManagerApis, type Messages } from './define-admin-plugin';
