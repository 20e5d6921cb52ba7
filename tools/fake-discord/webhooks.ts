/**
 * Interaction REST routes: the callback endpoint and the interaction webhook
 * (`@original` and follow-up messages).
 *
 * @module
 */
import { ApiError, requireRecord } from "./http.ts";
import { param } from "./router.ts";
import type { Router, RouteContext, RouteReply } from "./router.ts";
import type { FakeContext } from "./context.ts";
import type { InteractionRecord } from "./interactions.ts";
import type { MessageRecord } from "./messages.ts";
import { tooManyFollowUps } from "./contexts.ts";

/** Adds `/interactions/:id/:token/callback` and `/webhooks/:app/:token...` routes (no bot auth, like Discord). */
export function addWebhookRoutes(router: Router, ctx: FakeContext): void {
  const { interactions, messages } = ctx;

  const interactionOf = (rc: RouteContext): InteractionRecord => {
    const rec = interactions.byToken.get(param(rc, "token"));
    if (param(rc, "app") !== ctx.applicationId || !rec || !rec.callback) throw new ApiError(404, 10015, "Unknown Webhook");
    return rec;
  };
  const messageOf = (rc: RouteContext, rec: InteractionRecord): MessageRecord => {
    const raw = param(rc, "message");
    const id = raw === "@original" ? rec.originalId : raw;
    const own = id !== undefined && (id === rec.originalId || rec.followUpIds.includes(id));
    const found = own && id !== undefined ? messages.get(id) : undefined;
    if (!found || found.deleted) throw new ApiError(404, 10008, "Unknown Message");
    return found;
  };
  const answer = (message: MessageRecord): RouteReply => ({ status: 200, body: messages.toApi(message) });

  router
    .add(
      "POST",
      "/interactions/:id/:token/callback",
      (rc) => interactions.callback(param(rc, "id"), param(rc, "token"), rc.json, rc.files, rc.query.get("with_response") === "true"),
      false,
    )
    .add(
      "POST",
      "/webhooks/:app/:token",
      (rc) => {
        const rec = interactionOf(rc);
        if (rec.maxFollowUps !== undefined && rec.followUpIds.length >= rec.maxFollowUps) throw tooManyFollowUps();
        const body = requireRecord(rc.json ?? {});
        const created = messages.create({
          channelId: rec.channelId,
          guildId: rec.guildId,
          body,
          files: rc.files,
          meta: { id: rec.id, type: rec.type, user: rec.user },
        });
        rec.followUpIds.push(created.id);
        interactions.touch(rec);
        return rc.query.get("wait") === "true" ? answer(created) : { status: 204 };
      },
      false,
    )
    .add("GET", "/webhooks/:app/:token/messages/:message", (rc) => answer(messageOf(rc, interactionOf(rc))), false)
    .add(
      "PATCH",
      "/webhooks/:app/:token/messages/:message",
      (rc) => {
        const rec = interactionOf(rc);
        const target = messageOf(rc, rec);
        messages.edit(target, requireRecord(rc.json ?? {}), rc.files);
        if (target.id === rec.originalId) rec.originalEdited = true;
        interactions.touch(rec);
        return answer(target);
      },
      false,
    )
    .add(
      "DELETE",
      "/webhooks/:app/:token/messages/:message",
      (rc) => {
        const rec = interactionOf(rc);
        messages.remove(messageOf(rc, rec));
        interactions.touch(rec);
        return { status: 204 };
      },
      false,
    );
}
