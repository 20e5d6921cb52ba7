import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eventStanding, saveEventStatus } from "../db/event-sources.ts";
import { openDatabase, type Db } from "../db/index.ts";
import { eventIdByKey } from "../db/newsroom.ts";
import { getStoryBySlug } from "../db/stories.ts";
import { importFiles } from "../src/story/import.ts";
import { parseStoryText } from "../src/story/parse.ts";
import { miniStory, tempDir } from "./helpers/tmp.ts";

const ACTOR = { userId: "1310000000000000001", userName: "editor" };

/** Every row of every table the import writes, to prove that nothing changed. */
function snapshot(db: Db): string {
  const tables = ["stories", "entities", "entity_names", "events", "event_entities", "quotes", "sources"];
  return JSON.stringify(tables.map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()));
}

/** The mini story with `lines` added to its first event (after its importance). */
const withStatus = (lines: string) => miniStory().replace("    importance: 4\n", `    importance: 4\n${lines}`);

function problemsOf(text: string): string[] {
  const r = parseStoryText(text, "story.yaml");
  return r.ok ? [] : r.problems;
}

describe("an event's status in a story file", () => {
  let db: Db;
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    db = openDatabase(":memory:");
    tmp = tempDir();
  });
  afterEach(() => {
    db.close();
    tmp.cleanup();
  });

  const standing = (key: string) => {
    const story = getStoryBySlug(db, "mini-story")!;
    return eventStanding(db, eventIdByKey(db, story.id, key)!.id);
  };

  it("imports a file's status and note, and an event without one keeps the status its sources give", () => {
    const path = tmp.file("mini.yaml", withStatus('    status: disputed\n    status_note: "Acme denies it."\n'));
    expect(importFiles(db, [path], 1_000).ok).toBe(true);
    expect(standing("first")).toMatchObject({ status: "disputed", note: "Acme denies it." });
    expect(standing("second")).toMatchObject({ status: "reported", note: null });
  });

  it("refuses a status that is not one, a note too long and a note without a status, each named by its path", () => {
    expect(problemsOf(withStatus("    status: maybe\n"))).toEqual(['events[0].status: "maybe" is not a status (confirmed, disputed or corrected)']);
    expect(problemsOf(withStatus(`    status: corrected\n    status_note: "${"x".repeat(301)}"\n`))).toEqual([
      "events[0].status_note: is 301 characters long; the limit is 300",
    ]);
    expect(problemsOf(withStatus('    status_note: "Why?"\n'))).toEqual(["events[0].status_note: needs a status (confirmed, disputed or corrected)"]);
    expect(problemsOf(withStatus("    status: confirmed\n"))).toEqual([]);
  });

  it("given an unchanged file with statuses, then a re-import changes no row at all", () => {
    const path = tmp.file("mini.yaml", withStatus("    status: confirmed\n    status_note: Seen in the filing.\n"));
    importFiles(db, [path], 1_000);
    const before = snapshot(db);
    const r = importFiles(db, [path], 2_000);
    expect(r.ok && r.results[0]).toMatchObject({ created: 0, updated: 0, removed: 0, storyChanged: false });
    expect(snapshot(db)).toBe(before);
  });

  it("keeps an editor's status on a file event until the file's status for that event changes", () => {
    const path = tmp.file("mini.yaml", withStatus("    status: confirmed\n"));
    importFiles(db, [path], 1_000);
    const story = getStoryBySlug(db, "mini-story")!;
    const first = eventIdByKey(db, story.id, "first")!;
    const set = (key: string, id: number) =>
      saveEventStatus(db, {
        event: { id, key, title: key },
        story: { id: story.id, slug: story.slug },
        verification: "corrected",
        note: "The date was wrong.",
        actor: ACTOR,
        now: 1_500,
      });
    expect(set("first", first.id)).toBe("saved");
    expect(set("second", eventIdByKey(db, story.id, "second")!.id)).toBe("saved");

    const unchanged = snapshot(db);
    importFiles(db, [path], 2_000);
    expect(snapshot(db)).toBe(unchanged);
    // Another field of the event changes: the editor's status stays.
    tmp.file("mini.yaml", withStatus("    status: confirmed\n").replace("Ada joins Acme", "Ada joins Acme Inc."));
    expect(importFiles(db, [path], 3_000).ok).toBe(true);
    expect(standing("first")).toMatchObject({ status: "corrected", note: "The date was wrong." });
    expect(standing("second")).toMatchObject({ status: "corrected" });
    // The file's status changes: the file's wins.
    tmp.file("mini.yaml", withStatus('    status: disputed\n    status_note: "Acme denies it."\n'));
    const r = importFiles(db, [path], 4_000);
    expect(r.ok && r.results[0]).toMatchObject({ updated: 1 });
    expect(standing("first")).toMatchObject({ status: "disputed", note: "Acme denies it." });
    expect(standing("second")).toMatchObject({ status: "corrected" });
    // The file drops it: back to what its sources say.
    tmp.file("mini.yaml", miniStory());
    importFiles(db, [path], 5_000);
    expect(standing("first")).toMatchObject({ status: "reported", note: null });
  });
});
