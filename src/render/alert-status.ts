/** The answers of `/alerts`: set, status, off, and the refusal naming missing permissions. Pure. */
import type { AlertChannel } from "../../db/alerts.ts";
import type { Lang, Story } from "../../db/types.ts";
import { joinList, t, type AllStrings } from "../i18n/index.ts";
import { fitMessage } from "./fit.ts";
import type { Reply } from "./reply.ts";
import { baseEmbed, storyTitle } from "./theme.ts";

/** Why a pause code paused alerts, in words (the recap's reasons, shared). */
function reasonText(code: string, lang: Lang): string {
  const reasons = t(lang).recap.reasons;
  return reasons[code as keyof typeof reasons] ?? reasons.unknown;
}

/** "I can't post alerts in #news: I'm missing View Channel and Embed Links there…" */
export function missingAlertPermissionsText(channelId: string, missing: readonly (keyof AllStrings["recap"]["permissions"])[], lang: Lang): string {
  const s = t(lang).alerts;
  return s.missingPermissions(
    `<#${channelId}>`,
    joinList(
      missing.map((p) => `**${t(lang).recap.permissions[p]}**`),
      lang,
    ),
  );
}

/** The confirmation of `/alerts channel:`. */
export function renderAlertSet(alert: AlertChannel, story: Story, lang: Lang): Reply {
  const s = t(lang).alerts;
  const lines = [
    s.set(storyTitle(story, lang), `<#${alert.channelId}>`, alert.minImportance),
    alert.roleId ? s.withRole(`<@&${alert.roleId}>`) : s.noRole,
    s.fromNow,
  ];
  return fitMessage({ embeds: [{ ...baseEmbed(story, lang), title: s.title, description: lines.join("\n") }], ephemeral: true });
}

/** `/alerts` alone: every alert channel of the server, with its role and any pause. */
export function renderAlertStatus(alerts: readonly { alert: AlertChannel; story: Story | null }[], lang: Lang): Reply {
  const s = t(lang).alerts;
  const lines = alerts.map(({ alert, story }) => {
    const head = s.status(story ? storyTitle(story, lang) : s.unknownStory, `<#${alert.channelId}>`, alert.minImportance);
    const role = alert.roleId ? ` · ${s.statusRole(`<@&${alert.roleId}>`)}` : "";
    const paused = alert.pausedReason ? `\n${s.paused(reasonText(alert.pausedReason, lang))}` : "";
    return `${head}${role}${paused}`;
  });
  const description = lines.length ? lines.join("\n\n") : s.none;
  return fitMessage({ embeds: [{ ...baseEmbed(alerts[0]?.story ?? null, lang), title: s.title, description }], ephemeral: true });
}

/** `/alerts off:True`. */
export function renderAlertsOff(removed: number, lang: Lang): Reply {
  const s = t(lang).alerts;
  return fitMessage({ content: removed ? s.off(removed) : s.offNone, ephemeral: true });
}
