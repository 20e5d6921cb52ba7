/**
 * Run as its own process by test/alerts-crash.test.ts: the real bot against the test's fake
 * Discord (DISCORD_API_BASE) on the database file DATABASE_PATH, with the alert courier, which
 * kills this process (SIGKILL, no cleanup) right after Discord confirmed an alert and before
 * the ledger could record it.
 */
import { openDatabase } from "../../db/index.ts";
import { startBot } from "../../src/bot/app.ts";
import { loadConfig } from "../../src/config.ts";
import { startAlertCourier } from "../../src/courier/alert-courier.ts";
import { createLogger } from "../../src/log.ts";

const config = loadConfig(process.env);
const db = openDatabase(config.DATABASE_PATH);
const bot = await startBot({ config, db, log: createLogger("info"), token: config.DISCORD_TOKEN ?? "" });
process.stdout.write("child ready\n");
const courier = startAlertCourier({
  client: bot.client,
  ctx: bot.ctx,
  schedule: false,
  hooks: { afterSend: () => process.kill(process.pid, "SIGKILL") },
});
// The test adds the event once the child is ready; look for it until killed.
for (;;) {
  await courier.tick();
  await new Promise((r) => setTimeout(r, 50));
}
