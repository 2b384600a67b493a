import { AsyncLocalStorage } from 'async_hooks';

/**
 * Marks the publish calls made by an emergency publish. The publish gate lets them through; every
 * other publish, by whatever path, must show a final approval of the current content.
 */
const emergency = new AsyncLocalStorage<{ actorId: number | null; reason: string }>();

export const runAsEmergency = <T>(context: { actorId: number | null; reason: string }, fn: () => Promise<T>) => emergency.run(context, fn);
export const emergencyContext = () => emergency.getStore();

/** Publishes done by the workflow itself (an approved policy's interpretations publish with it). */
const workflowPublish = new AsyncLocalStorage<true>();
export const runAsWorkflow = <T>(fn: () => Promise<T>) => workflowPublish.run(true, fn);
export const isWorkflowPublish = () => workflowPublish.getStore() === true;

/**
 * Publishes by trusted code rather than by a person: seeding and imports of content already
 * approved elsewhere, and site-group copies of an item that passed review at its origin. Reachable
 * from code only (no route), and each such publish is recorded in the audit trail with its reason.
 */
const trusted = new AsyncLocalStorage<{ reason: string }>();
export const runAsTrusted = <T>(context: { reason: string }, fn: () => Promise<T>) => trusted.run(context, fn);
export const trustedContext = () => trusted.getStore();
