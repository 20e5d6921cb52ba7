/** Date options ("YYYY-MM-DD"), read the same way by /timeline from:/to: and /catchup since:. */
import type { Lang } from "../../db/types.ts";
import { UserError } from "../context.ts";
import { errorText } from "../render/index.ts";
import { parseDay } from "../story/dates.ts";

/** A date option as "YYYY-MM-DD", or a refusal naming the format; null when not given. */
export function dayOption(value: string | null, lang: Lang): string | null {
  if (value === null) return null;
  if (!parseDay(value)) throw new UserError(errorText("badDate", lang, { value }));
  return value.trim();
}
