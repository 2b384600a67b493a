import { createItemDecoratorRegistry, type CopyPublisher, type SiteGroupHooksService } from '@jiyue/kernel';

/**
 * Registration points for the plugins above site-group (kernel contract `SiteGroupHooksService`):
 * site-group never calls them; they tell it what to do here.
 *
 * - copy publisher: how a copy of a published item is published. review-workflow registers its
 *   trusted path (the copy's content passed review at its origin); without one the copy is created
 *   published directly.
 * - item decorators: run on the items of the public column-items and site-item routes before they
 *   are answered (bilingual adds `alternates`).
 *
 * Registrations live as long as this Strapi instance (a service is built once per instance).
 */
export default (): SiteGroupHooksService => {
  let copyPublisher: CopyPublisher | null = null;
  const decorators = createItemDecoratorRegistry();
  return {
    setCopyPublisher(publisher) {
      if (copyPublisher) throw new Error('A copy publisher is already registered with site-group');
      copyPublisher = publisher;
    },
    publishCopy(reason, publish) {
      return copyPublisher ? copyPublisher(reason, publish) : publish();
    },
    addItemDecorator: decorators.addItemDecorator,
    decorateItems: decorators.decorateItems,
    decoratorQueryKeys: decorators.decoratorQueryKeys,
  };
};
