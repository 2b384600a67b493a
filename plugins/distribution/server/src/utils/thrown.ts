/** What a caught value may say about itself: Errors, Strapi's errors and Node's network errors carry some of these. */
export interface Thrown {
  message?: string;
  name?: string;
  code?: string | number;
  cause?: { code?: string | number };
}

/** The facts of whatever was thrown (none for a thrown primitive). */
export const thrown = (error: unknown): Thrown => (typeof error === 'object' && error !== null ? (error as Thrown) : {});
