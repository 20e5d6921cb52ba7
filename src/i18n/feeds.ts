/**
 * User-facing strings of the feeds feature, in both languages. `zh` is typed by `en`, so a
 * key missing in Chinese is a compile error. Reached through `t(lang).feeds`.
 */

/** English feeds strings; the reference shape. */
const en = {
  title: "Feeds",
};

/** The shape of the feeds strings. */
export type FeedsStrings = typeof en;

const zh: FeedsStrings = {
  title: "Feeds",
};

export const feedsStrings = { en, zh } as const;
