/**
 * The form behind the review card's "Merge into another event…": one text field naming the
 * event, read as `/event id:` reads it (src/resolvers/event.ts). Pure.
 */
import { ComponentType, TextInputStyle, type APIModalInteractionResponseCallbackData } from "discord.js";
import type { Lang } from "../../db/types.ts";
import { t } from "../i18n/index.ts";

/** The custom_id of the form's one text field. */
export const MERGE_EVENT_FIELD = "event";
/** Longer than any key, id or handful of title words an editor types. */
const FIELD_MAX = 200;

/** The form naming the event a development is merged into; `customId` is its `rv:into:…` id. */
export function renderMergeSearchModal(customId: string, lang: Lang): APIModalInteractionResponseCallbackData {
  const f = t(lang).feeds.review.mergeForm;
  return {
    custom_id: customId,
    title: f.title,
    components: [
      {
        type: ComponentType.Label,
        label: f.label,
        description: f.description,
        component: {
          type: ComponentType.TextInput,
          custom_id: MERGE_EVENT_FIELD,
          style: TextInputStyle.Short,
          required: true,
          max_length: FIELD_MAX,
          placeholder: f.placeholder,
        },
      },
    ],
  };
}
