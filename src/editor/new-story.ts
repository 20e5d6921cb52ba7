/**
 * Reading `/story create`'s options into a new story, by the rules a story file's `story:`
 * follows (src/story/schema.ts and STORY_LIMITS): a slug of a-z, 0-9 and single dashes, at
 * most 100 characters; a title of at most 256; a summary of at most 4,000. Pure: whether
 * the slug is taken is the writer's answer (db/stories.ts createStory).
 */
import { hasHan } from "../../db/text.ts";
import type { Lang, Localized } from "../../db/types.ts";
import { t } from "../i18n/index.ts";
import { STORY_LIMITS } from "../story/limits.ts";
import { characterCount, characterProblem } from "../story/text.ts";

/** What the options typed. */
export interface NewStoryOptions {
  slug: string;
  title: string;
  titleZh: string | null;
  summary: string | null;
  summaryZh: string | null;
}

/** A new story as the writer takes it. */
export interface NewStory {
  slug: string;
  title: Localized;
  summary: Localized;
  language: string;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

type Field = keyof ReturnType<typeof t>["people"]["story"]["fields"];

/** The options as a story, or every problem in `lang`. */
export function readNewStory(o: NewStoryOptions, lang: Lang): { ok: true; story: NewStory } | { ok: false; problems: string[] } {
  const s = t(lang).people.story;
  const problems: string[] = [];
  const text = (field: Field, value: string | null, max: number, required: boolean): string | null => {
    const v = value?.trim() ?? "";
    if (!v) {
      if (required) problems.push(s.empty(s.fields[field]));
      return null;
    }
    if (characterProblem(v)) problems.push(s.badCharacter(s.fields[field]));
    else if (characterCount(v) > max) problems.push(s.tooLong(s.fields[field], characterCount(v), max));
    return v;
  };
  const slug = o.slug.trim();
  if (!slug) problems.push(s.empty(s.fields.slug));
  else if (characterCount(slug) > STORY_LIMITS.id) problems.push(s.tooLong(s.fields.slug, characterCount(slug), STORY_LIMITS.id));
  else if (!SLUG.test(slug)) problems.push(s.slugBad(slug.slice(0, 100)));
  const title = text("title", o.title, STORY_LIMITS.title, true);
  const titleZh = text("title_zh", o.titleZh, STORY_LIMITS.title, false);
  const summary = text("summary", o.summary, STORY_LIMITS.summary, false);
  const summaryZh = text("summary_zh", o.summaryZh, STORY_LIMITS.summary, false);
  if (problems.length > 0) return { ok: false, problems };
  // A title in Chinese with no other is the Chinese title, and the story's language is Chinese.
  const chinese = titleZh === null && hasHan(title!);
  const story: NewStory = chinese
    ? { slug, title: { en: null, zh: title }, summary: { en: summaryZh ? summary : null, zh: summaryZh ?? summary }, language: "zh" }
    : { slug, title: { en: title, zh: titleZh }, summary: { en: summary, zh: summaryZh }, language: "en" };
  return { ok: true, story };
}
