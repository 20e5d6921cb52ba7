/**
 * User-facing strings of the editor feature, in both languages. `zh` is typed by `en`, so a
 * key missing in Chinese is a compile error. Reached through `t(lang).editor`.
 */

/** English editor strings; the reference shape. */
const en = {
  title: "Editor",
};

/** The shape of the editor strings. */
export type EditorStrings = typeof en;

const zh: EditorStrings = {
  title: "Editor",
};

export const editorStrings = { en, zh } as const;
