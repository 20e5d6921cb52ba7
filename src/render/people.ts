/** Messages of story creation and of people edited from Discord. Pure. */
import { t } from "../i18n/index.ts";
import type { Lang } from "../../db/types.ts";
import { fitMessage } from "./fit.ts";
import { joinCapped } from "./lists.ts";
import type { Reply } from "./reply.ts";

/** A refusal: its heading and every problem (already sentences in `lang`), seen only by the editor. */
export function renderRefusal(head: string, problems: readonly string[], lang: Lang): Reply {
  const list = joinCapped(
    problems.map((p) => `- ${p}`),
    "\n",
    1600,
    t(lang).labels.andMore,
  );
  return fitMessage({ content: `${head}\n${list}`, ephemeral: true, components: [] });
}
