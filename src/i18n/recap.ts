/**
 * User-facing strings of the recap feature, in both languages. `zh` is typed by `en`, so a
 * key missing in Chinese is a compile error. Reached through `t(lang).recap`.
 */

/** English recap strings; the reference shape. */
const en = {
  title: "Recap",
};

/** The shape of the recap strings. */
export type RecapStrings = typeof en;

const zh: RecapStrings = {
  title: "Recap",
};

export const recapStrings = { en, zh } as const;
