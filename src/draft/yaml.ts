/**
 * A draft as a story file an editor can read: the format of the README's "Story files",
 * every drafted text marked in a comment for review (the other language left for the
 * editor), where each date and each new name came from, and what could not be dated.
 */
import { Document, Scalar, type YAMLMap, type YAMLSeq } from "yaml";
import type { Draft, DraftEvent } from "./draft.ts";
import type { Entity } from "./entities.ts";
import { truncate } from "../render/limits.ts";

const OTHER = { zh: "en", en: "zh" } as const;

/** A localized text node in the article's language, in flow style, marked for review. */
function text(doc: Document, value: string, draft: Draft): YAMLMap {
  const node = flow<YAMLMap>(doc, { [draft.language]: quoted(value) });
  node.comment = ` drafted from the article, for review; ${OTHER[draft.language]}: for the editor`;
  return node;
}

function quoted(value: string, comment?: string): Scalar {
  const s = new Scalar(value);
  s.type = Scalar.QUOTE_DOUBLE;
  if (comment) s.comment = ` ${comment}`;
  return s;
}

function names(e: Entity): Record<string, string> {
  return Object.fromEntries(Object.entries(e.name).filter(([, v]) => v !== null)) as Record<string, string>;
}

function flow<T extends YAMLMap | YAMLSeq>(doc: Document, value: unknown): T {
  const node = doc.createNode(value) as T;
  node.flow = true;
  return node;
}

function entityNode(doc: Document, e: Entity, isNew: boolean): YAMLMap {
  const node = doc.createNode({ id: e.id, kind: e.kind }) as YAMLMap;
  node.set("name", flow(doc, names(e)));
  if (e.aliases.length) node.set("aliases", flow(doc, e.aliases));
  const role = Object.fromEntries(Object.entries(e.role).filter(([, v]) => v !== null));
  if (Object.keys(role).length) node.set("role", flow(doc, role));
  if (isNew) {
    node.commentBefore = ` new: found in "${truncate(e.sentence ?? "", 160).replace(/\n/g, " ")}"`;
    if (e.kindGuessed) (node.get("kind", true) as Scalar).comment = " guessed: check";
  }
  return node;
}

function eventNode(doc: Document, ev: DraftEvent, draft: Draft): YAMLMap {
  const node = doc.createNode({ id: ev.id }) as YAMLMap;
  node.set("at", quoted(ev.at, ev.atNote));
  node.set("title", text(doc, ev.title, draft));
  if (ev.summary) node.set("summary", text(doc, ev.summary, draft));
  if (ev.entities.length) node.set("entities", flow(doc, ev.entities));
  if (ev.quotes.length)
    node.set(
      "quotes",
      ev.quotes.map((q) => doc.createNode({ by: q.by, text: text(doc, q.text, draft) })),
    );
  node.set(
    "sources",
    ev.sources.map((s) => flow(doc, s)),
  );
  if (ev.unattributed.length) {
    node.comment = ev.unattributed.map((q) => ` quote, speaker not named: “${truncate(q, 200)}”`).join("\n");
  }
  return node;
}

/** The draft as YAML text. */
export function draftYaml(draft: Draft, now: Date): string {
  const doc = new Document({});
  const a = draft.article;
  doc.commentBefore = [
    ` Drafted by \`npm run draft\` on ${now.toISOString().slice(0, 10)} from ${a.url ?? a.origin}`,
    ` (${draft.language === "zh" ? "Chinese" : "English"}, dated ${a.date.day} from ${a.date.from}).`,
    ` Every text is drafted from the article, for review; the ${OTHER[draft.language]} texts are left for the editor.`,
    ...(draft.extends
      ? [
          ` Entities are those of the story "${draft.extends}" (same ids), then the new names found.`,
          ` To extend "${draft.extends}", move the events and new entities into its file; importing this`,
          ` file as it is creates a separate story "${draft.slug}" and leaves "${draft.extends}" unchanged.`,
        ]
      : []),
  ].join("\n");
  const story = doc.createNode({ slug: draft.slug }) as YAMLMap;
  story.set("title", text(doc, draft.title, draft));
  story.set("language", draft.language);
  doc.set("story", story);
  const fresh = new Set(draft.newEntities);
  const entities = draft.entities.map((e) => entityNode(doc, e, fresh.has(e)));
  if (draft.extends && entities[0])
    entities[0].commentBefore = ` from the story "${draft.extends}", unchanged${entities[0].commentBefore ? `\n${entities[0].commentBefore}` : ""}`;
  doc.set("entities", entities);
  doc.set(
    "events",
    draft.events.map((ev) => eventNode(doc, ev, draft)),
  );
  if (draft.undated.length) {
    doc.comment = [
      " Could not date these paragraphs (no day in the text, or only a year or a month):",
      ...draft.undated.map((p) => `   ${truncate(p, 300)}`),
    ].join("\n");
  }
  return doc.toString({ defaultKeyType: "PLAIN", lineWidth: 0 });
}
