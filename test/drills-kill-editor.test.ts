import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FakeDiscord, type InteractionOutcome } from "../tools/fake-discord/index.ts";
import { dbHealth, HEALTHY, kill9, query, registerCommands, seeded, sleep, startBotProcess } from "./helpers/drills.ts";
import { EDITOR, typedInputs } from "./helpers/editor.ts";
import type { Spawned } from "./helpers/spawn.ts";
import { miniStory, tempDir } from "./helpers/tmp.ts";

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const SLUG = "mini-story";
/** 8 keeps the suite quick; DRILL_KILLS=20 for a longer drill. */
const KILLS = Number(process.env.DRILL_KILLS ?? 8);
/** A stale answer must not hold a stream for long: the bot it asked is dead. */
const ANSWER_MS = 3500;

/** What the editors were told, and what they tried, per event key. */
interface Ledger {
  /** Keys whose "Added" reply arrived. */
  added: Set<string>;
  /** Every title sent for a key, in order, and how many of them were confirmed. */
  titles: Map<string, { sent: string[]; confirmed: number }>;
}

async function settle(p: Promise<{ settled(o: { timeoutMs: number }): Promise<InteractionOutcome> }>): Promise<InteractionOutcome> {
  return (await p).settled({ timeoutMs: ANSWER_MS });
}

/** Adds an event through /editor add and its form; records it when the bot confirms. */
async function addOne(fake: FakeDiscord, ledger: Ledger, n: number): Promise<void> {
  const form = await settle(fake.command({ name: "editor", subcommand: "add", user: EDITOR }));
  const title = `Drill event ${n}`;
  const fields = {
    title,
    when: `2024-02-${String(1 + (n % 28)).padStart(2, "0")}`,
    summary: `Added by the drill, number ${n}.`,
    people: "ada",
    source: `Wire | https://example.org/drill/${n}`,
  };
  const done = await settle(fake.submitModal({ customId: form.modal!.custom_id, fields: typedInputs(form, fields), user: EDITOR }));
  const key = /`(ed_\d+)`/.exec(done.reply?.content ?? "")?.[1];
  if (!key) throw new Error(`no key in ${done.reply?.content}`);
  ledger.added.add(key);
  ledger.titles.set(key, { sent: [title], confirmed: 1 });
}

/** Corrects the title of a known event through /editor edit. */
async function editOne(fake: FakeDiscord, ledger: Ledger, key: string, n: number): Promise<void> {
  const form = await settle(fake.command({ name: "editor", subcommand: "edit", options: { id: key }, user: EDITOR }));
  const entry = ledger.titles.get(key)!;
  const title = `Drill event corrected ${n}`;
  entry.sent.push(title);
  const done = await settle(fake.submitModal({ customId: form.modal!.custom_id, fields: typedInputs(form, { title }), user: EDITOR }));
  if (/Saved/.test(done.reply?.content ?? "")) entry.confirmed = entry.sent.length;
}

/** After a crash: the database is intact, every confirmed change is there, each change is whole. */
function checkAfterCrash(dbPath: string, ledger: Ledger, round: number): void {
  expect(dbHealth(dbPath), `round ${round}`).toEqual(HEALTHY);
  const rows = new Map(
    query<{ key: string; title_en: string }>(dbPath, "SELECT key, title_en FROM events WHERE origin = 'editor'").map((r) => [r.key, r.title_en]),
  );
  for (const key of ledger.added) expect(rows.has(key), `round ${round}: confirmed ${key} is gone`).toBe(true);
  for (const [key, title] of rows) {
    const entry = ledger.titles.get(key);
    if (!entry) continue; // added, but the answer never came back: allowed
    // The last confirmed title, or one sent after it whose answer was lost.
    expect(entry.sent.slice(Math.max(0, entry.confirmed - 1)), `round ${round}: ${key}`).toContain(title);
  }
  const seq = query<{ last_n: number }>(dbPath, "SELECT last_n FROM editor_sequences WHERE story_slug = ?", SLUG)[0]?.last_n ?? 0;
  const highest = Math.max(0, ...[...rows.keys()].map((k) => Number(k.slice(3))));
  expect(seq, `round ${round}: editor_sequences behind the keys`).toBeGreaterThanOrEqual(highest);
}

describe("drill: kill -9 of the bot while editors add and correct events", () => {
  it(`given ${KILLS} kills at random moments, then after each restart the database is intact and every confirmed change is there`, async () => {
    const random = seeded(Number(process.env.DRILL_SEED ?? 2023));
    const fake = await FakeDiscord.start();
    cleanups.push(() => fake.stop());
    await registerCommands(fake);
    const tmp = tempDir("storyline-kill-editor-");
    cleanups.push(tmp.cleanup);
    mkdirSync(join(tmp.dir, "stories"));
    tmp.file(`stories/${SLUG}.yaml`, miniStory(SLUG));
    const dbPath = join(tmp.dir, "bot.db");
    const env = { DATABASE_PATH: dbPath, STORIES_DIR: join(tmp.dir, "stories"), DEFAULT_STORY: SLUG, EDITOR_USER_IDS: EDITOR.id };
    const ledger: Ledger = { added: new Set(), titles: new Map() };
    let n = 0;
    let sent = 0;
    /** Failures while the bot was up: those are bugs, not the kill. */
    const failures: string[] = [];

    for (let round = 0; round <= KILLS; round++) {
      const bot: Spawned = await startBotProcess(fake, env, tmp.dir);
      cleanups.push(() => kill9(bot));
      let alive = true;
      const stream = async () => {
        while (alive) {
          const keys = [...ledger.titles.keys()];
          const i = ++n;
          sent++;
          const op = keys.length < 3 || random() < 0.5 ? addOne(fake, ledger, i) : editOne(fake, ledger, keys[Math.floor(random() * keys.length)]!, i);
          // A failure here is an answer lost to the kill; the checks after the restart judge it.
          await op.catch((err: unknown) => {
            if (alive) failures.push(`round ${round}, op ${i}: ${(err as Error).message}`);
          });
        }
      };
      const streams = Promise.all([stream(), stream()]);
      if (round === KILLS) {
        await sleep(800);
        alive = false;
        await streams;
        bot.child.kill("SIGTERM");
        expect(await bot.exited).toBe(0);
      } else {
        await sleep(200 + random() * 1300);
        alive = false;
        await kill9(bot);
      }
      expect(failures).toEqual([]);
      checkAfterCrash(dbPath, ledger, round);
    }
    expect(ledger.added.size).toBeGreaterThan(KILLS);
    expect(sent).toBeGreaterThan(KILLS * 4);
  }, 150_000);
});
