/** The person form: a modal of five inputs (src/editor/person.ts), prefilled with `fields`. Pure. */
import { ComponentType, TextInputStyle } from "discord.js";
import type { APILabelComponent, APIModalInteractionResponseCallbackData } from "discord.js";
import type { Lang } from "../../db/types.ts";
import { ENTITY_KINDS, type PersonFields, type PersonInput } from "../editor/person.ts";
import { t } from "../i18n/index.ts";
import { STORY_LIMITS } from "../story/limits.ts";

type TextId = Exclude<PersonInput, "kind">;

/** How each text input is shown. Room over each limit, so a too-long text reaches the form's reader and is named there. */
const TEXT: Record<TextId, { style: TextInputStyle; max: number }> = {
  name_en: { style: TextInputStyle.Short, max: STORY_LIMITS.name * 2 },
  name_zh: { style: TextInputStyle.Short, max: STORY_LIMITS.name * 2 },
  role: { style: TextInputStyle.Paragraph, max: STORY_LIMITS.role * 4 },
  aliases: { style: TextInputStyle.Paragraph, max: 4000 },
};

/** The person form; `mode` picks its title. */
export function renderPersonModal(mode: "add" | "edit", customId: string, fields: PersonFields, lang: Lang): APIModalInteractionResponseCallbackData {
  const s = t(lang).people.person;
  const text = (id: TextId): APILabelComponent => {
    const value = fields[id].slice(0, 4000);
    const description = s.descriptions[id];
    return {
      type: ComponentType.Label,
      label: s.labels[id],
      ...(description ? { description } : {}),
      component: {
        type: ComponentType.TextInput,
        custom_id: id,
        style: TEXT[id].style,
        required: false,
        max_length: Math.min(4000, Math.max(TEXT[id].max, value.length)),
        ...(id in s.placeholders ? { placeholder: s.placeholders[id as keyof typeof s.placeholders] } : {}),
        ...(value ? { value } : {}),
      },
    };
  };
  const chosen = fields.kind || "person";
  const kind: APILabelComponent = {
    type: ComponentType.Label,
    label: s.labels.kind,
    component: {
      type: ComponentType.StringSelect,
      custom_id: "kind",
      required: true,
      min_values: 1,
      max_values: 1,
      options: ENTITY_KINDS.map((k) => ({ label: s.kinds[k], value: k, ...(k === chosen ? { default: true } : {}) })),
    },
  };
  return { custom_id: customId, title: s.modal[mode], components: [text("name_en"), text("name_zh"), kind, text("role"), text("aliases")] };
}
