import fs from 'fs';
import path from 'path';
import { LADDER, PLUGIN_NAMES, isSuitePlugin, mayCall, type PluginName } from '@jiyue/kernel';

/** One source file of a plugin, as the checker reads it. */
export interface SourceFile {
  plugin: PluginName;
  file: string;
  text: string;
}

export interface LadderFinding {
  plugin: PluginName;
  file: string;
  line: number;
  kind: 'upward-call' | 'untyped-call' | 'foreign-uid' | 'raw-event';
  target: string;
  message: string;
}

export interface CrossCall {
  plugin: PluginName;
  file: string;
  line: number;
  target: string;
}

const SUITE = PLUGIN_NAMES.map((n) => n.replace(/-/g, '\\-')).join('|');

/** Calls through the kernel's typed accessors: `service(strapi, 'x', …)`, `optionalService(…)`, `optionalPlugin(…)`, `requirePlugin(…)`. */
const TYPED_CALL = new RegExp(`\\b(?:service|optionalService|optionalPlugin|requirePlugin)\\(\\s*[\\w.]+\\s*,\\s*['"\`](${SUITE})['"\`]`, 'g');
/** Strapi's untyped way: `strapi.plugin('x')` (cross-plugin calls must go through the contracts). */
const RAW_CALL = new RegExp(`\\.plugin\\(\\s*['"\`](${SUITE})['"\`]\\s*\\)`, 'g');
/** A model uid of a suite plugin, e.g. `'plugin::site-group.site'` (comments are stripped first). */
const UID = new RegExp(`['"\`]plugin::(${SUITE})\\.[\\w-]+`, 'g');

/**
 * One of the suite's own events (`<plugin>.…`, a string or template literal) emitted or listened to
 * straight on an event hub (`strapi.eventHub.emit('site-group.placement.changed', …)`, `hub.on(…)`):
 * those go through the kernel's `emitEvent` / `onEvent`, typed by `EventPayloads`. Strapi's own
 * events (`entry.publish`, …) are not ours and stay on `strapi.eventHub`.
 */
const RAW_EVENT = new RegExp(`\\.(emit|on|once|off|addListener|removeListener)\\(\\s*['"\`](${SUITE})\\.`, 'g');

/** The code without comments, line numbers kept (block comments become blank lines). */
export const stripComments = (text: string) =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, (block) => block.replace(/[^\n]/g, ' '))
    .split('\n')
    .map((line) => line.replace(/(^|[^:'"`\\])\/\/.*$/, '$1'))
    .join('\n');

const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;

/** Every call from one plugin to another through the contracts. */
export const crossCalls = (files: SourceFile[]): CrossCall[] => {
  const out: CrossCall[] = [];
  for (const f of files) {
    const code = stripComments(f.text);
    for (const m of code.matchAll(TYPED_CALL)) if (m[1] !== f.plugin) out.push({ plugin: f.plugin, file: f.file, line: lineOf(code, m.index!), target: m[1] });
  }
  return out;
};

/**
 * What breaks the ladder: a call to a plugin that is not lower (same rung or above), a cross-plugin
 * call that bypasses the typed contracts (`strapi.plugin('x')`), and another plugin's model uid
 * named in code (its tables are read only through its services), and one of the suite's events
 * emitted or listened to on the event hub directly instead of through `emitEvent` / `onEvent`.
 */
export const checkLadder = (files: SourceFile[]): LadderFinding[] => {
  const findings: LadderFinding[] = [];
  for (const f of files) {
    const code = stripComments(f.text);
    for (const m of code.matchAll(TYPED_CALL)) {
      const target = m[1];
      if (!mayCall(f.plugin, target)) {
        findings.push({ plugin: f.plugin, file: f.file, line: lineOf(code, m.index!), kind: 'upward-call', target, message: `${f.plugin} calls ${target}, which is not below it on the ladder` });
      }
    }
    for (const m of code.matchAll(RAW_CALL)) {
      if (m[1] === f.plugin) continue;
      findings.push({ plugin: f.plugin, file: f.file, line: lineOf(code, m.index!), kind: 'untyped-call', target: m[1], message: `${f.plugin} reaches ${m[1]} through strapi.plugin(): use service/optionalService from @jiyue/kernel` });
      if (!mayCall(f.plugin, m[1])) {
        findings.push({ plugin: f.plugin, file: f.file, line: lineOf(code, m.index!), kind: 'upward-call', target: m[1], message: `${f.plugin} calls ${m[1]}, which is not below it on the ladder` });
      }
    }
    for (const m of code.matchAll(UID)) {
      if (m[1] === f.plugin || !isSuitePlugin(m[1])) continue;
      findings.push({ plugin: f.plugin, file: f.file, line: lineOf(code, m.index!), kind: 'foreign-uid', target: m[1], message: `${f.plugin} names ${m[0].slice(1)}: another plugin's data is read through its services, never its tables` });
    }
    for (const m of code.matchAll(RAW_EVENT)) {
      const verb = m[1] === 'emit' ? 'emitEvent' : 'onEvent';
      findings.push({ plugin: f.plugin, file: f.file, line: lineOf(code, m.index!), kind: 'raw-event', target: m[2], message: `${f.plugin} uses .${m[1]}() for a ${m[2]} event on the event hub: use ${verb} from @jiyue/kernel (typed by EventPayloads)` });
    }
  }
  return findings;
};

/** The server source of every suite plugin under `root` (unit tests beside the code excluded). */
export const readPluginSources = (root: string): SourceFile[] => {
  const out: SourceFile[] = [];
  const walk = (plugin: PluginName, dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(plugin, full);
      else if (/\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) out.push({ plugin, file: path.relative(root, full), text: fs.readFileSync(full, 'utf8') });
    }
  };
  for (const plugin of LADDER.flat()) {
    const dir = path.join(root, 'plugins', plugin, 'server', 'src');
    if (fs.existsSync(dir)) walk(plugin, dir);
  }
  return out;
};
