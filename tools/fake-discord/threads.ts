/**
 * Threads and forum posts: `POST /channels/:forum/threads` (a post is a thread whose starter
 * message has the thread's id), the guild's active threads and a channel's archived public
 * threads, as Discord answers them.
 *
 * @module
 */
import { channelPayload, threadMemberPayload } from "./guild-payloads.ts";
import { ApiError, formError, isRecord, requireRecord } from "./http.ts";
import { Perm } from "./permissions.ts";
import { param } from "./router.ts";
import type { Router, RouteContext } from "./router.ts";
import type { FakeContext } from "./context.ts";
import type { ChannelState } from "./guilds.ts";
import { nextSnowflake } from "./snowflake.ts";
import { ChannelKind } from "./types.ts";

/** The forum flag that makes a tag mandatory on every new post. */
export const REQUIRE_TAG = 1 << 4;
const MAX_TAGS = 5;

/** Adds the thread routes. */
export function addThreadRoutes(router: Router, ctx: FakeContext): void {
  const visible = (rc: RouteContext): ChannelState => {
    const channel = ctx.guilds.channel(param(rc, "channel"));
    if (!channel) throw new ApiError(404, 10003, "Unknown Channel");
    if ((ctx.guilds.botPermissionsIn(channel) & Perm.ViewChannel) === 0n) throw new ApiError(403, 50001, "Missing Access");
    return channel;
  };
  const listed = (threads: ChannelState[]) => ({
    threads: threads.map(channelPayload),
    members: threads.flatMap((t) => (t.thread?.botJoined ? [threadMemberPayload(t, t.thread)] : [])),
  });

  router
    .add("POST", "/channels/:channel/threads", (rc) => {
      const forum = visible(rc);
      if (forum.type !== ChannelKind.Forum) throw new ApiError(400, 50024, "Cannot execute action on this channel type");
      const body = requireRecord(rc.json ?? {});
      const name = typeof body.name === "string" ? body.name.trim() : "";
      if (name.length < 1 || name.length > 100) throw formError("name", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.");
      if (!isRecord(body.message)) throw formError("message", "BASE_TYPE_REQUIRED", "This field is required");
      if ((ctx.guilds.botPermissionsIn(forum) & Perm.SendMessages) === 0n) throw new ApiError(403, 50013, "Missing Permissions");
      const tags = appliedTags(body.applied_tags, forum);
      if (tags.length === 0 && (forum.flags & REQUIRE_TAG) !== 0) throw new ApiError(400, 40067, "A tag is required to create a forum post in this channel");
      const guild = ctx.guilds.guild(forum.guildId);
      if (!guild) throw new ApiError(404, 10003, "Unknown Channel");
      const id = nextSnowflake();
      // Validated before the thread exists: a refused message creates no post.
      const starter = ctx.messages.build({ id, channelId: id, guildId: forum.guildId, body: body.message, files: rc.files });
      const thread = ctx.guilds.addChannel(guild, { id, name, type: ChannelKind.PublicThread, parentId: forum.id });
      if (thread.thread) thread.thread.appliedTags = tags;
      ctx.dispatch("THREAD_CREATE", { ...channelPayload(thread), newly_created: true }, forum.guildId);
      ctx.messages.store(starter);
      return { status: 201, body: { ...channelPayload(thread), message: ctx.messages.toApi(starter) } };
    })
    .add("GET", "/guilds/:guild/threads/active", (rc) => {
      const guild = ctx.guilds.guild(param(rc, "guild"));
      if (!guild) throw new ApiError(404, 10004, "Unknown Guild");
      const active = guild.channels.filter(
        (c) =>
          c.thread &&
          !c.thread.archived &&
          (ctx.guilds.botPermissionsIn(c) & Perm.ViewChannel) !== 0n &&
          (c.type !== ChannelKind.PrivateThread || c.thread.botJoined),
      );
      return { status: 200, body: listed(active) };
    })
    .add("GET", "/channels/:channel/threads/archived/public", (rc) => {
      const parent = visible(rc);
      if ((ctx.guilds.botPermissionsIn(parent) & Perm.ReadMessageHistory) === 0n) throw new ApiError(403, 50013, "Missing Permissions");
      const limit = Math.min(100, Math.max(2, Number(rc.query.get("limit") ?? 50) || 50));
      const beforeText = rc.query.get("before");
      const before = beforeText === null ? Number.POSITIVE_INFINITY : Date.parse(beforeText);
      if (Number.isNaN(before)) throw formError("before", "DATE_TYPE_PARSE", "Could not parse the date.");
      const archived = (ctx.guilds.guild(parent.guildId)?.channels ?? [])
        .filter((c) => c.parentId === parent.id && c.thread?.archived && c.type !== ChannelKind.PrivateThread && Date.parse(c.thread.archiveTimestamp) < before)
        .sort((a, b) => Date.parse(b.thread?.archiveTimestamp ?? "") - Date.parse(a.thread?.archiveTimestamp ?? ""));
      return { status: 200, body: { ...listed(archived.slice(0, limit)), has_more: archived.length > limit } };
    });
}

/** `applied_tags` checked against the forum's tags, like Discord (at most 5, each one of them). */
function appliedTags(value: unknown, forum: ChannelState): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string"))
    throw formError("applied_tags", "BASE_TYPE_BAD_TYPE", "Must be an array of snowflakes.");
  if (value.length > MAX_TAGS) throw formError("applied_tags", "BASE_TYPE_MAX_LENGTH", `Must be ${MAX_TAGS} or fewer in length.`);
  const known = new Set(forum.availableTags.map((t) => t.id));
  if (value.some((v) => !known.has(v))) throw formError("applied_tags", "INVALID_TAG", "A tag applied is not one of the forum's tags.");
  return [...new Set(value as string[])];
}
