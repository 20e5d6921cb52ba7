/** A problem with the operator's input (the article, an option): shown as one sentence, exit 1, nothing written. */
export class DraftError extends Error {
  override name = "DraftError";
}
