import replacementContentType from './content-types/replacement';
import replacementChangeContentType from './content-types/replacement-change';
import replacementEventContentType from './content-types/replacement-event';
import replacementController from './controllers/replacement';
import adminRoutes from './routes/admin';
import replacement from './services/replacement';
import replacementApply from './services/replacement-apply';
import replacementScope from './services/replacement-scope';

export { replacementAuditImmutability } from './document-middlewares/audit-immutability';
export { REPLACEMENT_ACTIONS } from './utils/replacement-actions';
export { REPLACEMENT_DEFAULTS, validateReplacementConfig, type ReplacementConfig } from './utils/replacement-config';

/**
 * Cluster-wide find and replace (一键全集群替换), wired into the distribution plugin: its content
 * types, services, controller and admin routes keep distribution's names (uids
 * `plugin::distribution.replacement*`, services `replacement*`, routes `/distribution/replacements/…`).
 * See ./README.md.
 */
export const findReplaceContentTypes = {
  replacement: replacementContentType,
  'replacement-change': replacementChangeContentType,
  'replacement-event': replacementEventContentType,
};

export const findReplaceServices = {
  replacement,
  'replacement-apply': replacementApply,
  'replacement-scope': replacementScope,
};

export const findReplaceControllers = { replacement: replacementController };

export const findReplaceAdminRoutes = adminRoutes;
