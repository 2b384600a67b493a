/** Three-valued logic (Kleene): `null` is unknown. */
export type Tri = true | false | null;

/** False if any part is false, else unknown if any is unknown, else true (true for no parts). */
export const kleeneAll = (parts: Tri[]): Tri => {
  let unknown = false;
  for (const p of parts) {
    if (p === false) return false;
    if (p === null) unknown = true;
  }
  return unknown ? null : true;
};

/** True if any part is true, else unknown if any is unknown, else false (false for no parts). */
export const kleeneAny = (parts: Tri[]): Tri => {
  let unknown = false;
  for (const p of parts) {
    if (p === true) return true;
    if (p === null) unknown = true;
  }
  return unknown ? null : false;
};

/** Negation keeps unknown. */
export const kleeneNot = (p: Tri): Tri => (p === null ? null : !p);
