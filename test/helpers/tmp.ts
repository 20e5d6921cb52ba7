import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A fresh temporary folder, removed by the returned cleanup. */
export function tempDir(prefix = "storyline-"): { dir: string; file: (name: string, text: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    file: (name, text) => {
      const p = join(dir, name);
      writeFileSync(p, text);
      return p;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A small valid story file, with `extra` appended to its events list. */
export function miniStory(slug = "mini-story", extraEvents = ""): string {
  return `story:
  slug: ${slug}
  title: { en: "A small story", zh: "一个小故事" }
  language: en
entities:
  - id: ada
    kind: person
    name: { en: "Ada Lovelace", zh: "阿达·洛夫莱斯" }
    aliases: [ada, lovelace]
  - id: acme
    kind: organization
    name: "Acme Corporation"
events:
  - id: first
    at: "2024-01-02"
    title: { en: "Ada joins Acme", zh: "阿达加入微软" }
    summary: { en: "The engine impounded by customs was released.", zh: "海关扣押的机器被放行。" }
    entities: [ada, acme]
    importance: 4
    quotes:
      - by: ada
        text: { en: "The engine weaves patterns", zh: "机器编织图案" }
    sources:
      - { name: "Gazette", url: "https://example.org/a" }
  - id: second
    at: "2024-01-03T10:00:00+01:00"
    title: "Acme ships the engine"
    entities: [acme]
    sources:
      - { name: "Courier" }
${extraEvents}`;
}
