/**
 * The ladder: the order in which the suite's plugins may call each other. A plugin calls only plugins
 * on a lower rung (through `service` / `optionalService`); a lower plugin learns of a higher one
 * through events on `strapi.eventHub` or through hooks that the higher plugin registers into it.
 * Plugins on the same rung do not call each other. `tests/foundation/ladder.test.ts` checks the code
 * against this list.
 *
 * The top of issue #17's ladder (policy-match / bilingual / cluster-search) is split in two: bilingual
 * registers its `alternates` decorator into cluster-search's item-decorator hook, which is a call, so
 * bilingual sits one rung above cluster-search (and policy-match). Nothing calls bilingual.
 */
export const LADDER = [
  ['site-group'],
  ['review-workflow'],
  ['distribution'],
  ['policy-match', 'cluster-search'],
  ['bilingual'],
] as const;

export type PluginName = (typeof LADDER)[number][number];

export const PLUGIN_NAMES: readonly PluginName[] = LADDER.flat();

export const isSuitePlugin = (name: string): name is PluginName => (PLUGIN_NAMES as readonly string[]).includes(name);

/** The rung of a suite plugin (0 = site-group, the lowest), or -1 for anything else. */
export const rungOf = (name: string): number => LADDER.findIndex((rung) => (rung as readonly string[]).includes(name));

/** Whether `caller` may call `callee`: itself, or a suite plugin on a lower rung. Strapi's own plugins are not on the ladder. */
export const mayCall = (caller: PluginName, callee: string): boolean =>
  caller === callee || !isSuitePlugin(callee) || rungOf(callee) < rungOf(caller);
