/**
 * The ladder (issue #17): site-group → review-workflow → distribution → policy-match · cluster-search
 * → bilingual, declared in `@jiyue/kernel` (contracts/ladder). Every cross-plugin call goes to a
 * plugin lower on it, through the kernel's typed `service` / `optionalService`; no plugin names
 * another plugin's model uid (its tables); the suite's own events go through the kernel's typed
 * `emitEvent` / `onEvent`, never straight on `strapi.eventHub`. Reads source files only: no Strapi boot.
 */
import path from 'path';
import { LADDER, mayCall, rungOf } from '@jiyue/kernel';
import { checkLadder, crossCalls, readPluginSources, type SourceFile } from '../helpers/ladder';

const ROOT = path.resolve(__dirname, '../..');

describe('the declared ladder', () => {
  it('orders the six plugins, site-group lowest, bilingual on top (it decorates cluster-search)', () => {
    expect(LADDER.flat()).toHaveLength(6);
    expect(rungOf('site-group')).toBe(0);
    expect(rungOf('review-workflow')).toBe(1);
    expect(rungOf('distribution')).toBe(2);
    for (const peer of ['policy-match', 'cluster-search']) expect(rungOf(peer)).toBe(3);
    expect(rungOf('bilingual')).toBe(4);
  });

  it('allows calls downward only, never sideways on a rung or upward', () => {
    expect(mayCall('review-workflow', 'site-group')).toBe(true);
    expect(mayCall('bilingual', 'distribution')).toBe(true);
    expect(mayCall('site-group', 'review-workflow')).toBe(false);
    expect(mayCall('distribution', 'bilingual')).toBe(false);
    expect(mayCall('policy-match', 'cluster-search')).toBe(false);
    expect(mayCall('cluster-search', 'bilingual')).toBe(false);
    // Strapi's own plugins are not on the ladder.
    expect(mayCall('site-group', 'i18n')).toBe(true);
  });
});

describe('the checker on planted violations', () => {
  const file = (plugin: SourceFile['plugin'], text: string): SourceFile => ({ plugin, file: `plugins/${plugin}/server/src/planted.ts`, text });

  it('finds an upward call through the contracts', () => {
    const findings = checkLadder([file('site-group', "const gate = optionalService(strapi, 'review-workflow', 'publish-gate');")]);
    expect(findings).toEqual([expect.objectContaining({ plugin: 'site-group', kind: 'upward-call', target: 'review-workflow', line: 1 })]);
  });

  it('finds a call sideways on the top rung', () => {
    const findings = checkLadder([file('policy-match', "\n\nconst c = requirePlugin(strapi, 'cluster-search');")]);
    expect(findings).toEqual([expect.objectContaining({ kind: 'upward-call', target: 'cluster-search', line: 3 })]);
  });

  it('finds an untyped strapi.plugin() call, and an upward one twice', () => {
    const down = checkLadder([file('distribution', "strapi.plugin('site-group').service('scope')")]);
    expect(down.map((f) => f.kind)).toEqual(['untyped-call']);
    const up = checkLadder([file('distribution', "strapi.plugin('bilingual')?.service('text')")]);
    expect(up.map((f) => f.kind).sort()).toEqual(['untyped-call', 'upward-call']);
  });

  it("finds another plugin's uid in a database or document call, or kept in a constant", () => {
    const direct = checkLadder([file('distribution', "await strapi.db.query('plugin::site-group.site').count({ where: { code } });")]);
    expect(direct).toEqual([expect.objectContaining({ kind: 'foreign-uid', target: 'site-group' })]);
    const documents = checkLadder([file('bilingual', 'await strapi.documents(`plugin::cluster-search.synonym`).findMany();')]);
    expect(documents).toEqual([expect.objectContaining({ kind: 'foreign-uid', target: 'cluster-search' })]);
    const constant = checkLadder([file('review-workflow', "export const SITE_UID = 'plugin::site-group.site';")]);
    expect(constant).toEqual([expect.objectContaining({ kind: 'foreign-uid' })]);
  });

  it("finds one of the suite's events emitted or listened to on the event hub directly", () => {
    const findings = checkLadder([
      file(
        'policy-match',
        [
          "strapi.eventHub.emit('policy-match.eligibility.changed', { uid, documentId });",
          "strapi.eventHub.on('site-group.placement.changed', async (payload) => {});",
          'strapi.eventHub.emit(`policy-match.comment.${decision}`, payload);',
          "const hub = strapi.eventHub; hub.once(\"distribution.retraction.completed\", listener);",
        ].join('\n')
      ),
    ]);
    expect(findings.map((f) => [f.kind, f.target, f.line])).toEqual([
      ['raw-event', 'policy-match', 1],
      ['raw-event', 'site-group', 2],
      ['raw-event', 'policy-match', 3],
      ['raw-event', 'distribution', 4],
    ]);
    expect(findings[0].message).toContain('emitEvent');
    expect(findings[1].message).toContain('onEvent');
  });

  it('lets through downward typed calls, own uids, Strapi uids and comments', () => {
    const findings = checkLadder([
      file(
        'bilingual',
        [
          "optionalService(strapi, 'distribution', 'hooks')?.setTextTruncator(truncate);",
          "const scope = service(strapi, 'site-group', 'scope');",
          "strapi.db.query('plugin::bilingual.glossary-term');",
          "strapi.db.query('plugin::users-permissions.user');",
          "strapi.plugin('i18n').service('locales');",
          '// strapi.plugin(\'cluster-search\') and plugin::site-group.site in a comment',
          "/* service(strapi, 'cluster-search', 'hooks') */",
          "const url = 'https://example.org//x'; // optionalService(strapi, 'policy-match', 'x')",
          "void emitEvent(strapi.eventHub, 'distribution.targets.changed', payload);",
          "onEvent(strapi.eventHub, 'site-group.media.changed', async (event) => {});",
          "strapi.eventHub.on('entry.publish', listener); strapi.eventHub.on(event, listener);",
          "// strapi.eventHub.emit('bilingual.x', {})",
        ].join('\n')
      ),
    ]);
    expect(findings).toEqual([]);
  });
});

describe('the plugins as they are', () => {
  const sources = readPluginSources(ROOT);

  it('reads the six plugins', () => {
    expect(new Set(sources.map((s) => s.plugin)).size).toBe(6);
  });

  it('call only plugins below them, through the typed contracts, and name no other plugin’s tables', () => {
    const findings = checkLadder(sources).filter((f) => f.kind !== 'raw-event');
    expect(findings.map((f) => `${f.file}:${f.line} ${f.message}`)).toEqual([]);
  });

  it('emit and listen to the suite’s events only through emitEvent / onEvent', () => {
    const findings = checkLadder(sources).filter((f) => f.kind === 'raw-event');
    expect(findings.map((f) => `${f.file}:${f.line} ${f.message}`)).toEqual([]);
  });

  it('do call each other (the checker sees the calls it judges)', () => {
    const calls = crossCalls(sources);
    const pairs = new Set(calls.map((c) => `${c.plugin} → ${c.target}`));
    for (const pair of ['review-workflow → site-group', 'distribution → site-group', 'distribution → review-workflow', 'bilingual → site-group', 'cluster-search → site-group', 'policy-match → distribution', 'bilingual → cluster-search']) {
      expect(pairs).toContain(pair);
    }
  });
});
