/** `/editor person …`: the subcommand group's options and its dispatch (handlers: ./people.ts). */
import type { ChatInputCommandInteraction, SlashCommandSubcommandGroupBuilder } from "discord.js";
import type { Lang, Story } from "../../db/types.ts";
import type { BotContext } from "../context.ts";
import { named } from "./builders.ts";
import { personAlias, showPersonAdd, showPersonEdit } from "./people.ts";
import { askMerge } from "./person-merge.ts";

/** The `person` group: add, edit who:, alias who: add: remove:. */
export function personGroup(g: SlashCommandSubcommandGroupBuilder): SlashCommandSubcommandGroupBuilder {
  return named(g, "editor.person")
    .addSubcommand((sc) => named(sc, "editor.person.add"))
    .addSubcommand((sc) =>
      named(sc, "editor.person.edit").addStringOption((o) => named(o, "editor.person.edit.who").setRequired(true).setAutocomplete(true).setMaxLength(100)),
    )
    .addSubcommand((sc) =>
      named(sc, "editor.person.alias")
        .addStringOption((o) => named(o, "editor.person.alias.who").setRequired(true).setAutocomplete(true).setMaxLength(100))
        .addStringOption((o) => named(o, "editor.person.alias.add").setMaxLength(1000))
        .addStringOption((o) => named(o, "editor.person.alias.remove").setMaxLength(1000)),
    )
    .addSubcommand((sc) =>
      named(sc, "editor.person.merge")
        .addStringOption((o) => named(o, "editor.person.merge.from").setRequired(true).setAutocomplete(true).setMaxLength(100))
        .addStringOption((o) => named(o, "editor.person.merge.into").setRequired(true).setAutocomplete(true).setMaxLength(100)),
    );
}

/** Runs a `/editor person` subcommand (the editor check and the story are the caller's). */
export async function personCommand(i: ChatInputCommandInteraction, ctx: BotContext, story: Story, lang: Lang): Promise<unknown> {
  const sub = i.options.getSubcommand();
  if (sub === "add") return showPersonAdd(i, story, lang);
  if (sub === "edit") return showPersonEdit(i, ctx, story, lang);
  if (sub === "merge") return askMerge(i, ctx, story, lang);
  return personAlias(i, ctx, story, lang);
}
