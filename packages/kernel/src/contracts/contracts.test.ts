import { createItemDecoratorRegistry } from './hooks';
import { optionalPlugin, optionalService, requirePlugin, service, type PluginHost } from './service';
import { emitEvent, onEvent } from './events';

/** A host with only site-group enabled, its `locale` service answering zh-Hans. */
const host: PluginHost = {
  plugin: (name) => (name === 'site-group' ? { service: (n: string) => (n === 'locale' ? { primary: () => 'zh-Hans', codes: async () => ['zh-Hans', 'bo'] } : undefined) } : undefined),
};

describe('service accessors', () => {
  it('return the typed service of an enabled plugin', () => {
    expect(service(host, 'site-group', 'locale').primary()).toBe('zh-Hans');
    expect(optionalService(host, 'site-group', 'locale')?.primary()).toBe('zh-Hans');
    expect(optionalPlugin(host, 'site-group')?.service('locale').primary()).toBe('zh-Hans');
    expect(requirePlugin(host, 'site-group').service('locale').primary()).toBe('zh-Hans');
  });

  it('give undefined for an absent plugin when optional, and throw when required', () => {
    expect(optionalService(host, 'distribution', 'outbox')).toBeUndefined();
    expect(optionalPlugin(host, 'review-workflow')).toBeUndefined();
    expect(() => service(host, 'distribution', 'outbox')).toThrow(/distribution/);
    expect(() => requirePlugin(host, 'review-workflow')).toThrow(/review-workflow/);
    expect(() => service(host, 'site-group', 'hooks')).toThrow(/hooks/);
  });
});

describe('item decorator registry', () => {
  it('runs decorators in registration order and refuses a second one of the same name', async () => {
    const registry = createItemDecoratorRegistry();
    registry.addItemDecorator({ name: 'a', decorate: (items) => items.forEach((i) => (i.seen = ['a'])) });
    registry.addItemDecorator({ name: 'b', decorate: async (items, ctx) => { items.forEach((i) => (i.seen = [...(i.seen as string[]), 'b'])); ctx.meta.b = true; } });
    expect(() => registry.addItemDecorator({ name: 'a', decorate: () => undefined })).toThrow(/already registered/);
    const items = [{ documentId: 'x' }, { documentId: 'y' }];
    const meta: Record<string, unknown> = {};
    await registry.decorateItems(items, { route: 'test', query: {}, params: {}, meta });
    expect(items.map((i) => (i as { seen?: string[] }).seen)).toEqual([['a', 'b'], ['a', 'b']]);
    expect(meta).toEqual({ b: true });
  });
});

describe('typed events', () => {
  it('deliver the payload to the listener of the same name', async () => {
    const listeners = new Map<string, ((payload: unknown) => unknown)[]>();
    const hub = {
      on: (name: string, listener: (...args: unknown[]) => unknown) => listeners.set(name, [...(listeners.get(name) ?? []), listener]),
      emit: async (name: string, payload?: unknown) => { for (const l of listeners.get(name) ?? []) await l(payload); },
    };
    const seen: string[] = [];
    onEvent(hub, 'distribution.targets.changed', (p) => { seen.push(`${p.documentId}:${p.placements}`); });
    await emitEvent(hub, 'distribution.targets.changed', { uid: 'api::article.article', documentId: 'd1', locale: 'bo', placements: 2, channels: 0 });
    expect(seen).toEqual(['d1:2']);
  });
});
