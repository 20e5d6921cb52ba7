/**
 * The story pages in their own process for the web bench, so the load it measures is not
 * sharing an event loop with the clients: `tsx tools/bench/web-child.ts <dbPath> <cache:1|0>`
 * prints the server's address on one line, then serves until killed.
 */
import { startWebServer } from "../../src/web/server.ts";
import { createLogger } from "../../src/log.ts";

const [databasePath = "", cache = "1"] = process.argv.slice(2);
const server = await startWebServer({ host: "127.0.0.1", port: 0, databasePath, log: createLogger("silent"), cache: cache === "1" });
process.stdout.write(`${server.localUrl}\n`);
process.once("SIGTERM", () => void server.close().then(() => process.exit(0)));
