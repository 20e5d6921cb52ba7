/**
 * What Discord accepts in interaction callbacks, reported as 400 Invalid Form Body.
 *
 * @module
 */
import { formErrorAt } from "./commands.ts";
import { isRecord } from "./http.ts";
import type { InteractionRecord } from "./interactions.ts";

/** An autocomplete choice as recorded in outcomes. */
export interface Choice {
  name: string;
  value: string | number;
  name_localizations?: unknown;
}

/** Narrows a sent choice for the interaction outcome. */
export function toChoice(c: Record<string, unknown>): Choice {
  const choice: Choice = { name: String(c.name), value: typeof c.value === "number" ? c.value : String(c.value) };
  if (c.name_localizations !== undefined) choice.name_localizations = c.name_localizations;
  return choice;
}

/** Callback types Discord accepts for this kind of interaction. */
export function allowedCallbacks(rec: InteractionRecord): number[] {
  if (rec.type === 4) return [8];
  const base = rec.sourceMessageId ? [4, 5, 6, 7] : [4, 5];
  return rec.type === 5 ? base : [...base, 9];
}

/** Checks autocomplete choices (at most 25, names 1–100 chars, string values up to 100 chars). */
export function validateChoices(choices: unknown): void {
  if (!Array.isArray(choices)) throw formErrorAt(["data", "choices"], "BASE_TYPE_REQUIRED", "This field is required");
  if (choices.length > 25) throw formErrorAt(["data", "choices"], "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
  choices.forEach((c: unknown, i) => {
    const name = isRecord(c) ? c.name : undefined;
    if (typeof name !== "string" || name.length < 1 || name.length > 100) {
      throw formErrorAt(["data", "choices", i, "name"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.");
    }
    const value = isRecord(c) ? c.value : undefined;
    if (typeof value === "string" ? value.length > 100 : typeof value !== "number") {
      throw formErrorAt(["data", "choices", i, "value"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.");
    }
  });
}

/** Checks a modal (custom_id 1–100 chars, title 1–45 chars, 1–5 top-level components). */
export function validateModal(data: Record<string, unknown>): void {
  if (typeof data.custom_id !== "string" || data.custom_id.length < 1 || data.custom_id.length > 100) {
    throw formErrorAt(["data", "custom_id"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.");
  }
  if (typeof data.title !== "string" || data.title.length < 1 || data.title.length > 45) {
    throw formErrorAt(["data", "title"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 45 in length.");
  }
  if (!Array.isArray(data.components) || data.components.length < 1 || data.components.length > 5) {
    throw formErrorAt(["data", "components"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 5 in length.");
  }
}
