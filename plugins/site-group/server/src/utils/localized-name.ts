export type Translations = Record<string, { name?: string; sponsor?: string } | undefined> | null | undefined;

/**
 * A site's or column's name in `locale`: the `name` field holds the primary locale, other locales
 * live in `translations`. Falls back to the primary name, and says so, when no translation exists.
 */
export const localizedName = (
  entity: { name: string; translations?: Translations },
  locale: string,
  primaryLocale: string
): { name: string; localeFallback: boolean } => {
  if (locale === primaryLocale) return { name: entity.name, localeFallback: false };
  const translated = entity.translations?.[locale]?.name;
  return translated ? { name: translated, localeFallback: false } : { name: entity.name, localeFallback: true };
};
