import { strictObject, z } from '@jiyue/kernel';

/** The public feeds (`feed.show`): RSS 2.0 or JSON Feed 1.1, chosen by the file extension. */

export const showQuery = strictObject({ locale: z.string().max(35).optional() });

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1); the `.xml` variant is RSS 2.0 with the same items. */
export const showResponse = z.looseObject({
  version: z.literal('https://jsonfeed.org/version/1.1'),
  title: z.string(),
  home_page_url: z.string().optional(),
  feed_url: z.string().optional(),
  language: z.string().optional(),
  items: z.array(
    z.looseObject({
      id: z.string(),
      url: z.string().optional(),
      title: z.string().optional(),
      content_html: z.string().optional(),
      content_text: z.string().optional(),
      date_published: z.string().optional(),
    })
  ),
});
