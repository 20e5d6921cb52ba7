/**
 * The newsroom engine's labelled fixture (test/fixtures/newsroom/*.yaml) and the bundled story
 * it is about, in the shapes the engine takes. Shared by the benchmark and the tests.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import type { StoryEntity, StoryEventInput } from "../../src/newsroom/index.ts";
import { readStoryFile } from "../../src/story/read.ts";

export interface FixtureItem {
  id: string;
  /** The development it reports. */
  dev: string;
  /** The story's event, when the development is one it already has. */
  event?: string;
  outlet: string;
  at: number;
  title: string;
  summary: string;
}

export interface FixtureStory {
  entities: StoryEntity[];
  events: StoryEventInput[];
  /** Entity key → the id the engine knows it by. */
  ids: Map<string, number>;
}

const STORY_FILE = join("stories", "openai-board-crisis-2023.yaml");
const FIXTURE_DIR = join("test", "fixtures", "newsroom");

/** The items of one fixture file, in time order. */
export function loadFixture(root: string, file: "items.yaml" | "heldout.yaml"): FixtureItem[] {
  const doc = parse(readFileSync(join(root, FIXTURE_DIR, file), "utf8")) as { items: Record<string, unknown>[] };
  return doc.items
    .map((r) => ({
      id: String(r.id),
      dev: String(r.dev),
      ...(r.event ? { event: String(r.event) } : {}),
      outlet: String(r.outlet),
      at: Date.parse(String(r.at)),
      title: String(r.title),
      summary: String(r.summary ?? ""),
    }))
    .sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
}

/** The bundled story: entities numbered from 1 in file order, events with their entity ids. */
export function loadStory(root: string): FixtureStory {
  const parsed = readStoryFile(join(root, STORY_FILE));
  if (!parsed.ok) throw new Error(`bundled story refused: ${parsed.problems.join("; ")}`);
  const ids = new Map(parsed.story.entities.map((e, i) => [e.key, i + 1]));
  const entities = parsed.story.entities.map((e) => ({ id: ids.get(e.key)!, name: e.name, aliases: e.aliases }));
  const events = parsed.story.events.map((ev) => ({
    key: ev.key,
    at: ev.at,
    title: ev.title,
    summary: ev.summary,
    entityIds: ev.entityKeys.map((k) => ids.get(k)!),
  }));
  return { entities, events, ids };
}
