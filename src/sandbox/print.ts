/**
 * Turns a message the bot sent into readable terminal text: content, each embed's title,
 * description, fields and footer, and the buttons and menus under it. Pure.
 */

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

function printEmbed(e: EmbedLike): string[] {
  const out: string[] = [];
  if (e.author?.name) out.push(e.author.name);
  if (e.title) out.push(`■ ${e.title}`);
  if (e.description) out.push(indent(e.description));
  for (const f of e.fields ?? []) {
    out.push(`  ▸ ${f.name ?? ""}`);
    if (f.value) out.push(indent(f.value, "    "));
  }
  if (e.footer?.text) out.push(`  — ${e.footer.text}`);
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

/** Renders a message as lines of text; ephemeral replies are marked "(only you can see this)". */
export function printMessage(m: Printable): string {
  const out: string[] = [];
  if (m.ephemeral) out.push("(only you can see this)");
  if (m.content) out.push(m.content);
  for (const e of (m.embeds ?? []) as EmbedLike[]) out.push(...printEmbed(e));
  const buttons = flattenComponents(m.components).map(printComponent).filter(Boolean);
  if (buttons.length) out.push(buttons.join(" "));
  return out.join("\n");
}
