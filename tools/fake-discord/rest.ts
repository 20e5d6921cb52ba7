/**
 * REST routes: gateway discovery, identity, application commands and guilds.
 * Channel and webhook routes live in `channels.ts` and `webhooks.ts`.
 *
 * @module
 */
import { botMemberPayload, channelPayload, dmPayload, guildPayload, rolePayload } from "./guild-payloads.ts";
import { ApiError, isRecord } from "./http.ts";
import { Router, param } from "./router.ts";
import type { RouteContext, RouteReply } from "./router.ts";
import type { FakeContext } from "./context.ts";
import { addChannelRoutes } from "./channels.ts";
import { addWebhookRoutes } from "./webhooks.ts";
import { addThreadRoutes } from "./threads.ts";

/** Builds the router with every route the fake answers. */
export function buildRouter(ctx: FakeContext): Router {
  const router = new Router();
  const ok = (body: unknown): RouteReply => ({ status: 200, body });

  router
    .add("GET", "/gateway", () => ok({ url: ctx.gatewayUrl() }), false)
    .add("GET", "/gateway/bot", () => {
      const { recommendedShards, maxConcurrency } = ctx.sharding();
      return ok({
        url: ctx.gatewayUrl(),
        shards: recommendedShards,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: maxConcurrency },
      });
    })
    .add("GET", "/users/@me", () => ok(ctx.botUser))
    // Opens (or returns) the DM channel with a user, as the bot does before messaging them.
    .add("POST", "/users/@me/channels", (rc) => {
      const id = isRecord(rc.json) ? rc.json.recipient_id : undefined;
      if (typeof id !== "string" || !/^\d{15,20}$/.test(id)) throw new ApiError(400, 50035, "Invalid Form Body");
      const known = ctx.guilds.dmOf(id)?.recipient;
      return ok(dmPayload(ctx.guilds.dmWith(known ?? { id, username: `user${id.slice(-4)}`, discriminator: "0", global_name: null, avatar: null })));
    })
    .add("GET", "/applications/@me", () => ok(ctx.application()))
    .add("GET", "/oauth2/applications/@me", () => ok(ctx.application()));

  addCommandRoutes(router, ctx);
  addGuildRoutes(router, ctx);
  addChannelRoutes(router, ctx);
  addWebhookRoutes(router, ctx);
  addThreadRoutes(router, ctx);
  return router;
}

function addCommandRoutes(router: Router, ctx: FakeContext): void {
  const scopeOf = (rc: RouteContext): string => {
    if (param(rc, "app") !== ctx.applicationId) throw new ApiError(403, 50001, "Missing Access");
    const guildId = rc.params.guild;
    if (guildId === undefined) return "global";
    if (!ctx.guilds.guild(guildId)) throw new ApiError(403, 50001, "Missing Access");
    return guildId;
  };
  const findCommand = (rc: RouteContext) => {
    const command = ctx.commands.list(scopeOf(rc)).find((c) => c.id === param(rc, "command"));
    if (!command) throw new ApiError(404, 10063, "Unknown application command");
    return command;
  };
  for (const base of ["/applications/:app/commands", "/applications/:app/guilds/:guild/commands"]) {
    router
      .add("GET", base, (rc) => ({ status: 200, body: ctx.commands.list(scopeOf(rc)) }))
      .add("PUT", base, (rc) => ({ status: 200, body: ctx.commands.overwrite(scopeOf(rc), rc.json ?? []) }))
      .add("POST", base, (rc) => ({ status: 201, body: ctx.commands.upsert(scopeOf(rc), rc.json) }))
      .add("GET", `${base}/:command`, (rc) => ({ status: 200, body: findCommand(rc) }))
      .add("PATCH", `${base}/:command`, (rc) => {
        const patched = ctx.commands.patch(scopeOf(rc), findCommand(rc).id, isRecord(rc.json) ? rc.json : {});
        return { status: 200, body: patched };
      })
      .add("DELETE", `${base}/:command`, (rc) => {
        if (!ctx.commands.remove(scopeOf(rc), param(rc, "command"))) throw new ApiError(404, 10063, "Unknown application command");
        return { status: 204 };
      });
  }
}

function addGuildRoutes(router: Router, ctx: FakeContext): void {
  const guildOf = (rc: RouteContext) => {
    const guild = ctx.guilds.guild(param(rc, "guild"));
    if (!guild) throw new ApiError(404, 10004, "Unknown Guild");
    return guild;
  };
  router
    .add("GET", "/guilds/:guild", (rc) => ({ status: 200, body: guildPayload(guildOf(rc)) }))
    .add("GET", "/guilds/:guild/channels", (rc) => ({
      status: 200,
      body: guildOf(rc)
        .channels.filter((c) => !c.thread)
        .map(channelPayload),
    }))
    .add("GET", "/guilds/:guild/roles", (rc) => ({
      status: 200,
      body: [...guildOf(rc).roles.values()].map(rolePayload),
    }))
    .add("GET", "/guilds/:guild/members/:user", (rc) => {
      const guild = guildOf(rc);
      const userId = param(rc, "user");
      if (userId !== ctx.botUser.id && userId !== "@me") throw new ApiError(404, 10007, "Unknown Member");
      return { status: 200, body: botMemberPayload(guild, ctx.botUser) };
    });
}
