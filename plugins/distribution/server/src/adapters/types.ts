import type { Core } from '@strapi/strapi';

export interface DeliverInput {
  strapi: Core.Strapi;
  /** The claimed outbox row: operation, payload (snapshot, route), idempotencyKey, attempts. */
  delivery: any;
  /** The channel row (settings, credential name), for kinds that have one. */
  channel: any;
  /** What the target answered for the last version it received (ids needed to update or withdraw). */
  previousReceipt: Record<string, any> | null;
}

export interface Adapter {
  needsChannel: boolean;
  /** Adapters that update or withdraw by the id the target gave last time (WeChat article, Weibo post). */
  needsPreviousReceipt?: boolean;
  /** Returns the receipt to store; throws DeliveryError to retry (or to dead-letter when permanent). */
  deliver(input: DeliverInput): Promise<Record<string, unknown>>;
}
