/**
 * The answers of /follow, /unfollow and /following: short private notes, and the list of
 * what someone follows per story with whether their follow DMs are paused. Pure.
 */
import type { Follow, FollowPause, FollowUser } from "../../db/follows.ts";
import type { EntityRef, Lang } from "../../db/types.ts";
import { joinList, pickOr, t } from "../i18n/index.ts";
import { fitMessage } from "./fit.ts";
import { inline } from "./format.ts";
import { nameOf } from "./names.ts";
import type { Reply } from "./reply.ts";
import { NEUTRAL_COLOR } from "./theme.ts";

/** A private note of one or more paragraphs. */
export function renderFollowNote(paragraphs: readonly string[]): Reply {
  return fitMessage({ content: paragraphs.filter(Boolean).join("\n\n"), ephemeral: true });
}

/** Names as a list to choose from or suggest ("**Dario Amodei**, **Daniela Amodei**"). */
export function followNames(entities: readonly EntityRef[], lang: Lang): string {
  return joinList(
    entities.slice(0, 10).map((e) => `**${inline(nameOf(e, lang), 80)}**`),
    lang,
  );
}

/** Why following is paused, in words. */
export function pauseReason(reason: FollowPause | null, lang: Lang): string {
  return t(lang).follows.reasons[reason ?? "dm_closed"];
}

/**
 * /following: what `follows` holds, one field per story (its major developments first, then
 * people), and whether follow DMs are on; `resumed` when this look turned them back on.
 */
export function renderFollowing(follows: readonly Follow[], user: FollowUser | null, resumed: boolean, lang: Lang): Reply {
  const s = t(lang).follows;
  const state = resumed && user ? `${s.paused(pauseReason(user.pausedReason, lang))}\n${s.resumed}` : s.active;
  if (follows.length === 0) return renderFollowNote([s.empty, resumed ? state : ""]);
  const byStory = new Map<number, Follow[]>();
  for (const f of follows) byStory.set(f.story.id, [...(byStory.get(f.story.id) ?? []), f]);
  const fields = [...byStory.values()].map((list) => {
    const story = list[0]!.story;
    const lines = list.map((f) => `• ${f.entity ? `**${inline(nameOf(f.entity, lang), 80)}**` : s.majors}`);
    return { name: inline(pickOr(story.title, lang, story.slug), 200), value: lines.join("\n") };
  });
  return fitMessage({
    embeds: [{ title: s.listTitle, description: `${state}\n${s.listHint}`, color: NEUTRAL_COLOR, fields: fields.slice(0, 25) }],
    ephemeral: true,
  });
}
