/**
 * `/recap log`: a server's latest scheduled recap and alert deliveries — when, where, a link to each
 * post, and every failure with its reason. Pure.
 */
import type { RecapDelivery } from "../../db/recap-deliveries.ts";
import type { Lang } from "../../db/types.ts";
import { t } from "../i18n/index.ts";
import { fitMessage } from "./fit.ts";
import { clip, discordTimestamp } from "./format.ts";
import { LIMITS } from "./limits.ts";
import { joinCapped } from "./lists.ts";
import { jumpLink } from "./recap-status.ts";
import type { Reply } from "./reply.ts";
import { baseEmbed } from "./theme.ts";

function line(d: RecapDelivery, maxAttempts: number, lang: Lang): string {
  const s = t(lang).recap;
  return what(d, maxAttempts, lang) + (d.rateLimited > 0 ? s.log.rateLimited(d.rateLimited) : "");
}

function what(d: RecapDelivery, maxAttempts: number, lang: Lang): string {
  const s = t(lang).recap;
  const head = `${discordTimestamp(d.at, "f")} · <#${d.channelId}>`;
  const detail = clip(d.detail ?? "", 200);
  if (d.kind === "alert") return `${head} · ${alertWhat(d, maxAttempts, detail, lang)}${d.ref ? s.log.ref(d.ref) : ""}`;
  if (d.result === "posted") return `${head} · ${s.log.posted(jumpLink(d.guildId, d.channelId, d.messageId ?? ""))}${d.ref ? s.log.ref(d.ref) : ""}`;
  if (d.result === "failed") return `${head} · ${s.log.failed(d.attempt ?? 1, maxAttempts, detail)}`;
  const reason = s.reasons[(d.reason ?? "unknown") as keyof typeof s.reasons] ?? s.reasons.unknown;
  return `${head} · ${s.log.paused(reason, detail)}`;
}

function alertWhat(d: RecapDelivery, maxAttempts: number, detail: string, lang: Lang): string {
  const s = t(lang).recap;
  if (d.result === "posted") return s.log.alertPosted(jumpLink(d.guildId, d.channelId, d.messageId ?? ""));
  if (d.result === "failed") return s.log.alertFailed(d.attempt ?? 1, maxAttempts, detail);
  return s.log.alertPaused(s.reasons[(d.reason ?? "unknown") as keyof typeof s.reasons] ?? s.reasons.unknown, detail);
}

/** The log, newest first, as given; `maxAttempts` is how often a slot is tried before pausing. */
export function renderRecapLog(deliveries: readonly RecapDelivery[], maxAttempts: number, lang: Lang): Reply {
  const s = t(lang);
  const body = deliveries.length
    ? `${s.recap.log.intro(deliveries.length)}\n\n${joinCapped(
        deliveries.map((d) => line(d, maxAttempts, lang)),
        "\n",
        LIMITS.description - 200,
        s.labels.andMore,
      )}`
    : s.recap.log.empty;
  return fitMessage({ embeds: [{ ...baseEmbed(null, lang), title: s.recap.log.title, description: body }], ephemeral: true });
}
