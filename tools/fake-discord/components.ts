/**
 * Finding buttons and select menus on recorded messages, and shaping modal submissions
 * like the Discord client does.
 *
 * @module
 */
import { isRecord } from "./http.ts";
import type { ShownModal } from "./interactions.ts";

/** Component type numbers used here. */
const Type = { ActionRow: 1, Button: 2, StringSelect: 3, TextInput: 4, TextDisplay: 10, Label: 18 } as const;
const SELECT_TYPES = new Set([3, 5, 6, 7, 8]);

/** Every component object in a tree (action rows, containers, sections, labels). */
export function allComponents(components: readonly unknown[]): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const visit = (node: unknown): void => {
    if (!isRecord(node)) return;
    out.push(node);
    if (Array.isArray(node.components)) node.components.forEach(visit);
    visit(node.accessory);
    visit(node.component);
  };
  components.forEach(visit);
  return out;
}

/** Finds a clickable button by custom_id or label; throws with what is available otherwise. */
export function findButton(components: readonly unknown[], by: { customId?: string; label?: string }): Record<string, unknown> {
  const buttons = allComponents(components).filter((c) => c.type === Type.Button);
  const button = buttons.find((b) => (by.customId !== undefined ? b.custom_id === by.customId : b.label === by.label));
  const available = buttons.map((b) => `${String(b.label ?? "")}(${String(b.custom_id ?? b.url ?? "")})`).join(", ");
  if (!button) throw new Error(`fake-discord: no button ${by.customId ?? by.label ?? "?"} on the message; has: ${available || "none"}`);
  if (typeof button.custom_id !== "string") throw new Error("fake-discord: link/premium buttons cannot be clicked");
  if (button.disabled === true) throw new Error(`fake-discord: button ${button.custom_id} is disabled`);
  return button;
}

/** Checks chosen values like the Discord client would: how many (min/max), and for string selects, which. */
function checkSelectValues(select: Record<string, unknown>, customId: string, values: readonly string[]): void {
  const min = typeof select.min_values === "number" ? select.min_values : select.required === false ? 0 : 1;
  const max = typeof select.max_values === "number" ? select.max_values : 1;
  if (values.length < min || values.length > max) {
    throw new Error(`fake-discord: select menu ${customId} takes ${min}..${max} values, got ${values.length}`);
  }
  if (select.type === Type.StringSelect) {
    const allowed = new Set(selectOptions(select).map((o) => o.value));
    const bad = values.filter((v) => !allowed.has(v));
    if (bad.length > 0) throw new Error(`fake-discord: select menu ${customId} has no option ${bad.join(", ")}`);
  }
}

/** A string select's options as records. */
function selectOptions(select: Record<string, unknown>): Record<string, unknown>[] {
  return (Array.isArray(select.options) ? select.options : []).filter(isRecord);
}

/** Finds a select menu and checks the chosen values like the Discord client would. */
export function findSelect(components: readonly unknown[], customId: string, values: readonly string[]): Record<string, unknown> {
  const select = allComponents(components).find((c) => SELECT_TYPES.has(Number(c.type)) && c.custom_id === customId);
  if (!select) throw new Error(`fake-discord: no select menu ${customId} on the message`);
  if (select.disabled === true) throw new Error(`fake-discord: select menu ${customId} is disabled`);
  checkSelectValues(select, customId, values);
  return select;
}

/** One input of a shown modal, as its user sees it. */
export interface ModalInput {
  customId: string;
  /** 4 = text input, 3 = string select, 5–8 other selects. */
  type: number;
  /** The label above it: its Label's, or for a text input in an action row, its own. */
  label: string;
  required: boolean;
  /** What it holds when the form opens: the prefilled text, or a select's default values joined by ",". */
  value: string;
  /** A string select's options. */
  options?: { value: string; label: string }[];
}

/** The inputs of a modal the bot showed (action rows or labels), in order. */
export function modalInputs(components: readonly unknown[]): ModalInput[] {
  const out: ModalInput[] = [];
  for (const row of components.filter(isRecord)) {
    const inner = row.type === Type.Label && isRecord(row.component) ? [row.component] : Array.isArray(row.components) ? row.components.filter(isRecord) : [];
    for (const c of inner) {
      if (typeof c.custom_id !== "string") continue;
      const label = String(row.type === Type.Label ? row.label : (c.label ?? ""));
      const input: ModalInput = { customId: c.custom_id, type: Number(c.type), label, required: c.required !== false, value: "" };
      if (c.type === Type.TextInput) input.value = typeof c.value === "string" ? c.value : "";
      else {
        input.value = selectOptions(c)
          .filter((o) => o.default === true)
          .map((o) => String(o.value))
          .join(",");
        if (c.type === Type.StringSelect) input.options = selectOptions(c).map((o) => ({ value: String(o.value), label: String(o.label) }));
      }
      out.push(input);
    }
  }
  return out;
}

/**
 * The `data.components` of a modal submission. When the bot showed this modal, its layout is
 * mirrored (action rows or labels; select menus in labels take comma-separated values, and
 * submit their default options when not given) and the client-side rules are checked
 * (unknown fields, required, min/max length, a select's options and min/max values). Otherwise
 * each field becomes an action row with one text input.
 */
export function modalComponents(shown: ShownModal | undefined, fields: Record<string, string>): unknown[] {
  if (!shown) {
    return Object.entries(fields).map(([custom_id, value]) => ({
      type: Type.ActionRow,
      components: [{ type: Type.TextInput, custom_id, value }],
    }));
  }
  const raw = Array.isArray(shown.modal.components) ? shown.modal.components : [];
  const known = new Set<string>();
  const answer = (input: Record<string, unknown>): Record<string, unknown> => {
    const customId = String(input.custom_id);
    known.add(customId);
    const value = fields[customId];
    const base: Record<string, unknown> = { type: input.type, custom_id: customId };
    if (input.id !== undefined) base.id = input.id;
    if (input.type !== Type.TextInput) {
      // Untouched, a select submits what it opened with: its default options.
      const chosen =
        value ??
        selectOptions(input)
          .filter((o) => o.default === true)
          .map((o) => String(o.value))
          .join(",");
      const values = chosen ? chosen.split(",") : [];
      checkSelectValues(input, customId, values);
      return { ...base, values };
    }
    const text = value ?? "";
    if (text === "" && input.required !== false) throw new Error(`fake-discord: modal field ${customId} is required`);
    if (text !== "" && typeof input.min_length === "number" && text.length < input.min_length) {
      throw new Error(`fake-discord: modal field ${customId} is shorter than ${input.min_length}`);
    }
    if (typeof input.max_length === "number" && text.length > input.max_length) {
      throw new Error(`fake-discord: modal field ${customId} is longer than ${input.max_length}`);
    }
    return { ...base, value: text };
  };
  const out = raw.filter(isRecord).map((row) => {
    const head: Record<string, unknown> = { type: row.type };
    if (row.id !== undefined) head.id = row.id;
    if (row.type === Type.Label && isRecord(row.component)) return { ...head, component: answer(row.component) };
    if (Array.isArray(row.components)) return { ...head, components: row.components.filter(isRecord).map(answer) };
    return head;
  });
  const unknown = Object.keys(fields).filter((k) => !known.has(k));
  if (unknown.length > 0) throw new Error(`fake-discord: modal ${String(shown.modal.custom_id)} has no field ${unknown.join(", ")}`);
  return out;
}
