/** Three-valued logic (Kleene): `null` is unknown. */
export type Tri = true | false | null;

/** The first part equal to `decisive` settles it; else unknown if any part is unknown, else the other value. */
const settle = (parts: Tri[], decisive: boolean): Tri => {
  let unknown = false;
  for (const p of parts) {
    if (p === decisive) return decisive;
    if (p === null) unknown = true;
  }
  return unknown ? null : !decisive;
};

/** False if any part is false, else unknown if any is unknown, else true (true for no parts). */
export const kleeneAll = (parts: Tri[]): Tri => settle(parts, false);

/** True if any part is true, else unknown if any is unknown, else false (false for no parts). */
export const kleeneAny = (parts: Tri[]): Tri => settle(parts, true);

/** Negation keeps unknown. */
export const kleeneNot = (p: Tri): Tri => (p === null ? null : !p);
