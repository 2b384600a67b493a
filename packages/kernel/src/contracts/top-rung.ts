/**
 * policy-match and bilingual sit on the top rung: no plugin of the suite calls them, so they publish
 * no service contract. They talk to the plugins below through those plugins' services and hooks.
 */
export type PolicyMatchServices = Record<never, never>;
export type BilingualServices = Record<never, never>;
