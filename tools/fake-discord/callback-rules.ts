/**
 * What Discord accepts in interaction callbacks, reported as 400 Invalid Form Body.
 *
 * @module
 */
import { formErrorAt } from "./commands.ts";
import { allComponents } from "./components.ts";
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

type Path = (string | number)[];

function checkLength(value: unknown, path: Path, min: number, max: number, optional = false): void {
  if (optional && value === undefined) return;
  if (typeof value !== "string" || value.length < min || value.length > max) {
    throw formErrorAt(path, "BASE_TYPE_BAD_LENGTH", `Must be between ${min} and ${max} in length.`);
  }
}

/**
 * Checks one input of a modal: a text input needs a custom_id and a style, and a label of
 * its own only in an action row (inside a Label it may have none); a string select needs
 * 1–25 options with labels and values of 1–100 chars, and no more defaults than it takes.
 */
function validateModalInput(c: Record<string, unknown>, path: Path, inLabel: boolean): void {
  checkLength(c.custom_id, [...path, "custom_id"], 1, 100);
  if (c.type === 4) {
    if (inLabel && c.label !== undefined)
      throw formErrorAt([...path, "label"], "COMPONENT_INVALID_FIELD", "The label field cannot be used in a label component.");
    if (!inLabel) checkLength(c.label, [...path, "label"], 1, 45);
    if (c.style !== 1 && c.style !== 2) throw formErrorAt([...path, "style"], "BASE_TYPE_CHOICES", "Value must be one of (1, 2).");
    return;
  }
  if (!inLabel) throw formErrorAt([...path, "type"], "UNION_TYPE_CHOICES", 'Value of field "type" must be one of (4,).');
  if (c.type === 3) {
    const options = Array.isArray(c.options) ? c.options : [];
    if (options.length < 1 || options.length > 25) throw formErrorAt([...path, "options"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 25 in length.");
    options.forEach((o: unknown, i) => {
      checkLength(isRecord(o) ? o.label : undefined, [...path, "options", i, "label"], 1, 100);
      checkLength(isRecord(o) ? o.value : undefined, [...path, "options", i, "value"], 1, 100);
    });
    const defaults = options.filter((o) => isRecord(o) && o.default === true).length;
    if (defaults > (typeof c.max_values === "number" ? c.max_values : 1)) {
      throw formErrorAt([...path, "options"], "SELECT_COMPONENT_TOO_MANY_DEFAULT_VALUES", "Too many default values.");
    }
    return;
  }
  if (![5, 6, 7, 8, 19].includes(Number(c.type))) {
    throw formErrorAt([...path, "type"], "UNION_TYPE_CHOICES", 'Value of field "type" must be one of (3, 4, 5, 6, 7, 8, 19).');
  }
}

/** Checks one top-level component of a modal: an action row of one text input, a Label, or a text display. */
function validateModalComponent(row: unknown, path: Path): void {
  if (!isRecord(row)) throw formErrorAt(path, "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType");
  if (row.type === 18) {
    checkLength(row.label, [...path, "label"], 1, 45);
    checkLength(row.description, [...path, "description"], 1, 100, true);
    if (!isRecord(row.component)) throw formErrorAt([...path, "component"], "BASE_TYPE_REQUIRED", "This field is required");
    validateModalInput(row.component, [...path, "component"], true);
  } else if (row.type === 1) {
    const inner = Array.isArray(row.components) ? row.components : [];
    if (inner.length !== 1 || !isRecord(inner[0])) throw formErrorAt([...path, "components"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 1 in length.");
    validateModalInput(inner[0], [...path, "components", 0], false);
  } else if (row.type !== 10) {
    throw formErrorAt([...path, "type"], "UNION_TYPE_CHOICES", 'Value of field "type" must be one of (1, 10, 18).');
  }
}

/**
 * Checks a modal (custom_id 1–100 chars, title 1–45 chars, 1–5 top-level components, each
 * an action row with one text input, a Label around one input, or a text display; input
 * custom_ids unique).
 */
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
  for (const [i, row] of data.components.entries()) validateModalComponent(row, ["data", "components", i]);
  const ids = allComponents(data.components).flatMap((c) => (typeof c.custom_id === "string" ? [c.custom_id] : []));
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice !== undefined) throw formErrorAt(["data", "components"], "COMPONENT_CUSTOM_ID_DUPLICATED", `Component custom id "${twice}" is duplicated.`);
}
