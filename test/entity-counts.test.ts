import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updateEvent } from "../db/event-writes.ts";
import { findEntities, nameIndexRebuilds } from "../db/entities.ts";
import { countEntityEvents, entityCountsRead, getEvent } from "../db/events.ts";
import { type Db, openDatabase } from "../db/index.ts";
import { getStoryBySlug } from "../db/stories.ts";
import { BUNDLED_STORY } from "../src/config.ts";
import { syncStories } from "../src/story/import.ts";
import { tempDir } from "./helpers/tmp.ts";

const tmp = tempDir("storyline-counts-");
let db: Db;
let other: Db;
let storyId: number;
let altman: number;
const actor = { userId: "0", userName: "test" };

/** The count straight from SQL: published events of the story linking the entity. */
const truth = (entityId: number) =>
  (
    db
      .prepare(
        "SELECT count(*) AS n FROM event_entities ee JOIN events ev ON ev.id = ee.event_id WHERE ee.entity_id = ? AND ev.story_id = ? AND ev.status = 'published'",
      )
      .get(entityId, storyId) as { n: number }
  ).n;
const entityId = (key: string) => (db.prepare("SELECT id FROM entities WHERE key = ? AND story_id = ?").get(key, storyId) as { id: number }).id;
/** An event of the story that does not link `entityId`. */
const eventWithout = (entity: number) =>
  (
    db
      .prepare(
        "SELECT id FROM events WHERE story_id = ? AND status = 'published' AND id NOT IN (SELECT event_id FROM event_entities WHERE entity_id = ?) LIMIT 1",
      )
      .get(storyId, entity) as { id: number }
  ).id;
const eventWith = (entity: number) =>
  (
    db
      .prepare("SELECT ev.id FROM events ev JOIN event_entities ee ON ee.event_id = ev.id WHERE ee.entity_id = ? AND ev.status = 'published' LIMIT 1")
      .get(entity) as { id: number }
  ).id;

beforeAll(() => {
  const path = join(tmp.dir, "bot.db");
  db = openDatabase(path);
  syncStories(db, "stories");
  other = openDatabase(path);
  storyId = getStoryBySlug(db, BUNDLED_STORY)!.id;
  altman = entityId("sam-altman");
});
afterAll(() => {
  other.close();
  db.close();
  tmp.cleanup();
});

describe("an entity's event count", () => {
  it("stays remembered across writes that do not touch the entity's links, and is not counted again", () => {
    expect(countEntityEvents(db, storyId, altman)).toBe(truth(altman));
    expect(findEntities(db, storyId, "altman", 1)[0]?.entity.id).toBe(altman);
    const reads = entityCountsRead();
    const rebuilds = nameIndexRebuilds();
    const ev = getEvent(db, storyId, eventWithout(altman))!;
    const update = {
      at: ev.at,
      precision: ev.precision,
      title: { en: `${ev.title.en} (corrected)`, zh: ev.title.zh },
      summary: ev.summary,
      importance: ev.importance,
    };
    expect(updateEvent(db, { storyId, eventId: ev.id, expectedUpdatedAt: ev.updatedAt, update, actor, changes: {}, now: Date.now() })).toBe("saved");
    other.prepare("INSERT INTO entity_names (entity_id, name) VALUES (?, 'someone else entirely')").run(entityId("microsoft"));
    // A name of the person's own changes no count either.
    other.prepare("INSERT INTO entity_names (entity_id, name) VALUES (?, 'the ousted ceo')").run(altman);
    expect(countEntityEvents(db, storyId, altman)).toBe(truth(altman));
    expect(entityCountsRead()).toBe(reads);
    // The name index takes the new name in place and keeps the mention count it had.
    expect(findEntities(db, storyId, "the ousted ceo", 1)).toMatchObject([{ entity: { id: altman }, mentions: truth(altman) }]);
    expect(nameIndexRebuilds()).toBe(rebuilds);
  });

  it("is counted again after each change that moves it, made on this connection or another", () => {
    const before = countEntityEvents(db, storyId, altman);
    const linked = eventWithout(altman);
    other.prepare("INSERT INTO event_entities (event_id, entity_id, position) VALUES (?, ?, 99)").run(linked, altman);
    expect(countEntityEvents(db, storyId, altman)).toBe(before + 1);
    other.prepare("UPDATE events SET status = 'pending' WHERE id = ?").run(linked);
    expect(countEntityEvents(db, storyId, altman)).toBe(before);
    const gone = eventWith(altman);
    db.prepare("DELETE FROM events WHERE id = ?").run(gone);
    expect(countEntityEvents(db, storyId, altman)).toBe(before - 1);
    expect(countEntityEvents(db, storyId, altman)).toBe(truth(altman));
    // A person removed (their links go with them) counts nothing, even remembered before.
    const microsoft = entityId("microsoft");
    expect(countEntityEvents(db, storyId, microsoft)).toBeGreaterThan(0);
    other.prepare("DELETE FROM entities WHERE id = ?").run(microsoft);
    expect(countEntityEvents(db, storyId, microsoft)).toBe(0);
  });

  it("inside a transaction is counted as it stands there, and what rolled back is not remembered", () => {
    const before = countEntityEvents(db, storyId, altman);
    const linked = eventWithout(altman);
    expect(() =>
      db.transaction(() => {
        db.prepare("INSERT INTO event_entities (event_id, entity_id, position) VALUES (?, ?, 99)").run(linked, altman);
        expect(countEntityEvents(db, storyId, altman)).toBe(before + 1);
        throw new Error("roll back");
      })(),
    ).toThrow("roll back");
    expect(countEntityEvents(db, storyId, altman)).toBe(before);
    expect(countEntityEvents(db, storyId, altman)).toBe(truth(altman));
  });
});
