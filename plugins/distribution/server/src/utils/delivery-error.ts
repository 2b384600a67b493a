/** A failed attempt. `permanent` failures (a 4xx, a refused credential) go straight to the dead letters; others are retried. */
export class DeliveryError extends Error {
  permanent: boolean;
  details?: Record<string, unknown>;
  constructor(message: string, { permanent = false, details }: { permanent?: boolean; details?: Record<string, unknown> } = {}) {
    super(message);
    this.name = 'DeliveryError';
    this.permanent = permanent;
    this.details = details;
  }
}
