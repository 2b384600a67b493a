import type { Core } from '@strapi/strapi';
import { DeliveryError } from '../utils/delivery-error';
import type { ChannelRow, DeliveryRow } from '../utils/rows';

export interface DeliverInput {
  strapi: Core.Strapi;
  /** The claimed outbox row: operation, payload (snapshot, route), idempotencyKey, attempts. */
  delivery: DeliveryRow;
  /** The channel row (settings, credential name), for kinds that have one (`needsChannel`); null for the others. */
  channel: ChannelRow | null;
  /** What the target answered for the last version it received (ids needed to update or withdraw). */
  previousReceipt: Record<string, unknown> | null;
  /**
   * Commits a step the remote side has accepted (its ids) to the delivery row at once, before the
   * outcome: a retry after a crash finds it in `delivery.remote` and does not repeat the step.
   * Throws when the claim was lost (another instance took the row over).
   */
  record(step: Record<string, unknown>): Promise<void>;
}

export interface Adapter {
  needsChannel: boolean;
  /** Adapters that update or withdraw by the id the target gave last time (WeChat article, Weibo post). */
  needsPreviousReceipt?: boolean;
  /** Returns the receipt to store; throws DeliveryError to retry (or to dead-letter when permanent). */
  deliver(input: DeliverInput): Promise<Record<string, unknown>>;
}

/** The channel of an adapter that needs one (the dispatcher looks it up before calling `deliver`). */
export const channelOf = ({ channel, delivery }: DeliverInput): ChannelRow => {
  if (!channel) throw new DeliveryError(`channel "${delivery.channelKey}" no longer exists`, { permanent: true });
  return channel;
};
