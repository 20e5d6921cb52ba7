/**
 * The 429s discord.js waited out and retried inside one delivery. They are not failures, so
 * without counting them they would leave no trace; `/recap log` shows them ("rate limited
 * twice, retried"). Counted by the channel posted to (`/channels/<id>/messages`, or
 * `/channels/<id>/threads` for a forum post) while a delivery to it is running.
 */
import { RESTEvents, type APIRequest, type Client, type ResponseLike } from "discord.js";

const channelOf = (path: string) => /^\/channels\/(\d+)\/(?:messages|threads)$/.exec(path)?.[1];

export class RateLimitCounter {
  private readonly counts = new Map<string, number>();
  private readonly onResponse = (request: APIRequest, response: ResponseLike) => {
    const id = channelOf(request.path);
    const n = id === undefined ? undefined : this.counts.get(id);
    if (id !== undefined && n !== undefined && response.status === 429) this.counts.set(id, n + 1);
  };

  /** Listens to `client`'s REST responses until the returned function is called (once per batch of deliveries). */
  watch(client: Client): () => void {
    client.rest.on(RESTEvents.Response, this.onResponse);
    return () => client.rest.off(RESTEvents.Response, this.onResponse);
  }

  /** Starts counting posts to `channelId` from zero. */
  begin(channelId: string): void {
    this.counts.set(channelId, 0);
  }

  /** The 429s on posts to `channelId` since `begin` (0 when not counting). */
  count(channelId: string): number {
    return this.counts.get(channelId) ?? 0;
  }

  end(channelId: string): void {
    this.counts.delete(channelId);
  }
}
