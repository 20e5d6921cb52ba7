/** The editors' event form: a modal of five inputs for the six fields (src/editor/inputs.ts). Pure. */
import { ComponentType, TextInputStyle } from "discord.js";
import type { APILabelComponent, APIModalInteractionResponseCallbackData } from "discord.js";
import type { Lang } from "../../db/types.ts";
import { DEFAULT_IMPORTANCE, FIELD_MAX, IMPORTANCE_LEVELS, type FormFields } from "../editor/fields.ts";
import { INPUT_MAX, TITLE_BOX_MAX, toInputs, type InputId } from "../editor/inputs.ts";
import { t } from "../i18n/index.ts";

type TextInputId = Exclude<InputId, "importance">;

/** How each text input is shown: its style, whether it must be filled, its usual limit. */
const TEXT_INPUTS: Record<TextInputId, { style: TextInputStyle; required: boolean; max: number }> = {
  title: { style: TextInputStyle.Paragraph, required: true, max: TITLE_BOX_MAX },
  when: { style: TextInputStyle.Short, required: true, max: FIELD_MAX.when },
  people: { style: TextInputStyle.Short, required: false, max: FIELD_MAX.people },
  source: { style: TextInputStyle.Paragraph, required: true, max: FIELD_MAX.source },
};

/**
 * The event form, each input in a Label: the title box (title, then summary), when, the
 * importance as a list of five (the event's own preselected, 3 for a new one), people and
 * sources, prefilled with `fields`. A prefilled text longer than an input's usual limit (a
 * long text from a story file) raises that input's limit, so Discord accepts the form.
 */
export function renderEditorModal(mode: "add" | "edit", customId: string, fields: FormFields, lang: Lang): APIModalInteractionResponseCallbackData {
  const s = t(lang).editor;
  const inputs = toInputs(fields);
  const text = (id: TextInputId): APILabelComponent => {
    const { style, required, max } = TEXT_INPUTS[id];
    const value = inputs[id];
    const description = s.descriptions[id];
    return {
      type: ComponentType.Label,
      label: s.labels[id],
      ...(description ? { description } : {}),
      component: {
        type: ComponentType.TextInput,
        custom_id: id,
        style,
        required,
        max_length: Math.min(INPUT_MAX, Math.max(max, value.length)),
        placeholder: s.placeholders[id],
        ...(value ? { value } : {}),
      },
    };
  };
  const chosen = inputs.importance.trim() || String(DEFAULT_IMPORTANCE);
  const importance: APILabelComponent = {
    type: ComponentType.Label,
    label: s.labels.importance,
    description: s.descriptions.importance,
    component: {
      type: ComponentType.StringSelect,
      custom_id: "importance",
      required: true,
      min_values: 1,
      max_values: 1,
      options: IMPORTANCE_LEVELS.map((n) => ({ label: s.importance[n], value: String(n), ...(String(n) === chosen ? { default: true } : {}) })),
    },
  };
  return { custom_id: customId, title: s.modal[mode], components: [text("title"), text("when"), importance, text("people"), text("source")] };
}
