import { errors } from '@strapi/utils';

/**
 * Someone else changed the state first, or the thing is in the wrong state for the action (approved
 * twice, rolled back before it was applied). Services throw it (or a subclass naming their case);
 * `answeringConflicts` turns it into a 409, which Strapi would otherwise answer as 400.
 */
export class ConflictError<TName extends string = 'ConflictError'> extends errors.ApplicationError<TName> {
  constructor(message: string, details?: unknown) {
    super(message, details);
    this.name = 'ConflictError' as TName;
  }
}

/** The part of a Koa context the helper needs. */
interface ThrowingContext {
  throw: (status: number, message: string, props?: Record<string, unknown>) => never;
}

const hasDetails = (details: unknown) => typeof details === 'object' && details !== null && Object.keys(details).length > 0;

/**
 * Runs a controller action, answering a ConflictError (or subclass) with 409 and its message, and its
 * details when it carries any (`error.details`, e.g. the rules that still use a fact).
 */
export const answeringConflicts = async (ctx: ThrowingContext, action: () => Promise<void>): Promise<void> => {
  try {
    await action();
  } catch (error) {
    if (error instanceof ConflictError) {
      if (hasDetails(error.details)) ctx.throw(409, error.message, { details: error.details });
      ctx.throw(409, error.message);
    }
    throw error;
  }
};
