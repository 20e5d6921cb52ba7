import { z } from "zod";

/** A slug or id: lower-case letters, digits and dashes. */
const Id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must use only a-z, 0-9 and single dashes");

const Text = z.string().trim().min(1, "must not be empty");

/** A localized text: a plain string, or `{ en, zh }` with at least one of them. */
export const LocalizedText = z.union(
  [Text, z.strictObject({ en: Text.optional(), zh: Text.optional() }).refine((v) => v.en !== undefined || v.zh !== undefined, "needs en, zh or both")],
  { error: (iss) => (iss.input === undefined ? "is required" : "must be a text, or { en: ..., zh: ... } with at least one of them") },
);
export type LocalizedText = z.infer<typeof LocalizedText>;

const Source = z.strictObject({
  name: Text,
  url: z
    .string()
    .trim()
    .refine((u) => /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(u) && URL.canParse(u), "must be an http(s) URL")
    .optional(),
});

const Quote = z.strictObject({ by: Id, text: LocalizedText });

const Entity = z.strictObject({
  id: Id,
  kind: z.enum(["person", "organization", "place", "other"]),
  name: LocalizedText,
  aliases: z.array(Text).default([]),
  role: LocalizedText.optional(),
});

const Event = z.strictObject({
  id: Id,
  at: z.string({ error: "must be a quoted date or date-time" }),
  title: LocalizedText,
  summary: LocalizedText.optional(),
  entities: z.array(Id).default([]),
  importance: z.number().int().min(1).max(5).default(3),
  quotes: z.array(Quote).default([]),
  sources: z.array(Source).min(1, "needs at least one source"),
});

/** The whole story file, exactly as an editor writes it. */
export const StoryFile = z.strictObject({
  story: z.strictObject({
    slug: Id,
    title: LocalizedText,
    summary: LocalizedText.optional(),
    language: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/, "must be a language code such as en or zh")
      .default("en"),
  }),
  entities: z.array(Entity).default([]),
  events: z.array(Event).default([]),
});
export type StoryFile = z.infer<typeof StoryFile>;
