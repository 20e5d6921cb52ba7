/** Which script a text is written in, for every layer (db must not import src). */

const HAN = /\p{Script=Han}/u;

/** Whether a text has Chinese (Han) characters. */
export function hasHan(text: string): boolean {
  return HAN.test(text);
}
