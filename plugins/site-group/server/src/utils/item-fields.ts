/** Which attributes of a content type give an item's title, summary and date in listings. */
export interface ItemFields {
  title: string;
  summary?: string;
  date?: string;
  source?: string;
  keywords?: string;
  author?: string;
}

const firstOf = (attributes: Record<string, unknown>, names: string[]) => names.find((n) => n in attributes);

/** The listing fields a content type may name in `pluginOptions['site-group']`. */
interface ItemFieldOptions {
  titleField?: string;
  summaryField?: string;
  dateField?: string;
}

export const itemFields = (contentType: { attributes: Record<string, unknown>; pluginOptions?: object }): ItemFields => {
  const options: ItemFieldOptions = (contentType.pluginOptions as { 'site-group'?: ItemFieldOptions } | undefined)?.['site-group'] ?? {};
  const attributes = contentType.attributes;
  return {
    title: options.titleField ?? firstOf(attributes, ['title', 'name', 'question']) ?? 'documentId',
    summary: options.summaryField ?? firstOf(attributes, ['summary', 'description']),
    date: options.dateField ?? firstOf(attributes, ['publishDate']),
    source: firstOf(attributes, ['source', 'issuingAuthority', 'implementingBody']),
    keywords: firstOf(attributes, ['keywords', 'subjectWords', 'aliases']),
    author: firstOf(attributes, ['author']),
  };
};
