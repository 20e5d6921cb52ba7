import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findEntities, getEntityByKey, getEntityProfile } from "../db/entities.ts";
import { updateEvent } from "../db/event-writes.ts";
import { getEventByKey } from "../db/events.ts";
import { type Db, openDatabase, schemaVersion } from "../db/index.ts";
import { getStoryBySlug } from "../db/stories.ts";
import { importFiles } from "../src/story/import.ts";

const MIGRATIONS = join(import.meta.dirname, "../db/migrations");
const QUERIES = ["ilya", "sam", "altman", "伊利亚", "board", "microsoft", "s", "helen toner", "murati", "sutskevr"];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "link-times-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every /who answer of the bundled story: lookups, and each entity's profile. */
function answers(db: Db): unknown {
  const sid = getStoryBySlug(db, "openai-board-crisis-2023")!.id;
  const ids = db.prepare<[number], { id: number }>("SELECT id FROM entities WHERE story_id = ? ORDER BY id").all(sid);
  return {
    lookups: QUERIES.map((t) => findEntities(db, sid, t).map((m) => [m.entity.key, m.rank, m.matched, m.mentions])),
    profiles: ids.map(({ id }) => getEntityProfile(db, sid, id, 10)),
  };
}

/** The schema a database gets from the migrations before 010 alone. */
function schemaBefore010(): string[] {
  const db = new Database(":memory:");
  for (const f of readdirSync(MIGRATIONS).sort()) if (Number(f.slice(0, 3)) < 10) db.exec(readFileSync(join(MIGRATIONS, f), "utf8"));
  const out = master(db);
  db.close();
  return out;
}

function master(db: Database.Database): string[] {
  return db
    .prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name")
    .all()
    .map((r) => r.sql);
}

describe("migration 010 (event times on links and quotes) on an existing database", () => {
  it("keeps every /who answer of a database made at schema 9", () => {
    const path = join(dir, "old.sqlite");
    const db = openDatabase(path);
    const r = importFiles(db, ["stories/openai-board-crisis-2023.yaml"]);
    if (!r.ok) throw new Error(JSON.stringify(r.refusals));
    const before = answers(db);
    db.close();

    // Take the file back to schema 9, as a database from before this migration is: undo 014
    // (follows, alerts, publications, the outbox), 013
    // (users' own stories), 012 (/catchup marks, recap deliveries) and 011 (a story file's
    // status), then 010.
    const raw = new Database(path);
    raw.exec(`
      DROP TRIGGER events_published_insert; DROP TRIGGER events_published_update;
      DROP TABLE follow_queue; DROP TABLE follows; DROP TABLE follow_users; DROP TABLE alert_channels;
      DROP TABLE publications; DROP TABLE courier_cursors; DROP TABLE outbox;
      DROP TABLE user_stories;
      DROP TABLE catchup_marks; DROP TABLE recap_deliveries; DROP INDEX audit_by_story_time;
      ALTER TABLE events DROP COLUMN verification_hash;
      DROP TRIGGER events_at_follow; DROP TRIGGER event_entities_at_fill; DROP TRIGGER quotes_at_fill;
      DROP INDEX event_entities_by_entity_time; DROP INDEX quotes_by_entity_time;
      ALTER TABLE event_entities DROP COLUMN at; ALTER TABLE quotes DROP COLUMN at;
      CREATE INDEX event_entities_by_entity ON event_entities(entity_id, event_id);
      CREATE INDEX quotes_by_entity ON quotes(entity_id);
      PRAGMA user_version = 9;
    `);
    // sqlite_sequence (made by 014's AUTOINCREMENT) cannot be dropped; it holds no schema.
    expect(
      master(raw)
        .filter((sql) => !sql.includes("sqlite_sequence"))
        .sort(),
    ).toEqual(schemaBefore010().sort());
    raw.close();

    const migrated = openDatabase(path);
    // Migrated to the latest schema: 010 and every migration after it.
    expect(schemaVersion(migrated)).toBe(readdirSync(MIGRATIONS).filter((f) => f.endsWith(".sql")).length);
    const nulls = migrated.prepare("SELECT (SELECT count(*) FROM event_entities WHERE at IS NULL) + (SELECT count(*) FROM quotes WHERE at IS NULL) AS n").get();
    expect(nulls).toEqual({ n: 0 });
    expect(answers(migrated)).toEqual(before);
    migrated.close();
  });
});

describe("a profile's order", () => {
  it("is the events' time order, also after an editor moves an event in time", () => {
    const db = openDatabase(":memory:");
    const r = importFiles(db, ["stories/openai-board-crisis-2023.yaml"]);
    if (!r.ok) throw new Error(JSON.stringify(r.refusals));
    const sid = getStoryBySlug(db, "openai-board-crisis-2023")!.id;
    const ilya = getEntityByKey(db, sid, "ilya-sutskever")!;
    const first = getEntityProfile(db, sid, ilya.id, 10)!;
    // Move Ilya's first event and first quoted event to the very end of the story.
    const moved = new Set([first.events[0]!.key, first.quotes[0]!.event.key]);
    for (const key of moved) {
      const ev = getEventByKey(db, sid, key)!;
      const update = { at: Date.UTC(2031, 0, 1, 12), precision: ev.precision, title: ev.title, summary: ev.summary, importance: ev.importance };
      expect(
        updateEvent(db, { storyId: sid, eventId: ev.id, expectedUpdatedAt: ev.updatedAt, update, actor: { userId: "1", userName: "e" }, changes: {}, now: 1 }),
      ).toBe("saved");
    }
    const after = getEntityProfile(db, sid, ilya.id, 10)!;
    // The reference: the same lists ordered by the event rows themselves.
    const events = db
      .prepare<[number, number], { key: string }>(
        "SELECT ev.key FROM events ev JOIN event_entities ee ON ee.event_id = ev.id WHERE ee.entity_id = ? AND ev.story_id = ? AND ev.status = 'published' ORDER BY ev.at, ev.id LIMIT 10",
      )
      .all(ilya.id, sid)
      .map((e) => e.key);
    const quotes = db
      .prepare<[number, number], { key: string; text: string | null }>(
        "SELECT ev.key, qt.text_en AS text FROM quotes qt JOIN events ev ON ev.id = qt.event_id WHERE qt.entity_id = ? AND ev.story_id = ? AND ev.status = 'published' ORDER BY ev.at, ev.id, qt.position LIMIT 25",
      )
      .all(ilya.id, sid);
    expect(after.events.map((e) => e.key)).toEqual(events);
    expect(after.quotes.map((q) => ({ key: q.event.key, text: q.text.en }))).toEqual(quotes);
    expect(after.events.map((e) => e.key)).not.toEqual(first.events.map((e) => e.key));
    expect(moved.has(after.quotes.at(-1)!.event.key)).toBe(true);
    db.close();
  });
});
