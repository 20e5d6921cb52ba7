import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventHistory } from "../db/audit.ts";
import { eventStanding } from "../db/event-sources.ts";
import { eventIdByKey } from "../db/newsroom.ts";
import { getStoryBySlug } from "../db/stories.ts";
import { BUNDLED_STORY } from "../src/config.ts";
import { SANDBOX_USER_ID } from "../tools/fake-discord/index.ts";
import { startTestBot, textOf, type TestBot } from "./helpers/bot.ts";

const OUTSIDER = { id: "1310000000000000077", username: "outsider" };

let t: TestBot;
let storyId: number;
beforeAll(async () => {
  t = await startTestBot({ config: { EDITOR_USER_IDS: [SANDBOX_USER_ID] } });
  storyId = getStoryBySlug(t.db, BUNDLED_STORY)!.id;
});
afterAll(async () => {
  await t.stop();
});

const status = async (options: Record<string, string>, user?: typeof OUTSIDER) =>
  (await t.fake.command({ name: "editor", subcommand: "status", options, user, admin: true })).settled();
const eventText = async (key: string) => textOf((await (await t.fake.command({ name: "event", options: { id: key } })).settled()).reply);

describe("/editor status", () => {
  it("sets a status with a note, shown by /event and logged in the event's history; back to its sources clears it", async () => {
    const ev = eventIdByKey(t.db, storyId, "altman-fired")!;
    const before = eventHistory(t.db, storyId, ev.id).total;
    const out = await status({ id: "altman-fired", status: "disputed", note: "The board's reasons are contested." });
    expect(out.ephemeral).toBe(true);
    expect(textOf(out.reply)).toContain("⚠ disputed");
    expect(eventStanding(t.db, ev.id)).toMatchObject({ status: "disputed", note: "The board's reasons are contested." });
    const shown = await eventText("altman-fired");
    expect(shown).toContain("⚠ disputed");
    expect(shown).toContain("The board's reasons are contested.");
    const log = eventHistory(t.db, storyId, ev.id);
    expect(log.total).toBe(before + 1);
    expect(log.entries[0]).toMatchObject({ action: "edit", userId: SANDBOX_USER_ID, changes: { status: { before: null, after: "disputed" } } });

    expect(textOf((await status({ id: "altman-fired", status: "disputed", note: "The board's reasons are contested." })).reply)).toContain("already");
    await status({ id: "altman-fired", status: "sources" });
    expect(eventStanding(t.db, ev.id)).toMatchObject({ note: null });
    expect(["reported", "corroborated"]).toContain(eventStanding(t.db, ev.id).status);
  });

  it("refuses someone who is not an editor and an unknown event, changing nothing", async () => {
    const ev = eventIdByKey(t.db, storyId, "brockman-quits")!;
    const refused = await status({ id: "brockman-quits", status: "confirmed" }, OUTSIDER);
    expect(textOf(refused.reply)).toContain("editor");
    expect(eventStanding(t.db, ev.id).status).not.toBe("confirmed");
    const unknown = await status({ id: "no-such-event-here", status: "confirmed" });
    expect(unknown.ephemeral).toBe(true);
    expect(textOf(unknown.reply)).not.toContain("saved");
  });
});
