/**
 * What one story file may hold, in one place: the importer, the start-up sync and any other
 * way a story file comes in (an upload may pass a smaller `maxBytes`) check against these.
 * The README's "Story files" section lists them; keep the two in step.
 */
export const STORY_LIMITS = {
  /** Bytes in a file, checked before it is read. */
  fileBytes: 5 * 1024 * 1024,
  /**
   * Values in a file (every key, text, number and collection; an alias counts as all it
   * stands for), checked before the YAML is built: parsing is what costs memory.
   */
  values: 300_000,
  /** Nesting depth of the data (a story file needs 6). */
  depth: 20,
  events: 20_000,
  entities: 5_000,
  aliasesPerEntity: 50,
  entitiesPerEvent: 500,
  quotesPerEvent: 50,
  sourcesPerEvent: 50,
  /** Characters (code points) in a slug or an entity or event id; a Discord option holds 100. */
  id: 100,
  title: 256,
  summary: 4_000,
  quote: 1_000,
  name: 100,
  alias: 100,
  role: 200,
  sourceName: 200,
  url: 2_000,
  /** An event's status note; an editor's note from Discord (200) always fits. */
  statusNote: 300,
} as const;

/** How many problems of one file are listed; the count says how many there were. */
export const SHOWN_PROBLEMS = 50;

/** `5 MB`, `6.3 MB`, `812 KB`, `17 bytes`: a size for a message. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${Number((bytes / 1024 ** 3).toFixed(1))} GB`;
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** `4,000`: a count for a message. */
export const formatCount = (n: number): string => n.toLocaleString("en-US");

/** The problem of a file past {@link STORY_LIMITS.values}. */
export const TOO_MANY_VALUES = `the file has more than ${formatCount(STORY_LIMITS.values)} values (each use of an alias counts as all it stands for); split the story or shorten it`;
