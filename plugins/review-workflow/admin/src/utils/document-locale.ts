// One helper for every panel of the edit view: @jiyue/admin-ui's.
export { useDocumentLocale } from '@jiyue/admin-ui';
