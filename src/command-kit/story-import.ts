/**
 * `/story import file:`: an uploaded story file read, validated and written exactly as
 * `npm run import` does (src/story/import.ts): every problem named by its path, nothing
 * written on refusal. Before that, what is not worth downloading is refused by what Discord
 * says of it (empty, over 1 MB, not .yaml/.yml/.json or an image), and the download itself
 * stops at 1 MB whatever the stated size. The import and its audit row share a transaction,
 * run in a worker thread (src/story/import-worker.ts) so that other commands are answered meanwhile.
 */
import { extname } from "node:path";
import type { ChatInputCommandInteraction } from "discord.js";
import type { Lang } from "../../db/types.ts";
import type { BotContext } from "../context.ts";
import { md, t } from "../i18n/index.ts";
import { renderRefusal } from "../render/people.ts";
import { replyOptions } from "../render/index.ts";
import { describeImport, describeRefusal } from "../story/import.ts";
import type { UploadResult } from "../story/import-jobs.ts";
import { ImportStoppedError, runImport } from "../story/import-worker.ts";
import { formatBytes } from "../story/limits.ts";
import { fetchUpload } from "../story/upload.ts";
import { actorOf, requireEditor } from "./editor.ts";

/** The most an uploaded story file may hold. */
export const UPLOAD_MAX_BYTES = 1024 * 1024;
const DOWNLOAD_TIMEOUT_MS = 15_000;
const STORY_EXTENSIONS = new Set([".yaml", ".yml", ".json"]);

export async function importUpload(i: ChatInputCommandInteraction, ctx: BotContext, lang: Lang): Promise<void> {
  requireEditor(i, ctx, lang);
  const s = t(lang).people.import;
  const file = i.options.getAttachment("file", true);
  const name = file.name.slice(0, 100);
  const refuse = (problems: string[]) => i.reply(replyOptions(renderRefusal(s.refused, problems, lang))).then(() => undefined);
  const type = (file.contentType ?? "").toLowerCase();
  if (!STORY_EXTENSIONS.has(extname(name).toLowerCase()) || /^(image|video|audio)\//.test(type)) return refuse([s.notStory(name)]);
  if (file.size === 0) return refuse([s.empty(name)]);
  if (file.size > UPLOAD_MAX_BYTES) return refuse([s.tooBig(name, formatBytes(file.size), formatBytes(UPLOAD_MAX_BYTES))]);
  await i.deferReply({ flags: "Ephemeral" });
  const answer = async (head: string, lines: string[]) => {
    const r = renderRefusal(head, lines, lang);
    await i.editReply({ content: r.content ?? "", components: [] });
  };
  const read = await fetchUpload(file.url, { maxBytes: UPLOAD_MAX_BYTES, timeoutMs: DOWNLOAD_TIMEOUT_MS });
  if (!read.ok)
    return answer(s.refused, [read.problem === "tooBig" ? s.tooBig(name, `> ${formatBytes(UPLOAD_MAX_BYTES)}`, formatBytes(UPLOAD_MAX_BYTES)) : s.unreachable]);
  if (read.bytes.length === 0) return answer(s.refused, [s.empty(name)]);
  let done: UploadResult;
  try {
    done = await runImport(
      ctx.db,
      { kind: "upload", name, bytes: read.bytes, now: ctx.now(), actor: actorOf(i) },
      { maxHeapMb: ctx.config.IMPORT_WORKER_MAX_MB },
    );
  } catch (err) {
    if (!(err instanceof ImportStoppedError)) throw err;
    ctx.log.error({ err, name, userId: i.user.id }, "story import stopped");
    return answer(s.refused, [s.stopped]);
  }
  if (!done.parsed) return answer(s.refused, describeRefusal({ path: name, problems: done.problems }).map(md));
  const outcome = done.outcome;
  if (!outcome.ok) return answer(s.refused, outcome.refusals.flatMap(describeRefusal).map(md));
  ctx.log.info({ slug: outcome.results[0]?.slug, userId: i.user.id, bytes: read.bytes.length }, "editor imported a story file");
  await answer(s.imported, outcome.results.map(describeImport).map(md));
}
