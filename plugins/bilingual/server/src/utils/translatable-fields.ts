type Attribute = { type: string; pluginOptions?: { i18n?: { localized?: boolean } } };
type Model = { uid?: string; pluginOptions?: { i18n?: { localized?: boolean } }; attributes: Record<string, Attribute> };

const TEXT_TYPES = new Set(['string', 'text', 'richtext']);
// Bookkeeping added by other plugins: never translated.
const NOT_TRANSLATED = new Set(['ownerSite', 'locale']);

/** Top-level localized text fields of a localized type: what translators translate and what the status hash covers. */
export const translatableFields = (model: Model): string[] =>
  Object.entries(model.attributes)
    .filter(([name, attr]) => TEXT_TYPES.has(attr.type) && attr.pluginOptions?.i18n?.localized === true && !NOT_TRANSLATED.has(name))
    .map(([name]) => name);

/** Every localized text field (string, text, richtext): what a Tibetan-locale save normalises and checks. */
export const localizedTextFields = translatableFields;
