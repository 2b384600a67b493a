import type { PluginName } from './ladder';
import type { SiteGroupServices } from './site-group';
import type { ReviewWorkflowServices } from './review-workflow';
import type { DistributionServices } from './distribution';
import type { ClusterSearchServices } from './cluster-search';
import type { BilingualServices, PolicyMatchServices } from './top-rung';

/** Each plugin's public services, by plugin name: what other plugins may call. */
export interface PluginServices {
  'site-group': SiteGroupServices;
  'review-workflow': ReviewWorkflowServices;
  distribution: DistributionServices;
  'cluster-search': ClusterSearchServices;
  bilingual: BilingualServices;
  'policy-match': PolicyMatchServices;
}

/** The part of a Strapi instance these helpers need (structural: the kernel does not import Strapi). */
export interface PluginHost {
  plugin(name: string): { service(name: string): unknown } | undefined;
}

/** The typed public service `name` of a plugin the caller needs (throws when the plugin is absent). */
export const service = <P extends PluginName, N extends keyof PluginServices[P] & string>(host: PluginHost, plugin: P, name: N): PluginServices[P][N] => {
  const found = host.plugin(plugin)?.service(name);
  if (!found) throw new Error(`The ${plugin} plugin (service "${name}") is required here but is not enabled`);
  return found as PluginServices[P][N];
};

/** The typed public service `name` of a plugin that may be absent: `undefined` when it is not enabled. */
export const optionalService = <P extends PluginName, N extends keyof PluginServices[P] & string>(host: PluginHost, plugin: P, name: N): PluginServices[P][N] | undefined =>
  (host.plugin(plugin)?.service(name) ?? undefined) as PluginServices[P][N] | undefined;

/** Whether a plugin is enabled in this app. */
export const hasPlugin = (host: PluginHost, plugin: PluginName): boolean => !!host.plugin(plugin);

/** A plugin whose public services are typed by its contract. */
export interface TypedPlugin<P extends PluginName> {
  service<N extends keyof PluginServices[P] & string>(name: N): PluginServices[P][N];
}

/** A plugin that may be absent, to ask several of its services: `undefined` when it is not enabled. */
export const optionalPlugin = <P extends PluginName>(host: PluginHost, plugin: P): TypedPlugin<P> | undefined =>
  (host.plugin(plugin) ?? undefined) as TypedPlugin<P> | undefined;

/** A plugin the caller needs, to ask several of its services (throws when it is not enabled). */
export const requirePlugin = <P extends PluginName>(host: PluginHost, plugin: P): TypedPlugin<P> => {
  const found = host.plugin(plugin);
  if (!found) throw new Error(`The ${plugin} plugin is required here but is not enabled`);
  return found as TypedPlugin<P>;
};
