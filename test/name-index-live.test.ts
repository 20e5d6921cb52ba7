import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findEntities, getEntityByKey, nameIndexRebuilds, topEntities } from "../db/entities.ts";
import { addEditorEvent, removeEvent, updateEvent } from "../db/event-writes.ts";
import { getEventByKey } from "../db/events.ts";
import { type IndexedEntity, NameIndex } from "../db/fuzzy.ts";
import { importStory } from "../db/import.ts";
import { type Db, openDatabase } from "../db/index.ts";
import { getStoryBySlug } from "../db/stories.ts";
import { parseStoryText } from "../src/story/parse.ts";

const STORY = `story:
  slug: live-names
  title: "Live names"
entities:
  - { id: mark, kind: person, name: "Mark Twain", aliases: [mark] }
  - { id: marko, kind: person, name: "Marko Polo" }
  - { id: zed, kind: person, name: "Zed Alpha" }
  - { id: anna, kind: person, name: { en: "Anna Berdowski", zh: "安娜·贝尔多夫斯基" } }
events:
  - { id: e1, at: "2024-01-01", title: "One", entities: [marko, mark], sources: [{ name: S }] }
  - { id: e2, at: "2024-01-02", title: "Two", entities: [marko, anna], sources: [{ name: S }] }
`;

function load(db: Db, text: string): number {
  const t = parseStoryText(text, "live.yaml");
  if (!t.ok) throw new Error(t.problems.join("\n"));
  importStory(db, t.story);
  return getStoryBySlug(db, "live-names")!.id;
}

const actor = { userId: "1", userName: "editor" };
let dir: string;
let db: Db;
let sid: number;
const keys = (typed: string) => findEntities(db, sid, typed).map((m) => m.entity.key);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "live-names-"));
  db = openDatabase(join(dir, "db.sqlite"));
  sid = load(db, STORY);
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the name index after a write", () => {
  it("finds an alias added by a re-import at once, without a rebuild", () => {
    expect(keys("mark")[0]).toBe("mark");
    const before = nameIndexRebuilds();
    load(db, STORY.replace("aliases: [mark]", "aliases: [mark, sammy clemens]"));
    expect(keys("clemens")).toEqual(["mark"]);
    expect(keys("sammy")).toEqual(["mark"]);
    expect(nameIndexRebuilds()).toBe(before);
  });

  it("forgets a removed alias and finds a renamed person by the new name only", () => {
    load(db, STORY.replace('name: "Zed Alpha"', 'name: "Zelda Omega"'));
    expect(keys("clemens")).toEqual([]);
    expect(keys("zelda")).toEqual(["zed"]);
    expect(keys("alpha")).toEqual([]);
  });

  it("is not rebuilt by an edit that changes no name, and answers the same", () => {
    const before = nameIndexRebuilds();
    const answers = ["mark", "ma", "anna", "安娜", "polo"].map(keys);
    const e1 = getEventByKey(db, sid, "e1")!;
    const update = { at: e1.at, precision: e1.precision, title: { en: "One, retitled", zh: null }, summary: e1.summary, importance: 3 };
    expect(updateEvent(db, { storyId: sid, eventId: e1.id, expectedUpdatedAt: e1.updatedAt, update, actor, changes: {}, now: 5_000 })).toBe("saved");
    expect(["mark", "ma", "anna", "安娜", "polo"].map(keys)).toEqual(answers);
    expect(nameIndexRebuilds()).toBe(before);
  });

  it("re-counts mentions in place when an editor links or unlinks someone", () => {
    const before = nameIndexRebuilds();
    const zed = getEntityByKey(db, sid, "zed")!;
    const event = {
      at: Date.UTC(2024, 0, 3, 12),
      precision: "date" as const,
      title: { en: "Three", zh: null },
      summary: { en: null, zh: null },
      importance: 3,
    };
    const added = [1, 2, 3].map(
      (n) => addEditorEvent(db, { storyId: sid, event: { ...event, entityIds: [zed.id], sources: [] }, actor, changes: {}, now: 6_000 + n })!,
    );
    expect(topEntities(db, sid, 1)).toEqual([{ entity: expect.objectContaining({ key: "zed" }), mentions: 3 }]);
    for (const a of added) {
      const ev = getEventByKey(db, sid, a.key)!;
      expect(removeEvent(db, { storyId: sid, eventId: ev.id, expectedUpdatedAt: ev.updatedAt, actor, changes: {}, now: 7_000 })).toBe("saved");
    }
    expect(topEntities(db, sid, 4).map((m) => [m.entity.key, m.mentions])).toEqual([
      ["marko", 2],
      ["anna", 1],
      ["mark", 1],
      ["zed", 0],
    ]);
    expect(nameIndexRebuilds()).toBe(before);
  });

  it("sees what another connection wrote", () => {
    const other = openDatabase(join(dir, "db.sqlite"));
    const anna = getEntityByKey(other, sid, "anna")!;
    other.prepare("INSERT INTO entity_names (entity_id, name) VALUES (?, 'annie')").run(anna.id);
    other.close();
    expect(keys("annie")).toEqual(["anna"]);
  });

  it("rebuilds once the log it would apply was trimmed", () => {
    // Enough changes elsewhere that the rows after this reader's place are trimmed.
    const before = nameIndexRebuilds();
    const bulk = db.prepare("INSERT INTO entity_log (entity_id, names) VALUES (0, 1)");
    db.transaction(() => {
      for (let i = 0; i < 70_000; i++) bulk.run();
    })();
    expect(keys("annie")).toEqual(["anna"]);
    expect(nameIndexRebuilds()).toBe(before + 1);
  });
});

describe("a NameIndex changed in place", () => {
  const words = ["mark", "marko", "twain", "polo", "ann", "anna", "berdowski", "安娜", "贝尔", "zed", "alpha", "alp", "marc"];
  function rand(seed: number): () => number {
    let s = seed;
    return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  }
  const entity = (id: number, mentions: number, sortName: string): IndexedEntity => ({
    ref: { id, key: `k${id}`, kind: "person", name: { en: sortName, zh: null } },
    mentions,
    sortName,
  });

  it("answers exactly as one built from scratch from the same entities", () => {
    const r = rand(7);
    const pick = () => words[Math.floor(r() * words.length)]!;
    const live = new NameIndex([], []);
    const state = new Map<number, { e: IndexedEntity; names: string[] }>();
    for (let step = 0; step < 400; step++) {
      const id = 1 + Math.floor(r() * 30);
      const roll = r();
      if (roll < 0.55) {
        const names = [pick(), `${pick()} ${pick()}`, ...(r() < 0.5 ? [pick()] : [])];
        const e = entity(id, Math.floor(r() * 5), names[0]!);
        live.put(e, names);
        state.set(id, { e, names });
      } else if (roll < 0.75) {
        live.remove(id);
        state.delete(id);
      } else if (state.has(id)) {
        const m = Math.floor(r() * 5);
        live.setMentions(id, m);
        const s = state.get(id)!;
        s.e = { ...s.e, mentions: m };
      }
      if (step % 20 !== 19) continue;
      const fresh = new NameIndex(
        [...state.values()].map((s) => s.e),
        [...state.values()].flatMap((s) => s.names.map((name) => ({ entityId: s.e.ref.id, name }))),
      );
      expect(live.size).toBe(state.size);
      expect(live.top(50)).toEqual(fresh.top(50));
      for (const q of ["m", "ma", "mark", "an", "a", "安", "尔", "alpa", "markk", "twian", "o p", "zed alpha"]) {
        expect(live.find(q, 5)).toEqual(fresh.find(q, 5));
        expect(live.find(q, 50)).toEqual(fresh.find(q, 50));
      }
    }
  });
});
