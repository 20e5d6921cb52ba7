/**
 * Channel REST routes: fetch a channel, post/list/edit/delete messages, with permission
 * checks and nonce de-duplication like Discord.
 *
 * @module
 */
import { channelPayload, dmPayload } from "./guild-payloads.ts";
import { ApiError, requireRecord } from "./http.ts";
import { Perm } from "./permissions.ts";
import { param } from "./router.ts";
import type { Router, RouteContext } from "./router.ts";
import type { FakeContext } from "./context.ts";
import type { ChannelState, DmChannel } from "./guilds.ts";
import type { MessageRecord } from "./messages.ts";
import { ChannelKind } from "./types.ts";

type Target = { kind: "guild"; channel: ChannelState } | { kind: "dm"; dm: DmChannel };

/** Adds the `/channels/...` routes. */
export function addChannelRoutes(router: Router, ctx: FakeContext): void {
  const target = (rc: RouteContext): Target => {
    const id = param(rc, "channel");
    const channel = ctx.guilds.channel(id);
    if (channel) {
      if ((ctx.guilds.botPermissionsIn(channel) & Perm.ViewChannel) === 0n) throw new ApiError(403, 50001, "Missing Access");
      return { kind: "guild", channel };
    }
    const dm = ctx.guilds.dm(id);
    if (dm) return { kind: "dm", dm };
    // A group DM or a server the bot is not in: it exists, but the bot has no access.
    if (ctx.elsewhere.has(id)) throw new ApiError(403, 50001, "Missing Access");
    throw new ApiError(404, 10003, "Unknown Channel");
  };
  const channelId = (t: Target): string => (t.kind === "guild" ? t.channel.id : t.dm.id);
  const message = (rc: RouteContext): MessageRecord => {
    const id = channelId(target(rc));
    const found = ctx.messages.get(param(rc, "message"));
    if (!found || found.channelId !== id || found.deleted || found.ephemeral) throw new ApiError(404, 10008, "Unknown Message");
    return found;
  };

  router
    .add("GET", "/channels/:channel", (rc) => {
      const t = target(rc);
      return { status: 200, body: t.kind === "guild" ? channelPayload(t.channel) : dmPayload(t.dm) };
    })
    .add("POST", "/channels/:channel/typing", (rc) => {
      target(rc);
      return { status: 204 };
    })
    .add("POST", "/channels/:channel/messages", (rc) => {
      const t = target(rc);
      const body = requireRecord(rc.json ?? {});
      if (t.kind === "guild") {
        const perms = ctx.guilds.botPermissionsIn(t.channel);
        if (t.channel.type === ChannelKind.Forum) throw new ApiError(400, 40058, "Cannot send messages in a forum channel");
        if ((perms & (t.channel.thread ? Perm.SendMessagesInThreads : Perm.SendMessages)) === 0n) throw new ApiError(403, 50013, "Missing Permissions");
        if (rc.files.length > 0 && (perms & Perm.AttachFiles) === 0n) throw new ApiError(403, 50013, "Missing Permissions");
        if (t.channel.thread) reopenForPost(ctx, t.channel, perms);
      } else if (ctx.guilds.closedDms.has(t.dm.recipient.id)) {
        throw new ApiError(403, 50007, "Cannot send messages to this user");
      }
      const id = channelId(t);
      const nonce = typeof body.nonce === "string" || typeof body.nonce === "number" ? String(body.nonce) : undefined;
      if (nonce !== undefined && body.enforce_nonce === true) {
        const earlier = ctx.messages.findByNonce(id, nonce);
        if (earlier) return { status: 200, body: ctx.messages.toApi(earlier, { withNonce: true }) };
      }
      const created = ctx.messages.create({
        channelId: id,
        guildId: t.kind === "guild" ? t.channel.guildId : null,
        body: stripFlags(body),
        files: rc.files,
      });
      return { status: 200, body: ctx.messages.toApi(created, { withNonce: true }) };
    })
    .add("GET", "/channels/:channel/messages", (rc) => {
      const id = channelId(target(rc));
      const limit = Math.min(100, Math.max(1, Number(rc.query.get("limit") ?? 50) || 50));
      const visible = ctx.messages.inChannel(id).filter((m) => !m.deleted && !m.ephemeral);
      // `after`: the oldest `limit` newer than that id; else the newest (before `before`), like Discord.
      const after = snowflakeParam(rc.query.get("after"));
      const before = snowflakeParam(rc.query.get("before"));
      const page =
        after !== null
          ? visible.filter((m) => BigInt(m.id) > after).slice(0, limit)
          : visible.filter((m) => before === null || BigInt(m.id) < before).slice(-limit);
      return { status: 200, body: page.reverse().map((m) => ctx.messages.toApi(m)) };
    })
    .add("GET", "/channels/:channel/messages/:message", (rc) => ({ status: 200, body: ctx.messages.toApi(message(rc)) }))
    .add("PATCH", "/channels/:channel/messages/:message", (rc) => {
      const edited = ctx.messages.edit(message(rc), requireRecord(rc.json ?? {}), rc.files);
      return { status: 200, body: ctx.messages.toApi(edited) };
    })
    .add("DELETE", "/channels/:channel/messages/:message", (rc) => {
      ctx.messages.remove(message(rc));
      return { status: 204 };
    });
}

/**
 * Posting in a thread: a private one takes members only (or Manage Threads); an archived one
 * is unarchived by the post, unless it is locked and the bot may not manage threads.
 */
function reopenForPost(ctx: FakeContext, channel: ChannelState, perms: bigint): void {
  const thread = channel.thread;
  if (!thread) return;
  const manage = (perms & Perm.ManageThreads) !== 0n;
  if (channel.type === ChannelKind.PrivateThread && !thread.botJoined && !manage) throw new ApiError(403, 50001, "Missing Access");
  if (!thread.archived) return;
  if (thread.locked && !manage) throw new ApiError(400, 50083, "Thread is archived");
  thread.archived = false;
  thread.archiveTimestamp = new Date().toISOString();
  ctx.dispatch("THREAD_UPDATE", channelPayload(channel), channel.guildId);
}

function snowflakeParam(value: string | null): bigint | null {
  if (value === null) return null;
  if (!/^\d{1,20}$/.test(value)) throw new ApiError(400, 50035, "Invalid Form Body");
  return BigInt(value);
}

/** Channel messages cannot be ephemeral; Discord ignores that flag there. */
function stripFlags(body: Record<string, unknown>): Record<string, unknown> {
  if (typeof body.flags !== "number") return body;
  return { ...body, flags: body.flags & ~64 };
}
