/**
 * Turns a message the bot sent into readable terminal text: content, each embed's title,
 * description, fields and footer, and the buttons and menus under it — with timestamps,
 * channel and user mentions shown as a Discord client would show them. Pure.
 */

import { showTags, type Viewer } from "./tags.ts";

interface EmbedLike {
  title?: string;
  description?: string;
  url?: string;
  author?: { name?: string };
  fields?: { name?: string; value?: string }[];
  footer?: { text?: string };
}

interface ComponentLike {
  type?: number;
  label?: string;
  custom_id?: string;
  url?: string;
  disabled?: boolean;
  placeholder?: string;
  options?: { label?: string; value?: string }[];
  components?: ComponentLike[];
}

/** A message as the sandbox prints it. */
export interface Printable {
  content?: string;
  embeds?: unknown[];
  components?: unknown[];
  ephemeral?: boolean;
}

const indent = (text: string, pad = "  ") =>
  text
    .split("\n")
    .map((l) => pad + l)
    .join("\n");

function printEmbed(e: EmbedLike, v: Viewer): string[] {
  const out: string[] = [];
  const show = (text: string) => showTags(text, v);
  if (e.author?.name) out.push(show(e.author.name));
  if (e.title) out.push(`■ ${show(e.title)}`);
  if (e.description) out.push(indent(show(e.description)));
  for (const f of e.fields ?? []) {
    out.push(`  ▸ ${show(f.name ?? "")}`);
    if (f.value) out.push(indent(show(f.value), "    "));
  }
  if (e.footer?.text) out.push(`  — ${show(e.footer.text)}`);
  return out;
}

/** The buttons and select menus of a message, flattened out of their action rows. */
export function flattenComponents(components: unknown[] | undefined): ComponentLike[] {
  const out: ComponentLike[] = [];
  for (const row of (components ?? []) as ComponentLike[]) {
    if (row.components) out.push(...row.components);
    else out.push(row);
  }
  return out;
}

function printComponent(c: ComponentLike): string {
  if (c.type === 2) {
    const label = c.label ?? "(button)";
    if (c.url) return `[${label} ↗ ${c.url}]`;
    return c.disabled ? `[${label} (disabled)]` : `[${label}]`;
  }
  if (c.type === 3) return `<menu: ${c.placeholder ?? "choose"} — ${(c.options ?? []).map((o) => o.label).join(" | ")}>`;
  return "";
}

/**
 * Renders a message as lines of text, as `viewer` would see it in Discord; ephemeral
 * replies are marked "(only you can see this)".
 */
export function printMessage(m: Printable, viewer: Viewer = { locale: "en-US", timeZone: "UTC", now: Date.now() }): string {
  const out: string[] = [];
  if (m.ephemeral) out.push("(only you can see this)");
  if (m.content) out.push(showTags(m.content, viewer));
  for (const e of (m.embeds ?? []) as EmbedLike[]) out.push(...printEmbed(e, viewer));
  const buttons = flattenComponents(m.components).map(printComponent).filter(Boolean);
  if (buttons.length) out.push(buttons.join(" "));
  return out.join("\n");
}
