export default [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  // Reserved keys (constructor, toString, __proto__, …) in any query or JSON body: 400 naming the key.
  // The first names the key when the JSON parser itself refuses a `__proto__` key; the second checks
  // the parsed query and body before any route runs.
  'global::reserved-json-keys',
  'strapi::body',
  'global::reserved-keys',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
