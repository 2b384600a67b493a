/**
 * The kernel's text module: isomorphic (no Node-only import), for the server, the admin screens and
 * the site-builder client alike. See packages/kernel/README.md.
 */
export * from './script';
export * from './normalize';
export * from './segment';
export * from './plain-text';
export * from './truncate';
export * from './excerpt';
