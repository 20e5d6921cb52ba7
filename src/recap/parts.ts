/**
 * Posting a recap's parts through the outbox ledger, one entry per part (key
 * `recap:<schedule>:<slot>:<part>`): recorded parts are not sent again, and a part attempted
 * but not recorded is looked for by its marker before it is. In a forum the first part opens
 * the post and the others go into its thread.
 */
import type { Client, MessageCreateOptions } from "discord.js";
import type { Db } from "../../db/index.ts";
import { claimOutbox, markOutboxFailed } from "../../db/outbox.ts";
import { recapOutboxKey, type RecapSchedule } from "../../db/recaps.ts";
import type { Lang } from "../../db/types.ts";
import { t } from "../i18n/index.ts";
import { channelTarget } from "../outbox/channel.ts";
import { deliverOnce, outboxMarker, type Delivered, type OutboxTarget } from "../outbox/deliver.ts";
import { forumTarget } from "../outbox/forum.ts";
import { withRef } from "../render/digest.ts";
import type { Reply } from "../render/reply.ts";
import type { RecapDestination } from "./destination.ts";
import { classifyFailure } from "./failures.ts";
import type { RecapHooks } from "./post.ts";

/** One part as posted, with its marker. */
export type PostedPart = Delivered & { marker: string };

interface Run {
  schedule: RecapSchedule;
  slot: number;
  lang: Lang;
  destination: RecapDestination;
}

/** The message of a part with its marker printed; mentions off (stored text pings no one). */
function partMessage(part: Reply, marker: string, lang: Lang): MessageCreateOptions {
  const marked = withRef(part, t(lang).delivery.ref(marker));
  return { content: marked.content, embeds: marked.embeds ?? [], components: marked.components ?? [], allowedMentions: { parse: [] } };
}

/**
 * Posts `parts` of `run`'s recap, in order; resolves with where each landed. The ledger's
 * clock is the real one (Discord's message ids are compared with it), not the scheduler's.
 */
export async function postRecapParts(deps: { client: Client; db: Db; hooks?: RecapHooks }, run: Run, parts: readonly Reply[]): Promise<PostedPart[]> {
  const out: PostedPart[] = [];
  for (const [i, part] of parts.entries()) {
    const key = recapOutboxKey(run.schedule.id, run.slot, i);
    const marker = outboxMarker(key);
    const message = (m: string) => partMessage(part, m, run.lang);
    const d = run.destination;
    const post = out[0]?.channelId ?? d.id;
    const target: OutboxTarget =
      d.kind === "forum" && i === 0 ? forumTarget(deps.client, d.id, { name: d.title, tags: d.tags }, message) : channelTarget(deps.client, post, message);
    const entry = claimOutbox(deps.db, { key, kind: "recap", guildId: run.schedule.guildId, targetId: i === 0 ? d.id : post, marker, now: Date.now() });
    try {
      out.push({ ...(await deliverOnce(deps.db, entry, target, Date.now, { afterSend: deps.hooks?.afterSend })), marker });
    } catch (err) {
      markOutboxFailed(deps.db, { id: entry.id, detail: classifyFailure(err).detail, final: false });
      throw err;
    }
  }
  return out;
}
