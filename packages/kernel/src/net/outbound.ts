/**
 * Placeholder: filled in by the trust issue's "outbound requests" item. The contract the rest of the
 * suite will call: `outboundFetch(url, init)` — like fetch, but refusing private, loopback and
 * link-local addresses after DNS resolution, except hosts on the configured allow list.
 */
export {};
