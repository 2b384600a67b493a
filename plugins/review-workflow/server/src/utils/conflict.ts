import { errors } from '@strapi/utils';

/** Someone else changed the review state first (e.g. two reviewers approving at once). Answered as 409. */
export class ReviewConflictError extends errors.ApplicationError<'ReviewConflictError'> {
  constructor(message: string) {
    super(message);
    this.name = 'ReviewConflictError';
  }
}

/** Runs a controller action, turning a ReviewConflictError into a 409 (Strapi maps ApplicationErrors to 400). */
export const answeringConflicts = async (ctx: any, action: () => Promise<void>) => {
  try {
    await action();
  } catch (error) {
    if (error instanceof ReviewConflictError) return ctx.throw(409, error.message);
    throw error;
  }
};
