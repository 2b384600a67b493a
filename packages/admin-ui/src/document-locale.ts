import { useQueryParams } from '@strapi/strapi/admin';

/** The locale the Content Manager's edit view shows (`?plugins[i18n][locale]=`), else the document's own. */
export const useDocumentLocale = (document?: object) => {
  const [{ query }] = useQueryParams<{ plugins?: { i18n?: { locale?: string } } }>();
  return query.plugins?.i18n?.locale ?? (document as { locale?: string } | undefined)?.locale ?? undefined;
};
