/**
 * One table of inputs per kind of option, run through EVERY command option of that kind on
 * the real bot and the fake Discord: each must understand them the same way (src/resolvers/).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getEntityByKey } from "../db/entities.ts";
import { getEventByKey } from "../db/events.ts";
import { setGuildStory } from "../db/guilds.ts";
import { recapSchedulesOf, removeRecapSchedules } from "../db/recaps.ts";
import { getStoryBySlug } from "../db/stories.ts";
import { BUNDLED_STORY } from "../src/config.ts";
import { checkChoices } from "../src/render/index.ts";
import { importFiles } from "../src/story/import.ts";
import type { FakeAutocompleteInput, FakeCommandInput, InteractionOutcome } from "../tools/fake-discord/index.ts";
import { startTestBot, textOf, type TestBot } from "./helpers/bot.ts";
import { buttonsOf, expectWithinLimits } from "./helpers/commands.ts";
import { EDITOR, forgedSubmit } from "./helpers/editor.ts";
import { tempDir } from "./helpers/tmp.ts";

const LONG = "regret ilya ".repeat(500);
const NOW = Date.UTC(2031, 0, 1, 9, 0);

let t: TestBot;
let storyId: number;
const tmp = tempDir("storyline-options-");

beforeAll(async () => {
  t = await startTestBot({ config: { EDITOR_USER_IDS: [EDITOR.id] }, now: () => NOW });
  storyId = getStoryBySlug(t.db, BUNDLED_STORY)!.id;
  const crowd = {
    story: { slug: "crowd-story", title: "A crowded story" },
    entities: Array.from({ length: 40 }, (_, i) => ({ id: `crowd-${i}`, kind: "person", name: `Crowd Member ${i}`, aliases: ["crowd"] })),
    events: [{ id: "gathering", at: "2024-01-01", title: "The crowd gathers", entities: ["crowd-0"], sources: [{ name: "Gazette" }] }],
  };
  const r = importFiles(t.db, [tmp.file("crowd.json", JSON.stringify(crowd))], NOW);
  if (!r.ok) throw new Error("the crowd story was refused");
});
afterAll(async () => {
  await t.stop();
  tmp.cleanup();
});

const settle = async (h: Promise<{ settled(o?: { timeoutMs?: number }): Promise<InteractionOutcome> }>) => (await h).settled({ timeoutMs: 15_000 });

/**
 * Runs a command whose focused option carries `value`, exactly as typed — also past the
 * option's max_length, as a tampered client could send it: the payload the fake Discord
 * builds for autocomplete, sent as the command itself.
 */
async function command(input: FakeAutocompleteInput): Promise<InteractionOutcome> {
  const probe = await t.fake.autocomplete(input);
  await probe.settled();
  const payload = structuredClone(probe.payload) as Record<string, unknown>;
  delete payload.id;
  delete payload.token;
  payload.type = 2;
  const unfocus = (options: unknown): void => {
    for (const o of (options ?? []) as Record<string, unknown>[]) {
      delete o.focused;
      unfocus(o.options);
    }
  };
  unfocus((payload.data as { options?: unknown }).options);
  const out = await settle(t.fake.sendInteraction(payload));
  if (!out.modal) expectWithinLimits(out.reply);
  return out;
}

/** The choices an option offers for `value`, checked against Discord's limits. */
async function choices(input: FakeAutocompleteInput): Promise<{ name: string; value: string }[]> {
  const out = await settle(t.fake.autocomplete(input));
  const list = (out.choices ?? []) as { name: string; value: string }[];
  expect(checkChoices(list)).toEqual([]);
  return list;
}

/** Text of a reply with Markdown escapes removed, to find titles and names in. */
const plain = (out: InteractionOutcome): string => `${textOf(out.reply)}\n${JSON.stringify(out.modal ?? "")}`.replace(/\\(.)/g, "$1");

// ---------- events ----------

const eventKeys = () =>
  (t.db.prepare("SELECT key, title_en FROM events WHERE story_id = ? AND title_en IS NOT NULL").all(storyId) as { key: string; title_en: string }[]).sort(
    (a, b) => b.title_en.length - a.title_en.length,
  );

/** Which event an answer is about (its English title in it, the longest that fits), or the refusal's text. */
function eventAnswer(out: InteractionOutcome): string {
  if (out.ephemeral && !out.reply?.embeds.length && !out.modal && !buttonsOf(out.reply).length) return `refused: ${out.reply?.content ?? ""}`;
  const text = plain(out);
  return eventKeys().find((e) => text.includes(e.title_en))?.key ?? `unrecognised: ${text.slice(0, 200)}`;
}

const EVENT_OPTIONS: { label: string; input: (value: string) => FakeAutocompleteInput }[] = [
  { label: "/event id:", input: (value) => ({ name: "event", focused: "id", value, user: EDITOR }) },
  { label: "/editor edit id:", input: (value) => ({ name: "editor", subcommand: "edit", focused: "id", value, user: EDITOR }) },
  { label: "/editor remove id:", input: (value) => ({ name: "editor", subcommand: "remove", focused: "id", value, user: EDITOR }) },
  { label: "/editor history id:", input: (value) => ({ name: "editor", subcommand: "history", focused: "id", value, user: EDITOR }) },
];

const idOf = (key: string) => String(getEventByKey(t.db, storyId, key)!.id);

const EVENT_INPUTS: { what: string; value: () => string; expect: RegExp | string; offers?: string }[] = [
  { what: "an exact key", value: () => "employee-letter", expect: "employee-letter", offers: "employee-letter" },
  { what: "a key in capitals", value: () => "EMPLOYEE-LETTER", expect: "employee-letter", offers: "employee-letter" },
  { what: "a numeric id", value: () => idOf("brockman-quits"), expect: "brockman-quits" },
  { what: "the first letters of an English title word", value: () => "regre", expect: "ilya-regret-tweet", offers: "ilya-regret-tweet" },
  { what: "a word and the first letters of the next", value: () => "greg brock", expect: "brockman-quits", offers: "brockman-quits" },
  { what: "the first characters of a Chinese title word", value: () => "联名", expect: "employee-letter", offers: "employee-letter" },
  { what: "a typo", value: () => "emplyee-leter", expect: /^refused: There is no event “emplyee-leter” in this story\.\nStart typing/ },
  {
    what: "a word several titles have",
    value: () => "Brock",
    expect: /^refused: 3 events match “Brock”\. Which one do you mean\?[\s\S]*`brockman-quits`/,
    offers: "brockman-quits",
  },
  { what: "nothing but spaces", value: () => "   ", expect: /^refused: There is nothing to look up in that\./ },
  { what: "no letter or digit", value: () => "🦄 (%)", expect: /^refused: There is nothing to look up in that\./ },
  // Whole words (it ends with a space): the one event whose text has both.
  { what: "6,000 characters", value: () => LONG, expect: "ilya-regret-tweet" },
  { what: "6,000 characters of a word nothing has", value: () => "zq".repeat(3000), expect: /^refused: There is no event “[zq]{90,100}…” in this story\./ },
];

describe("every event option reads a typed value the same way", () => {
  it.each(EVENT_INPUTS)("given $what", async ({ value, expect: expected, offers }) => {
    const typed = value();
    const answers: Record<string, string> = {};
    const offered: Record<string, string[]> = {};
    for (const option of EVENT_OPTIONS) {
      answers[option.label] = eventAnswer(await command(option.input(typed)));
      offered[option.label] = (await choices(option.input(typed))).map((c) => c.value);
    }
    const [first, ...rest] = Object.values(answers);
    if (typeof expected === "string") expect(first).toBe(expected);
    else expect(first).toMatch(expected);
    for (const answer of rest) expect(answer).toBe(first);
    const [list, ...others] = Object.values(offered);
    for (const other of others) expect(other).toEqual(list);
    if (offers) expect(list).toContain(idOf(offers));
  });

  it("offers old events by the first letters of any title word, the way an editor picks one", async () => {
    const remove = await choices({ name: "editor", subcommand: "remove", focused: "id", value: "Brock", user: EDITOR });
    expect(remove.map((c) => c.name)).toContain("Nov 17, 2023 · Greg Brockman quits OpenAI");
    const edit = await choices({ name: "editor", subcommand: "edit", focused: "id", value: "regre", user: EDITOR });
    expect(edit.map((c) => c.value)).toContain(idOf("ilya-regret-tweet"));
  });
});

// ---------- people and organisations ----------

const entityNames = () =>
  (t.db.prepare("SELECT key, name_en FROM entities WHERE name_en IS NOT NULL").all() as { key: string; name_en: string }[]).sort(
    (a, b) => b.name_en.length - a.name_en.length,
  );

/** Keys of the entities named in `text`, each name counted once (longest names first, so "OpenAI board" is not also "OpenAI"). */
function namedIn(text: string): string[] {
  let rest = text;
  const keys: string[] = [];
  for (const e of entityNames()) {
    if (!rest.includes(`${e.name_en} ·`) && !rest.includes(`**${e.name_en}**`)) continue;
    keys.push(e.key);
    rest = rest.split(e.name_en).join("");
  }
  return keys.sort();
}

/** What an answer made of a name: "one <key>", "many <keys>", "none", or "blank: <the refusal>". */
function entityAnswer(out: InteractionOutcome, sentence: RegExp): string {
  const text = plain(out);
  const blank = /There is nothing to look up in “[^”]*”[^\n]*/.exec(text);
  if (blank) return `blank: ${blank[0]}`;
  if (/Nobody called/.test(text)) return "none";
  // Choice buttons open a profile or a timeline (who:…, tl:…); "Full timeline" is one of these only on a profile.
  const buttons = buttonsOf(out.reply).filter((b) => /^(who|tl):/.test(b.customId) && b.label !== "Full timeline");
  if (buttons.length) return `many ${namedIn(buttons.map((b) => b.label).join("\n")).join(",")}`;
  if (/could mean several/.test(text)) return `many ${namedIn(text.split("Did you mean")[1] ?? "").join(",")}`;
  const added = /Saved as `([^`]+)`/.exec(text);
  if (added) {
    const event = getEventByKey(t.db, storyId, added[1]!)!;
    return `one ${event.entities.map((e) => e.key).join(",")}`;
  }
  const title = sentence.exec(text)?.[1] ?? "";
  const found = entityNames().find((e) => title.startsWith(e.name_en));
  return found ? `one ${found.key}` : `unrecognised: ${text.slice(0, 200)}`;
}

/** A form for a new event submitted with its people field as given (sent as is: the client's length limits do not apply). */
async function addWithPeople(people: string): Promise<InteractionOutcome> {
  const fields = { title: "A test event", when: "2023-11-30", summary: "", people, source: "Test wire" };
  const out = await forgedSubmit(t, `ed:add:${storyId}`, fields, EDITOR);
  expectWithinLimits(out.reply);
  return out;
}

const ENTITY_OPTIONS: { label: string; run: (value: string) => Promise<string>; complete?: (value: string) => FakeAutocompleteInput }[] = [
  {
    label: "/who name:",
    run: async (value) => entityAnswer(await command({ name: "who", focused: "name", value }), /^([^\n]+?) · /m),
    complete: (value) => ({ name: "who", focused: "name", value }),
  },
  {
    label: "/timeline who:",
    run: async (value) => entityAnswer(await command({ name: "timeline", focused: "who", value }), /^Timeline · ([^\n]+)/m),
    complete: (value) => ({ name: "timeline", focused: "who", value }),
  },
  { label: "the editor's people field", run: async (value) => entityAnswer(await addWithPeople(value), /$^/) },
];

const entityId = (key: string) => String(getEntityByKey(t.db, storyId, key)!.id);

const ENTITY_INPUTS: { what: string; value: () => string; expect: string | RegExp; form?: "not a name list" }[] = [
  { what: "an exact key", value: () => "ilya-sutskever", expect: "one ilya-sutskever" },
  { what: "a key in capitals", value: () => "ILYA-SUTSKEVER", expect: "one ilya-sutskever" },
  { what: "a numeric id", value: () => entityId("greg-brockman"), expect: "one greg-brockman" },
  { what: "the first letters of an English name", value: () => "nadel", expect: "one satya-nadella" },
  { what: "the first characters of a Chinese name", value: () => "纳德", expect: "one satya-nadella" },
  { what: "a typo", value: () => "sutskevar", expect: "one ilya-sutskever" },
  { what: "an ambiguous name", value: () => "amodei", expect: "many daniela-amodei,dario-amodei" },
  { what: "a name nobody has", value: () => "zaphod", expect: "none" },
  { what: "no letter or digit", value: () => "🦄", expect: /^blank: There is nothing to look up in “🦄”/ },
  // The people field is a list of names: a blank one is no name at all (see below).
  { what: "nothing but spaces", value: () => "   ", expect: /^blank: There is nothing to look up in “…”/, form: "not a name list" },
  { what: "6,000 characters", value: () => LONG, expect: "none" },
];

describe("every person-or-organisation option reads a typed value the same way", () => {
  it.each(ENTITY_INPUTS)("given $what", async ({ value, expect: expected, form }) => {
    const typed = value();
    const answers: string[] = [];
    const offered: string[][] = [];
    for (const option of ENTITY_OPTIONS) {
      if (!option.complete && form) continue;
      answers.push(await option.run(typed));
      if (option.complete) offered.push((await choices(option.complete(typed))).map((c) => c.value));
    }
    if (typeof expected === "string") expect(answers[0]).toBe(expected);
    else expect(answers[0]).toMatch(expected);
    for (const answer of answers.slice(1)) expect(answer).toBe(answers[0]);
    expect(offered[1]).toEqual(offered[0]);
  });

  it("counts truly when more people match than can be offered, and still offers the first", async () => {
    setGuildStory(t.db, { guildId: t.fake.defaultGuild().id, storySlug: "crowd-story", setBy: null });
    try {
      for (const out of [
        await command({ name: "who", focused: "name", value: "crowd" }),
        await command({ name: "timeline", focused: "who", value: "crowd" }),
      ]) {
        expect(out.reply!.content).toContain("More than 25 names match.");
        expect(buttonsOf(out.reply)).toHaveLength(5);
      }
      const two = await command({ name: "who", focused: "name", value: "crowd member 1" });
      expect(textOf(two.reply)).toContain("Crowd Member 1");
    } finally {
      setGuildStory(t.db, { guildId: t.fake.defaultGuild().id, storySlug: BUNDLED_STORY, setBy: null });
    }
  });

  it("takes a blank people field as nobody named", async () => {
    expect(entityAnswer(await addWithPeople("   "), /$^/)).toBe("one ");
  });
});

// ---------- stories ----------

const STORY_OPTIONS: { label: string; input: (value: string) => FakeAutocompleteInput }[] = [
  { label: "/story use slug:", input: (value) => ({ name: "story", subcommand: "use", focused: "slug", value, admin: true, user: EDITOR }) },
  {
    label: "/feed add story:",
    input: (value) => ({
      name: "feed",
      subcommand: "add",
      options: { url: "http://127.0.0.1:9/feed.xml" },
      focused: "story",
      value,
      admin: true,
      user: EDITOR,
    }),
  },
];

/** Which story an answer says it now follows or matches against (by its title), or the refusal. */
function storyAnswer(out: InteractionOutcome): string {
  const text = plain(out);
  for (const slug of [BUNDLED_STORY, "crowd-story"]) {
    const title = getStoryBySlug(t.db, slug)!.title.en!;
    if (text.includes(`follows **${title}**`) || text.includes(`matched against **${title}**`)) return slug;
  }
  return `refused: ${out.reply?.content ?? ""}`;
}

const STORY_INPUTS: { what: string; value: string; expect: string | RegExp }[] = [
  { what: "an exact slug", value: BUNDLED_STORY, expect: BUNDLED_STORY },
  { what: "a slug in capitals", value: BUNDLED_STORY.toUpperCase(), expect: BUNDLED_STORY },
  { what: "a slug with spaces around", value: ` ${BUNDLED_STORY}  `, expect: BUNDLED_STORY },
  { what: "another story's slug", value: "Crowd-Story", expect: "crowd-story" },
  {
    what: "a typo",
    value: "openai-board-crisis-2024",
    expect: /^refused: There is no story called “openai-board-crisis-2024”\. See `\/story list`\.\nStories you can follow: /,
  },
  { what: "nothing but spaces", value: "   ", expect: /^refused: There is nothing to look up in that\. Type a story's slug/ },
  { what: "6,000 characters", value: LONG, expect: /^refused: There is no story called “regret ilya/ },
];

describe("every story option reads a typed value the same way", () => {
  it.each(STORY_INPUTS)("given $what", async ({ value, expect: expected }) => {
    const answers: string[] = [];
    const offered: string[][] = [];
    for (const option of STORY_OPTIONS) {
      answers.push(storyAnswer(await command(option.input(value))));
      setGuildStory(t.db, { guildId: t.fake.defaultGuild().id, storySlug: BUNDLED_STORY, setBy: null });
      offered.push((await choices(option.input(value))).map((c) => c.value));
    }
    if (typeof expected === "string") expect(answers[0]).toBe(expected);
    else expect(answers[0]).toMatch(expected);
    expect(answers[1]).toBe(answers[0]);
    expect(offered[1]).toEqual(offered[0]);
  });
});

// ---------- time zones ----------

const ZONE_INPUTS: { value: string; expect: string | RegExp; offers?: string }[] = [
  { value: "GMT", expect: "UTC", offers: "UTC" },
  { value: "UTC+8", expect: "UTC+08:00", offers: "UTC+08:00" },
  { value: "gmt+12", expect: "UTC+12:00", offers: "UTC+12:00" },
  { value: "UTC-03:30", expect: "UTC-03:30", offers: "UTC-03:30" },
  { value: "上海", expect: "Asia/Shanghai", offers: "Asia/Shanghai" },
  { value: "ASIA/SHANGHAI", expect: "Asia/Shanghai", offers: "Asia/Shanghai" },
  { value: "Asia/Shanghia", expect: /^refused: “Asia\/Shanghia” is not a time zone I know/ },
  { value: "   ", expect: /^refused: “…” is not a time zone I know/ },
  { value: LONG, expect: /^refused: “regret ilya regret ilya[^”]{0,60}” is not a time zone I know/ },
];

describe("the time-zone option", () => {
  it.each(ZONE_INPUTS)("given $value, then schedules in the zone it names or refuses clearly", async ({ value, expect: expected, offers }) => {
    const guildId = t.fake.defaultGuild().id;
    removeRecapSchedules(t.db, guildId);
    const input: FakeAutocompleteInput = {
      name: "recap",
      subcommand: "schedule",
      options: { channel: t.fake.defaultChannel().id, time: "08:30" },
      focused: "timezone",
      value,
      admin: true,
    };
    const out = await command(input);
    const saved = recapSchedulesOf(t.db, guildId)[0];
    const answer = saved ? saved.timezone : `refused: ${out.reply?.content ?? ""}`;
    if (typeof expected === "string") expect(answer).toBe(expected);
    else expect(answer).toMatch(expected);
    const offered = (await choices(input)).map((c) => c.value);
    if (offers) expect(offered[0]).toBe(offers);
  });
});

// ---------- control characters ----------

describe("text options", () => {
  it("lose their control characters before anything reads them", async () => {
    const input: FakeCommandInput = { name: "search", options: { query: "ilya\u0000\u001b" } };
    const out = await settle(t.fake.command(input));
    expect(textOf(out.reply)).toContain("ilya");
    expect(JSON.stringify(out.reply)).not.toMatch(/\\u0000|\\u001b/);
    const who = await settle(t.fake.command({ name: "who", options: { name: "ilya\u0000" } }));
    expect((who.reply!.embeds[0] as { title: string }).title).toContain("Ilya Sutskever");
    expect(t.logs.join("")).not.toMatch(/ilya\\u0000/);
  });
});
