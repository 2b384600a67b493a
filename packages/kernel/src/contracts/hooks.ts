/**
 * Hook shapes shared by the plugins that expose a registration point (site-group, cluster-search)
 * and those that register into it (bilingual).
 */

/** An item as a public route answers it, before it is sent: a decorator may add fields to it. */
export interface DecoratedItem {
  documentId?: string;
  locale?: string;
  [field: string]: unknown;
}

export interface ItemDecoratorContext {
  /** Which route answers, e.g. `site-group.column-items`, `site-group.site-item`, `cluster-search.search`. */
  route: string;
  /** The request's query as the client sent it (decorators read their own parameters from it, e.g. `fallback`). */
  query: Record<string, unknown>;
  /** The route's parameters (`code` of the site on site-group's routes). */
  params: Record<string, string>;
  /** The response's `meta`, which a decorator may extend. */
  meta: Record<string, unknown>;
}

/**
 * Adds fields to the items of a public response (bilingual: `alternates`). May throw a 4xx
 * (`errors.ValidationError` naming the query parameter) for a parameter of its own it refuses.
 */
export interface ItemDecorator {
  name: string;
  /**
   * The query parameters this decorator reads (bilingual: `fallback`). The route's own strict query
   * schema lets them through to the decorator, which checks them itself.
   */
  queryKeys?: string[];
  decorate(items: DecoratedItem[], context: ItemDecoratorContext): Promise<void> | void;
}

/** A registry of item decorators, run in registration order. */
export interface ItemDecoratorRegistry {
  addItemDecorator(decorator: ItemDecorator): void;
  decorateItems(items: DecoratedItem[], context: ItemDecoratorContext): Promise<void>;
  /** The query parameters the registered decorators read (see `ItemDecorator.queryKeys`). */
  decoratorQueryKeys(): string[];
}

/** Makes a registry; a second decorator with the same name throws (a plugin registers once per boot). */
export const createItemDecoratorRegistry = (): ItemDecoratorRegistry => {
  const decorators: ItemDecorator[] = [];
  return {
    addItemDecorator(decorator) {
      if (decorators.some((d) => d.name === decorator.name)) throw new Error(`Item decorator "${decorator.name}" is already registered`);
      decorators.push(decorator);
    },
    async decorateItems(items, context) {
      for (const decorator of decorators) await decorator.decorate(items, context);
    },
    decoratorQueryKeys() {
      return [...new Set(decorators.flatMap((d) => d.queryKeys ?? []))];
    },
  };
};
