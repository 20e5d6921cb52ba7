/** The worker thread of src/feeds/read-feed.ts: reads one large feed body. */
import { serveWorker } from "../story/worker.ts";
import { readReply } from "./read-feed.ts";

serveWorker(readReply);
