/**
 * contracts: what the plugins promise each other. Isomorphic (types plus a few lines of runtime),
 * usable from the server, the admin screens and the site-builder client.
 *
 *   ladder          the order in which plugins may call each other
 *   service         `service(strapi, plugin, name)` / `optionalService(...)`, typed by the interfaces below
 *   events          event names and payloads, `emitEvent` / `onEvent`
 *   hooks           item decorators (registration points of site-group and cluster-search)
 *   <plugin>        each plugin's public service interfaces
 */
export * from './ladder';
export * from './service';
export * from './events';
export * from './hooks';
export * from './site-group';
export * from './review-workflow';
export * from './distribution';
export * from './cluster-search';
export * from './policy-match';
export * from './top-rung';
