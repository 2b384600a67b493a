import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { OPERATION_UID } from '../utils/uids';
import { isApiTokenStrategy, type ActorContext, modelOf } from '@jiyue/kernel';

/** Who made a change, as the log records them. */
export interface OperationActor {
  kind: 'admin' | 'api-token' | 'user' | 'system';
  id: number | null;
  name: string;
  email?: string | null;
}

export interface OperationInput {
  /** Omitted: the admin (or token, or code) behind the current request. */
  actor?: OperationActor | null;
  /** create | update | delete, or a verb of the subject (assign, unassign, permissions) */
  action: string;
  subject: { type: string; id?: string | number | null; label?: string | null };
  before?: unknown;
  after?: unknown;
}

export interface TrackOptions {
  /** The subject type written to the log, e.g. `channel`. */
  subjectType: string;
  /** The field that names a row in the log (default: the row id). */
  labelField?: string;
  /** Extra field names whose values are never written in clear (secret-looking names always are). */
  secretFields?: string[];
}

export interface OperationQuery {
  subjectType?: string;
  actorId?: number;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

/** Field names whose values are secrets whatever the table: replaced by a fingerprint. */
const SECRET_NAME = /secret|password|passwd|token|api[-_]?key|private[-_]?key|access[-_]?key|signing[-_]?key|signature|encrypted|cipher/i;
const BOOKKEEPING = new Set(['createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'documentId', 'locale', 'localizations']);

/**
 * A secret is never logged in clear: the value becomes `[redacted sha256:…]`, a short fingerprint
 * that still shows whether it changed. Walks nested objects and arrays.
 */
export const redactSecrets = (value: unknown, extra: ReadonlySet<string> = new Set(), key = ''): unknown => {
  if (key && (SECRET_NAME.test(key) || extra.has(key)) && value !== null && value !== undefined && value !== '') {
    const digest = crypto.createHash('sha256').update(typeof value === 'string' ? value : JSON.stringify(value)).digest('hex');
    return `[redacted sha256:${digest.slice(0, 12)}]`;
  }
  if (Array.isArray(value)) return value.map((v) => redactSecrets(v, extra));
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = redactSecrets(v, extra, k);
    return out;
  }
  return value;
};

/** A row as `snapshot` keeps it: its columns, owning-side relations as ids. */
type SnapshotRow = Record<string, unknown> & { id?: number };

const isIdRef = (x: unknown): x is { id: unknown } => Boolean(x) && typeof x === 'object' && 'id' in (x as object);

type LifecycleEvent = {
  action: string;
  model: { uid: string };
  params: { where?: Record<string, unknown>; data?: Record<string, unknown> };
  result?: unknown;
  state: Record<string, unknown>;
};

/**
 * The operations log (操作日志, for 等保 reviews): every change to the cluster's configuration —
 * sites, columns, editor assignments, roles' permissions and their site conditions, and what the
 * plugins above register (stage configs, the pre-check dictionary, channels) — with who, when,
 * before and after. Append-only: this service only inserts and reads, a Document Service middleware
 * refuses other writes, and database triggers refuse UPDATE and DELETE on the table.
 *
 * Tables are tracked through database lifecycles, so every path is seen: Content Manager, the
 * Document Service, plugin services that use the Query Engine.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const tracked = new Map<string, TrackOptions & { secrets: Set<string> }>();

  const currentActor = (): OperationActor => {
    const ctx = strapi.requestContext.get() as ActorContext | undefined;
    const strategy = ctx?.state?.auth?.strategy?.name;
    const user = ctx?.state?.user as { id: number; firstname?: string | null; lastname?: string | null; username?: string | null; email: string } | undefined;
    const credentials = ctx?.state?.auth?.credentials as { id?: number; name?: string } | undefined;
    if (strategy === 'admin' && user) {
      return { kind: 'admin', id: user.id, name: [user.firstname, user.lastname].filter(Boolean).join(' ') || user.email, email: user.email ?? null };
    }
    if (isApiTokenStrategy(strategy)) return { kind: 'api-token', id: credentials?.id ?? null, name: credentials?.name ?? 'api token' };
    if (user) return { kind: 'user', id: user.id, name: user.username ?? user.email ?? `user ${user.id}`, email: user.email ?? null };
    return { kind: 'system', id: null, name: 'system' };
  };

  const relationFields = (uid: string) =>
    Object.entries(modelOf(strapi, uid)?.attributes ?? {})
      .filter(([, attr]) => attr.type === 'relation' && !('mappedBy' in attr && attr.mappedBy))
      .map(([name]) => name);

  /** The rows a write touches, with owning-side relations as ids, bookkeeping left out. */
  const snapshot = async (uid: string, where: Record<string, unknown> | undefined): Promise<SnapshotRow[]> => {
    if (!where) return [];
    const populate = Object.fromEntries(relationFields(uid).map((name) => [name, { select: ['id'] }]));
    const rows = (await strapi.db.query(uid).findMany({ where, populate, limit: 500 })) as Record<string, unknown>[];
    return rows.map((row) => {
      const out: SnapshotRow = {};
      for (const [k, v] of Object.entries(row)) {
        if (BOOKKEEPING.has(k)) continue;
        out[k] = v && typeof v === 'object' && !Array.isArray(v) && 'id' in v && Object.keys(v).length === 1 ? v.id : Array.isArray(v) && v.every(isIdRef) ? v.map((x) => x.id) : v;
      }
      return out;
    });
  };

  const label = (options: TrackOptions, row: Record<string, unknown> | null | undefined) =>
    row ? String((options.labelField && row[options.labelField]) ?? row.id ?? '') || null : null;

  return {
    /** Records one change. Secrets are fingerprinted, never written in clear. */
    async record(input: OperationInput, secretFields: Iterable<string> = []) {
      const actor = input.actor ?? currentActor();
      const secrets = new Set(secretFields);
      return strapi.db.query(OPERATION_UID).create({
        data: {
          action: input.action,
          subjectType: input.subject.type,
          subjectId: input.subject.id === null || input.subject.id === undefined ? null : String(input.subject.id),
          subjectLabel: input.subject.label ?? null,
          actorKind: actor.kind,
          actorId: actor.id,
          actorName: actor.name?.slice(0, 200) ?? null,
          actorEmail: actor.email ?? null,
          before: input.before === undefined ? null : redactSecrets(input.before, secrets),
          after: input.after === undefined ? null : redactSecrets(input.after, secrets),
        },
      });
    },

    /**
     * Logs every create, update and delete of a content type from now on. Plugins above site-group
     * register their configuration types here (review-workflow: stage configs and the dictionary;
     * distribution: channels), from their register or bootstrap.
     */
    track(uid: string, options: TrackOptions) {
      tracked.set(uid, { ...options, secrets: new Set(options.secretFields ?? []) });
    },

    trackedTypes() {
      return [...tracked.entries()].map(([uid, o]) => ({ uid, subjectType: o.subjectType }));
    },

    /** The database lifecycle subscriber (one function for every tracked type). */
    subscriber() {
      return async (event: LifecycleEvent) => {
        const options = tracked.get(event.model.uid);
        if (!options) return;
        const uid = event.model.uid;
        switch (event.action) {
          case 'beforeUpdate':
          case 'beforeDelete':
          case 'beforeUpdateMany':
          case 'beforeDeleteMany':
            event.state.before = await snapshot(uid, event.params.where);
            return;
          case 'afterCreate': {
            const created = event.result as { id?: number } | undefined;
            const [after] = await snapshot(uid, { id: created?.id });
            await this.record({ action: 'create', subject: { type: options.subjectType, id: created?.id, label: label(options, after) }, before: null, after: after ?? null }, options.secrets);
            return;
          }
          case 'afterCreateMany': {
            const ids: number[] = (event.result as { ids?: number[] } | undefined)?.ids ?? [];
            for (const after of await snapshot(uid, { id: { $in: ids } })) {
              await this.record({ action: 'create', subject: { type: options.subjectType, id: after.id as number, label: label(options, after) }, before: null, after }, options.secrets);
            }
            return;
          }
          case 'afterUpdate':
          case 'afterUpdateMany': {
            const before = (event.state.before as SnapshotRow[] | undefined) ?? [];
            const now = await snapshot(uid, { id: { $in: before.map((b) => b.id) } });
            for (const b of before) {
              const a = now.find((x) => x.id === b.id) ?? null;
              if (JSON.stringify(a) === JSON.stringify(b)) continue;
              await this.record({ action: 'update', subject: { type: options.subjectType, id: b.id, label: label(options, a ?? b) }, before: b, after: a }, options.secrets);
            }
            return;
          }
          case 'afterDelete':
          case 'afterDeleteMany': {
            for (const b of (event.state.before as SnapshotRow[] | undefined) ?? []) {
              await this.record({ action: 'delete', subject: { type: options.subjectType, id: b.id, label: label(options, b) }, before: b, after: null }, options.secrets);
            }
            return;
          }
          default:
        }
      };
    },

    /** Newest first, paginated; filters by subject type, actor and a date range. */
    async list({ subjectType, actorId, from, to, page = 1, pageSize = 50 }: OperationQuery) {
      const where: Record<string, unknown> = {
        ...(subjectType ? { subjectType } : {}),
        ...(actorId !== undefined ? { actorId } : {}),
        ...(from || to ? { createdAt: { ...(from ? { $gte: from } : {}), ...(to ? { $lte: to } : {}) } } : {}),
      };
      const [results, total] = await Promise.all([
        strapi.db.query(OPERATION_UID).findMany({ where, orderBy: { id: 'desc' }, offset: (page - 1) * pageSize, limit: pageSize }),
        strapi.db.query(OPERATION_UID).count({ where }),
      ]);
      return { results, pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } };
    },
  };
};
