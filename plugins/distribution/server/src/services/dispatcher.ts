import type { Core } from '@strapi/strapi';
import crypto from 'crypto';
import type { Job, Queue, Worker } from 'bullmq';
import IORedis from 'ioredis';
import { adapters } from '../adapters';
import { backoffDelay } from '../utils/backoff';
import { DeliveryError } from '../utils/delivery-error';
import { getService, pluginConfig } from '../utils/get-service';
import type { ChannelRow, DeliveryRow } from '../utils/rows';
import { thrown } from '../utils/thrown';
import { CHANNEL_UID, DELIVERY_UID } from '../utils/uids';

type Mode = 'in-process' | 'bullmq' | 'off';

/** Thrown at a fault-injection point: the attempt ends as if the process had died there. */
class SimulatedCrash extends Error {}

/**
 * Works the outbox. In-process (default): a loop on each instance claims due rows in batches and
 * keeps up to `concurrency` deliveries in flight. BullMQ (when REDIS_URL is set): Redis carries
 * "row N is due" jobs to workers on every instance, and a sweeper re-announces due rows, so a lost
 * job (or a restart) only delays a delivery. Either way the database claim decides who delivers:
 * the queue is transport, the outbox is the truth.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const instanceId = crypto.randomBytes(6).toString('hex');
  let mode: Mode = 'off';
  let running = false;
  let loop: Promise<void> | null = null;
  let wake: (() => void) | null = null;
  let kicked = false;
  const active = new Set<Promise<void>>();
  /** Rows claimed ahead, so one claim query serves a whole batch. */
  let buffer: DeliveryRow[] = [];
  const channelCache = new Map<string, { row: ChannelRow | null; at: number }>();
  const CHANNEL_TTL_MS = 1000;
  let queue: Queue | null = null;
  let worker: Worker | null = null;
  /** Our one Redis connection, shared by the Queue and the Worker (the Worker duplicates it for its blocking reads). */
  let redis: IORedis | null = null;
  let sweeper: NodeJS.Timeout | null = null;
  let sweeping: Promise<void> | null = null;
  /** Claim tokens of the rows this instance holds (buffered or being delivered), with how many rows each. */
  const held = new Map<string, number>();
  let heartbeat: NodeJS.Timeout | null = null;

  const cfg = () => pluginConfig('dispatcher');
  const claims = () => getService('claims');

  const hold = (rows: DeliveryRow[]) => {
    for (const row of rows) held.set(row.claimToken!, (held.get(row.claimToken!) ?? 0) + 1);
  };
  const letGo = (row: DeliveryRow) => {
    const token = row.claimToken!;
    const left = (held.get(token) ?? 1) - 1;
    if (left > 0) held.set(token, left);
    else held.delete(token);
  };
  /**
   * The lease heartbeat: every third of a lease, the rows we still hold get a fresh lease. A slow
   * delivery keeps its claim however long it runs, while a crashed instance's rows are taken over
   * one short lease after its last beat.
   */
  const beat = async () => {
    if (!held.size) return;
    try {
      await claims().renew([...held.keys()], cfg().leaseMs);
    } catch (error) {
      strapi.log.warn(`distribution: lease renewal failed: ${thrown(error).message}`);
    }
  };
  const startHeartbeat = () => {
    heartbeat = setInterval(() => void beat(), Math.max(100, Math.floor(cfg().leaseMs / 3)));
    heartbeat.unref?.();
  };
  /** Rows claimed but not started go back to the outbox, as if never claimed (a stopping instance). */
  const handBack = async (rows: DeliveryRow[]) => {
    if (!rows.length) return;
    rows.forEach(letGo);
    await claims().release(rows).catch((error: Error) => strapi.log.warn(`distribution: claims not handed back (taken over after their lease): ${error.message}`));
  };

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (kicked) {
        kicked = false;
        return resolve();
      }
      const timer = setTimeout(() => {
        wake = null;
        resolve();
      }, ms);
      wake = () => {
        clearTimeout(timer);
        wake = null;
        resolve();
      };
    });

  const previousReceipt = async (row: DeliveryRow) => {
    const [prev] = (await strapi.db.query(DELIVERY_UID).findMany({
      where: { orderingKey: row.orderingKey, id: { $lt: row.id }, status: 'delivered', operation: { $in: ['create', 'update'] } },
      orderBy: { id: 'desc' },
      limit: 1,
      select: ['receipt'],
    })) as Pick<DeliveryRow, 'receipt'>[];
    return prev?.receipt ?? null;
  };

  /** Fault injection (config `faults.crashBeforeOutcome`): the remote side has accepted, the outcome is not written yet. */
  const crashPoint = (kind: string) => {
    const pending: Record<string, number> | undefined = pluginConfig('faults')?.crashBeforeOutcome;
    if (pending && (pending[kind] ?? 0) > 0) {
      pending[kind] -= 1;
      throw new SimulatedCrash(kind);
    }
  };

  /** One attempt at one claimed row, then its outcome recorded under our claim token. */
  const attempt = async (row: DeliveryRow) => {
    // A claimed row always carries the claim token it was claimed under.
    const token = row.claimToken!;
    try {
      const adapter = adapters[row.channelKind];
      if (!adapter) throw new DeliveryError(`no adapter for channel kind "${row.channelKind}"`, { permanent: true });
      let channel: ChannelRow | null = null;
      if (adapter.needsChannel) {
        const cached = channelCache.get(row.channelKey);
        if (cached && Date.now() - cached.at < CHANNEL_TTL_MS) channel = cached.row;
        else {
          channel = await getService('channels').byKey(row.channelKey);
          channelCache.set(row.channelKey, { row: channel, at: Date.now() });
        }
        if (!channel) throw new DeliveryError(`channel "${row.channelKey}" no longer exists`, { permanent: true });
        if (!channel.enabled) throw new DeliveryError(`channel "${row.channelKey}" is disabled`, { permanent: true });
      }
      const record = async (step: Record<string, unknown>) => {
        row.remote = { ...(row.remote ?? {}), ...step };
        const { count } = await strapi.db.query(DELIVERY_UID).updateMany({ where: { id: row.id, claimToken: token }, data: { remote: row.remote } });
        if (!count) throw new DeliveryError(`delivery ${row.id} was taken over by another instance`);
      };
      const receipt = await adapter.deliver({ strapi, delivery: row, channel, previousReceipt: adapter.needsPreviousReceipt ? await previousReceipt(row) : null, record });
      crashPoint(row.channelKind);
      await claims().finish(row.id, token, { status: 'delivered', receipt: { ...(receipt ?? {}), instance: instanceId }, deliveredAt: new Date(), lastError: null });
    } catch (error) {
      // A simulated crash writes nothing: the row stays in flight until its lease runs out, as after a real one.
      if (error instanceof SimulatedCrash) return;
      const permanent = error instanceof DeliveryError && error.permanent;
      const dead = permanent || row.attempts >= row.maxAttempts;
      const message = String(thrown(error).message ?? error).slice(0, 2000);
      const delay = backoffDelay(row.attempts, cfg().backoffBaseMs, cfg().backoffMaxMs);
      await claims().finish(row.id, token, dead ? { status: 'dead', lastError: message } : { status: 'pending', lastError: message, nextAttemptAt: Date.now() + delay });
      if (!dead && mode === 'bullmq') await announce([{ id: row.id, attempts: row.attempts }], delay);
    }
    if (row.retractionId) settleSoon(row.retractionId);
    if (mode === 'bullmq') {
      // The next row for the same target and document may have been waiting on this one.
      const [next] = (await strapi.db.query(DELIVERY_UID).findMany({ where: { orderingKey: row.orderingKey, id: { $gt: row.id }, status: 'pending' }, orderBy: { id: 'asc' }, limit: 1, select: ['id', 'attempts'] })) as Pick<DeliveryRow, 'id' | 'attempts'>[];
      if (next) await announce([next]);
    }
  };

  /** A retraction is checked for completion once per short window, not once per finished row. */
  const settling = new Map<number, NodeJS.Timeout>();
  const settleSoon = (retractionId: number) => {
    if (settling.has(retractionId)) return;
    settling.set(
      retractionId,
      setTimeout(() => {
        settling.delete(retractionId);
        getService('retractions')
          .settle(retractionId)
          .catch((error: Error) => strapi.log.warn(`distribution: retraction ${retractionId} not settled: ${error.message}`));
      }, 25)
    );
  };

  /** One query for the channel rows of a whole claimed batch. */
  const prefetchChannels = async (rows: DeliveryRow[]) => {
    const now = Date.now();
    const keys = [...new Set(rows.map((r) => r.channelKey))].filter((k) => {
      const cached = channelCache.get(k);
      return !cached || now - cached.at >= CHANNEL_TTL_MS;
    });
    if (!keys.length) return;
    const found = (await strapi.db.query(CHANNEL_UID).findMany({ where: { key: { $in: keys } } })) as ChannelRow[];
    const byKey = new Map(found.map((c) => [c.key, c]));
    for (const key of keys) channelCache.set(key, { row: byKey.get(key) ?? null, at: now });
  };

  /** A claimed row is delivered only while we run: once stopping, it is handed back instead. */
  const deliver = (row: DeliveryRow) => (running ? attempt(row).finally(() => letGo(row)) : handBack([row]));

  const track = (row: DeliveryRow) => {
    const task = deliver(row)
      .catch((error) => {
        strapi.log.error(`distribution: delivery ${row.id} could not be recorded: ${error.message}`);
      })
      .finally(() => {
        active.delete(task);
        wake?.();
      });
    active.add(task);
  };

  const inProcessLoop = async () => {
    while (running) {
      let claimed = 0;
      if (buffer.length < cfg().concurrency) {
        try {
          const rows = await claims().claim(cfg().batchSize, cfg().leaseMs);
          hold(rows);
          claimed = rows.length;
          if (rows.length) await prefetchChannels(rows);
          buffer.push(...rows);
        } catch (error) {
          strapi.log.warn(`distribution: claim failed: ${thrown(error).message}`);
        }
      }
      while (running && active.size < cfg().concurrency && buffer.length) track(buffer.shift()!);
      // Sleep when idle, or when every slot is busy (a finishing delivery wakes the loop).
      if ((!claimed && !buffer.length) || active.size >= cfg().concurrency) await sleep(cfg().pollIntervalMs);
    }
  };

  // BullMQ transport --------------------------------------------------------------------------------
  /** One queue per database, so test runs and clusters sharing a Redis never see each other's rows. */
  const queueName = () => {
    // Knex keeps the connection settings on its client object, which its types do not declare.
    const c = (strapi.db.connection.client as { connectionSettings?: { filename?: string; host?: string; database?: string } }).connectionSettings ?? {};
    const identity = [strapi.db.dialect.client, c.filename, c.host, c.database, strapi.db.getSchemaName?.()].join('|');
    return `jiyue-distribution-${crypto.createHash('sha1').update(identity).digest('hex').slice(0, 12)}`;
  };

  /** Announces due rows in jobs of up to JOB_BATCH ids: one Redis round trip and one claim query per batch. */
  const JOB_BATCH = 25;
  const announce = async (rows: { id: number; attempts: number }[], delay = 0) => {
    if (!queue || !rows.length) return;
    const jobs: Parameters<Queue['addBulk']>[0] = [];
    for (let i = 0; i < rows.length; i += JOB_BATCH) {
      const chunk = rows.slice(i, i + JOB_BATCH);
      const jobId = `d${chunk.map((r) => `${r.id}.${r.attempts}`).join('-')}${delay ? '-r' : ''}`;
      jobs.push({ name: 'deliver', data: { ids: chunk.map((r) => r.id) }, opts: { jobId: jobId.length > 200 ? crypto.createHash('sha1').update(jobId).digest('hex') : jobId, delay, removeOnComplete: true, removeOnFail: true } });
    }
    await queue.addBulk(jobs);
  };

  const sweep = async () => {
    if (sweeping) return sweeping;
    sweeping = (async () => {
      try {
        await announce(await claims().due(1000));
      } catch (error) {
        if (running) strapi.log.warn(`distribution: sweep failed: ${thrown(error).message}`);
      } finally {
        sweeping = null;
      }
    })();
    return sweeping;
  };

  const startBullmq = async () => {
    const { Queue, Worker } = require('bullmq') as typeof import('bullmq');
    // The standard BullMQ connection: maxRetriesPerRequest null, so a Redis outage makes commands
    // wait for the reconnect instead of failing the Worker's blocking reads.
    const redisUrl = pluginConfig('redisUrl');
    if (!redisUrl) throw new Error('distribution: the BullMQ transport needs redisUrl (env REDIS_URL)');
    redis = new IORedis(redisUrl, { maxRetriesPerRequest: null, connectionName: `jiyue-distribution-${instanceId}` });
    redis.on('error', (error: Error) => {
      if (running) strapi.log.warn(`distribution: redis: ${error.message}`);
    });
    const connection = redis;
    const name = queueName();
    queue = new Queue(name, { connection });
    worker = new Worker(
      name,
      async (job: Job<{ ids?: number[]; id?: number }>) => {
        if (!running) return;
        // The whole job is tracked, claim included: stop() waits for it and hands back what it claimed but did not start.
        const task = (async () => {
          const ids: number[] = (job.data.ids ?? [job.data.id]).map(Number);
          const rows = await claims().claimIds(ids, cfg().leaseMs);
          hold(rows);
          if (rows.length && running) await prefetchChannels(rows);
          await Promise.allSettled(rows.map((row) => deliver(row)));
        })();
        active.add(task);
        try {
          await task;
        } finally {
          active.delete(task);
        }
      },
      { connection, concurrency: Math.max(1, Math.ceil(cfg().concurrency / 8)) }
    );
    worker.on('error', (error: Error) => strapi.log.warn(`distribution: worker error: ${error.message}`));
    await sweep();
    sweeper = setInterval(() => void sweep(), Math.max(500, cfg().pollIntervalMs * 4));
  };

  return {
    instanceId,
    mode: () => mode,

    resolveMode(): Mode {
      const wanted = cfg().mode;
      if (wanted === 'off') return 'off';
      if (wanted === 'bullmq' || (wanted === 'auto' && pluginConfig('redisUrl'))) return 'bullmq';
      return 'in-process';
    },

    async start(requested?: Mode) {
      if (running) return;
      mode = requested ?? this.resolveMode();
      if (mode === 'off') return;
      running = true;
      startHeartbeat();
      if (mode === 'bullmq') await startBullmq();
      else loop = inProcessLoop();
    },

    /**
     * Stops claiming; waits up to `graceMs` for deliveries in flight and hands every claimed row not
     * yet started back to the outbox, in both modes, so another instance takes it at once. Only a
     * delivery still running after the grace keeps its claim (taken over one lease after the last beat).
     */
    async stop(graceMs = 5000) {
      if (!running) return;
      running = false;
      wake?.();
      if (sweeper) clearInterval(sweeper);
      sweeper = null;
      if (worker) await worker.close(true).catch(() => undefined);
      let grace: NodeJS.Timeout | undefined;
      await Promise.race([Promise.allSettled([loop, ...active]), new Promise((r) => (grace = setTimeout(r, graceMs)))]);
      // The grace timer would otherwise keep a stopped process alive for its full length.
      clearTimeout(grace);
      // Rows claimed ahead but not started go back to the outbox for any instance.
      await handBack(buffer.splice(0));
      await claims().flush();
      if (heartbeat) clearInterval(heartbeat);
      heartbeat = null;
      held.clear();
      for (const [id, timer] of settling) {
        clearTimeout(timer);
        settling.delete(id);
        await getService('retractions').settle(id).catch(() => undefined);
      }
      if (sweeping) await sweeping;
      // The queue is shared with the other instances: close our handle, never empty it.
      if (queue) await queue.close().catch(() => undefined);
      // BullMQ leaves a connection it was given to its owner: we close it, or the process keeps a socket open.
      if (redis) await redis.quit().catch(() => redis?.disconnect());
      queue = worker = loop = redis = null;
      mode = 'off';
    },

    /** New rows are due: look now instead of at the next poll. */
    kick() {
      if (!running) return;
      if (mode === 'bullmq') void sweep();
      else if (wake) wake();
      else kicked = true;
    },

    /** Resolves once no row is pending or in flight (tests, benchmarks, graceful drains). */
    async drain(timeoutMs = 30_000) {
      const until = Date.now() + timeoutMs;
      while (Date.now() < until) {
        const open = await strapi.db.query(DELIVERY_UID).count({ where: { status: { $in: ['pending', 'in_flight'] } } });
        if (!open) return true;
        this.kick();
        await new Promise((r) => setTimeout(r, 50));
      }
      return false;
    },
  };
};
