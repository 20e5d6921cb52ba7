/**
 * A story as it stands (db/export.ts) written as a story file in the README's format, so
 * `/story import` or `npm run import` of it gives the same story. Ids written from Discord
 * (`ed_3`, `p_2`) are not file ids (files use a-z, 0-9 and dashes only), so they are written
 * with a dash (`ed-3`, `p-2`), made unique against the story's other ids. Pure.
 */
import { stringify } from "yaml";
import type { ExportEvent, StoryExport } from "../../db/export.ts";
import type { Localized } from "../../db/types.ts";

const FILE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Each key as a file id: kept when it is one, else dashed and made unique among `keys`. */
function fileIds(keys: readonly string[]): Map<string, string> {
  const taken = new Set(keys.filter((k) => FILE_ID.test(k)));
  const out = new Map<string, string>();
  for (const key of keys) {
    if (FILE_ID.test(key)) {
      out.set(key, key);
      continue;
    }
    const base =
      key
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-+|-+$/g, "")
        .slice(0, 90) || "id";
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    out.set(key, id);
  }
  return out;
}

/** A localized text as a file writes it: only the languages it has; undefined when it has none. */
function text(l: Localized): { en?: string; zh?: string } | undefined {
  if (l.en === null && l.zh === null) return undefined;
  return { ...(l.en !== null ? { en: l.en } : {}), ...(l.zh !== null ? { zh: l.zh } : {}) };
}

/** An event time as a file writes it: the day for a date, the UTC instant for a date-time. */
function when(ev: ExportEvent): string {
  const iso = new Date(ev.at).toISOString();
  return ev.precision === "date" ? iso.slice(0, 10) : iso.replace(".000Z", "Z");
}

/** The story as the data of a story file. */
export function storyFileData(story: StoryExport): Record<string, unknown> {
  const entityIds = fileIds(story.entities.map((e) => e.key));
  const eventIds = fileIds(story.events.map((e) => e.key));
  return {
    story: { slug: story.slug, title: text(story.title) ?? story.slug, summary: text(story.summary), language: story.language },
    entities: story.entities.map((e) => ({
      id: entityIds.get(e.key),
      kind: e.kind,
      name: text(e.name) ?? e.key,
      ...(e.aliases.length ? { aliases: e.aliases } : {}),
      ...(text(e.role) ? { role: text(e.role) } : {}),
    })),
    events: story.events.map((ev) => ({
      id: eventIds.get(ev.key),
      at: when(ev),
      title: text(ev.title) ?? ev.key,
      ...(text(ev.summary) ? { summary: text(ev.summary) } : {}),
      ...(ev.entityKeys.length ? { entities: ev.entityKeys.map((k) => entityIds.get(k)) } : {}),
      importance: ev.importance,
      // A quote whose speaker was removed has nobody to name, which a file cannot say.
      ...(ev.quotes.some((q) => q.byKey) ? { quotes: ev.quotes.filter((q) => q.byKey).map((q) => ({ by: entityIds.get(q.byKey!), text: text(q.text) })) } : {}),
      sources: ev.sources.map((s) => (s.url ? { name: s.name, url: s.url } : { name: s.name })),
      ...(ev.verification ? { status: ev.verification, ...(ev.verificationNote ? { status_note: ev.verificationNote } : {}) } : {}),
    })),
  };
}

/** The story as a YAML story file, with a first line saying when it was exported. */
export function storyYaml(story: StoryExport, now: number): string {
  const head = `# ${story.slug}: exported from Storyline on ${new Date(now).toISOString().slice(0, 19)}Z. Import it with /story import or npm run import.\n`;
  return head + stringify(storyFileData(story), { lineWidth: 0 });
}
