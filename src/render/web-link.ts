/**
 * The story pages' addresses (served by src/web) and the "Read on the web" link button that
 * /event, /who, /timeline and the recap add when PUBLIC_URL is set.
 */
import { type APIButtonComponentWithURL, ButtonStyle, ComponentType } from "discord.js";
import type { Lang } from "../../db/types.ts";
import { webStrings } from "../i18n/web.ts";
import type { Reply } from "./reply.ts";

/** Longest URL Discord takes on a link button. */
const URL_MAX = 512;
const ROWS_MAX = 5;
const ROW_BUTTONS_MAX = 5;

/** Site paths of a story's pages. */
export const webPaths = {
  story: (slug: string) => `/s/${encodeURIComponent(slug)}`,
  event: (slug: string, key: string) => `/s/${encodeURIComponent(slug)}/e/${encodeURIComponent(key)}`,
  person: (slug: string, key: string) => `/s/${encodeURIComponent(slug)}/p/${encodeURIComponent(key)}`,
  search: (slug: string) => `/s/${encodeURIComponent(slug)}/search`,
};

/** The page at `path` on PUBLIC_URL in `lang`; null without PUBLIC_URL or when too long for a button. */
export function webAddress(publicUrl: string | undefined, path: string, lang: Lang): string | null {
  if (!publicUrl) return null;
  const url = `${publicUrl.replace(/\/+$/, "")}${path}?lang=${lang}`;
  return url.length <= URL_MAX ? url : null;
}

/** `reply` with a "Read on the web" button to `url` (none when `url` is null), after its other buttons. */
export function withWebLink(reply: Reply, url: string | null | undefined, lang: Lang): Reply {
  if (!url) return reply;
  const button: APIButtonComponentWithURL = { type: ComponentType.Button, style: ButtonStyle.Link, label: webStrings[lang].readOnWeb, url };
  const rows = [...(reply.components ?? [])];
  const last = rows.at(-1);
  if (last && last.components.length < ROW_BUTTONS_MAX && last.components.every((c) => c.type === ComponentType.Button)) {
    rows[rows.length - 1] = { ...last, components: [...last.components, button] };
  } else if (rows.length < ROWS_MAX) {
    rows.push({ type: ComponentType.ActionRow, components: [button] });
  }
  return { ...reply, components: rows };
}
