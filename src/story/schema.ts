import { z } from "zod";
import { formatCount, STORY_LIMITS as L } from "./limits.ts";
import { characterCount, shown } from "./text.ts";

/** At most `max` characters (code points), saying how long the text is when it is longer. */
const atMost = (max: number) => (schema: z.ZodString) =>
  schema.refine((s) => s.length <= max || characterCount(s) <= max, {
    error: (iss) => `is ${formatCount(characterCount(String(iss.input)))} characters long; the limit is ${formatCount(max)}`,
  });

/** A list of at most `max` items, checked before its items (a 5 MB list of junk is one problem). */
const listOf = <T extends z.ZodType>(item: T, max: number, what: string) =>
  z.array(item).max(max, { error: (iss) => `has ${formatCount((iss.input as unknown[]).length)} ${what}; the limit is ${formatCount(max)}` });

/** A slug or id: lower-case letters, digits and dashes, short enough to type in a Discord option. */
const Id = atMost(L.id)(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must use only a-z, 0-9 and single dashes"));

const Text = (max: number) => atMost(max)(z.string().trim().min(1, "must not be empty"));

/** A localized text: a plain string, or `{ en, zh }` with at least one of them, each at most `max` characters. */
export const LocalizedText = (max: number) =>
  z.union(
    [
      Text(max),
      z.strictObject({ en: Text(max).optional(), zh: Text(max).optional() }).refine((v) => v.en !== undefined || v.zh !== undefined, "needs en, zh or both"),
    ],
    { error: (iss) => (iss.input === undefined ? "is required" : "must be a text, or { en: ..., zh: ... } with at least one of them") },
  );
export type LocalizedText = z.infer<ReturnType<typeof LocalizedText>>;

const Source = z.strictObject({
  name: Text(L.sourceName),
  url: atMost(L.url)(z.string().trim())
    .refine((u) => /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(u) && URL.canParse(u), "must be an http(s) URL")
    .optional(),
});

const Quote = z.strictObject({ by: Id, text: LocalizedText(L.quote) });

const Entity = z.strictObject({
  id: Id,
  kind: z.enum(["person", "organization", "place", "other"]),
  name: LocalizedText(L.name),
  aliases: listOf(Text(L.alias), L.aliasesPerEntity, "aliases").default([]),
  role: LocalizedText(L.role).optional(),
});

const Event = z.strictObject({
  id: Id,
  at: z.string({ error: "must be a quoted date or date-time" }),
  title: LocalizedText(L.title),
  summary: LocalizedText(L.summary).optional(),
  entities: listOf(Id, L.entitiesPerEvent, "entities").default([]),
  importance: z.number().int().min(1).max(5).default(3),
  quotes: listOf(Quote, L.quotesPerEvent, "quotes").default([]),
  sources: listOf(Source, L.sourcesPerEvent, "sources").min(1, "needs at least one source"),
  status: z
    .enum(["confirmed", "disputed", "corrected"], { error: (iss) => `${shown(iss.input)} is not a status (confirmed, disputed or corrected)` })
    .optional(),
  status_note: Text(L.statusNote).optional(),
});

/** The whole story file, exactly as an editor writes it. */
export const StoryFile = z.strictObject({
  story: z.strictObject({
    slug: Id,
    title: LocalizedText(L.title),
    summary: LocalizedText(L.summary).optional(),
    language: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/, "must be a language code such as en or zh")
      .default("en"),
  }),
  entities: listOf(Entity, L.entities, "entities").default([]),
  events: listOf(Event, L.events, "events").default([]),
});
export type StoryFile = z.infer<typeof StoryFile>;
