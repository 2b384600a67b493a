/**
 * @jiyue/kernel — the one shared toolbox of the Jiyue plugin suite.
 *
 * A plain TypeScript package (not a Strapi plugin; it imports no plugin). Plugins import from here
 * instead of keeping their own copies. Each module is one concern:
 *
 *   http/reserved-keys   refuse `__proto__`, `constructor`, … in any JSON body or query
 *   http/nul-bytes      refuse U+0000 in any string of a JSON body or query (PostgreSQL cannot store it)
 *   http/auth-strategies the names of the content-API auth strategies (API token, admin draft reader)
 *   http/route-scope     how a route declares which sites it acts on (enforced by site-group's policy)
 *   http/rate-limit      per-client limits shared across instances (rate-limiter-flexible)
 *   http/schema          strict zod body/query schemas, parseBody/parseQuery (400 naming each field's path), toJsonSchema
 *   http/route-schemas   a route's declared request/response schemas (Strapi's `request`/`response`)
 *   http/field-errors    the one 400 naming bad fields by path
 *   http/actor           who acts (admin, API token, users-permissions user, Public role, system), read from the request
 *   http/conflict        ConflictError and the 409 answer
 *   db/after-transaction run work once the current transaction has ended
 *   safe-output/sanitize the HTML allow lists for everything that leaves the server (sanitize-html)
 *   safe-output/xml      XML documents (RSS, XLIFF) built with fast-xml-parser's XMLBuilder, one escaper
 *   text/*               isomorphic text: Tibetan/Han character model, segmentation, HTML/Markdown to
 *                        text (entities decoded), syllable-safe truncation and excerpts, NFC
 *   hash/stable-json     stable JSON and its SHA-256 (safe-stable-stringify)
 *   net/outbound         the one outbound HTTP client: refuses private, loopback and link-local targets
 *   content/disclosure   what a public surface may show of an item (proactive / on-request / not-public)
 *   db/append-only       database triggers that refuse UPDATE and DELETE on audit tables (SQLite, PostgreSQL)
 *   strapi/models        model lookups by a run-time uid (content type, model, attributes, relation target), the i18n and site-group opt-ins (server only)
 *   db/lease             rows of a work table claimed by one instance at a time (claim token, lease, heartbeat)
 *   contracts            the ladder, each plugin's public service interfaces and event payloads, `service` / `optionalService`
 */
export * from './http/reserved-keys';
export * from './http/nul-bytes';
export * from './http/route-scope';
export * from './http/auth-strategies';
export * from './http/rate-limit';
export * from './http/schema';
export * from './http/route-schemas';
export * from './http/field-errors';
export * from './http/actor';
export * from './http/conflict';
export * from './db/after-transaction';
export * from './safe-output/sanitize';
export * from './safe-output/xml';
export * from './text';
export * from './hash/stable-json';
export * from './net/outbound';
export * from './content/disclosure';
export * from './db/append-only';
export * from './strapi/models';
export * from './db/lease';
export * from './contracts';
