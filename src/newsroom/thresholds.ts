/**
 * Every number the grouping decides by, in one place, with why it has its value. Tuned on
 * the labelled fixture's tuning part (test/fixtures/newsroom/items.yaml) and checked on its
 * held-out part (heldout.yaml), both measured by `npm run bench -- --only=newsroom`.
 */

// ---------- how the similarity is made (similarity.ts) ----------

/**
 * Weight of the term cosine (TF-IDF, within a language). Wording is what tells "the board fired
 * Altman" from "Altman visited the office": the same people appear in both.
 */
export const W_TERMS = 0.5;
/** Weight of the shared story entities (IDF-weighted, any language). Needed, never enough alone. */
export const W_ENTITIES = 0.25;
/** Weight of the shared anchors: numbers, dates and new names, which no other development shares by chance. */
export const W_ANCHORS = 0.25;
/**
 * A Chinese report of a development only told in English so far (or the reverse) can share
 * words only through the glossary's concepts, a much smaller vector than a whole text: its
 * concept cosine counts this much of a same-language cosine.
 */
export const CROSS_LANGUAGE = 0.8;
/**
 * Share of the term score that is coverage (how much of the item's weighted terms the target
 * has) rather than cosine: an event's summary is long and says more than any one report, which
 * a plain cosine holds against it.
 */
export const COVER_SHARE = 0.5;
/** The sum of anchor IDFs at which anchors count 63% (1 − 1/e): about one rare number or name. */
export const ANCHOR_SCALE = 3.5;
/** An entity named in this share of a group's reports counts fully for the group. */
export const ENTITY_FULL_SHARE = 0.5;

/** Reports within this many days of the event (or of a report in the group) are "close in time". */
export const SAME_WINDOW_DAYS = 1.5;
/** Beyond the window, closeness halves about every TIME_DECAY_DAYS × ln 2 days... */
export const TIME_DECAY_DAYS = 3;
/** ...down to this floor: a late analysis piece can still be a report of the event. */
export const TIME_FLOOR = 0.3;
/** The similarity is scaled by TIME_BASE + (1 − TIME_BASE) × closeness: time alone never zeroes it. */
export const TIME_BASE = 0.5;
/** Closeness when the item has no date: a little below "same day", so undated items need more words. */
export const TIME_UNKNOWN = 0.8;

// ---------- what is decided (engine.ts) ----------

/** From this similarity to an event, a report is attached to it without review. */
export const ATTACH = 0.4;
/** From this similarity, a report that does not attach waits as "probably another report of <event>". */
export const PROBABLE = 0.3;
/** From this similarity to a pending development, a report joins it (else it starts a new one). */
export const JOIN = 0.3;
/**
 * An event must beat the runner-up by this much to attach without review: the same interview
 * can be three events of the story, and a report of it that fits two of them is for an editor.
 */
export const ATTACH_MARGIN = 0.02;

// ---------- cost (inverted-index.ts, features.ts) ----------

/** Terms of an item compared at most (its heaviest): a headline and lede have fewer, a pasted page many more. */
export const MAX_ITEM_TERMS = 48;
/** Candidates scored in full per item, best first by the inverted index's rough score. */
export const CANDIDATES = 40;
/** A key shared by more targets than this (or this share of all) is too common to find candidates by. */
export const MAX_POSTING = 64;
export const MAX_POSTING_SHARE = 0.03;
/** Candidates sharing less than this share of the best candidate's key weight are not compared. */
export const MIN_SHARE_OF_BEST = 0.25;
/** Dates further ahead than this are not believed: the time of classifying stands in. */
export const FUTURE_SLACK_MS = 24 * 3600_000;
