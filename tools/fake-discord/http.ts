/**
 * HTTP helpers: request bodies (JSON and multipart/form-data), API errors, JSON replies.
 *
 * @module
 */
import type { IncomingMessage, ServerResponse } from "node:http";

/** An uploaded file part (`files[n]`). */
export interface UploadedFile {
  field: string;
  filename: string;
  contentType: string;
  size: number;
  /** The bytes sent, so a test can read a file the bot uploaded. */
  data: Buffer;
}

/** A parsed request body. */
export interface ParsedBody {
  /** JSON body, or the `payload_json` part of a multipart body; `undefined` when empty. */
  json: unknown;
  files: UploadedFile[];
}

/** An error answered as Discord does: `{code, message}` (+ `errors` for form errors). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly errors?: Record<string, unknown>,
  ) {
    super(message);
  }

  /** The JSON body Discord would send. */
  body(): Record<string, unknown> {
    return this.errors ? { code: this.code, message: this.message, errors: this.errors } : { code: this.code, message: this.message };
  }
}

/** 400 Invalid Form Body with a single field error. */
export function formError(field: string, code: string, message: string): ApiError {
  return new ApiError(400, 50035, "Invalid Form Body", { [field]: { _errors: [{ code, message }] } });
}

/** Reads the whole request body. */
export function readRaw(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** Parses a request body according to its content type. */
export function parseBody(contentType: string | undefined, raw: Buffer): ParsedBody {
  if (raw.length === 0) return { json: undefined, files: [] };
  const type = contentType ?? "";
  if (type.startsWith("multipart/form-data")) return parseMultipart(type, raw);
  try {
    return { json: JSON.parse(raw.toString("utf8")) as unknown, files: [] };
  } catch {
    throw new ApiError(400, 50109, "The request body contains invalid JSON.");
  }
}

function parseMultipart(contentType: string, raw: Buffer): ParsedBody {
  const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary) throw new ApiError(400, 50035, "Invalid Form Body");
  const delimiter = Buffer.from(`--${boundary}`);
  const result: ParsedBody = { json: undefined, files: [] };
  let pos = raw.indexOf(delimiter);
  while (pos >= 0) {
    const start = pos + delimiter.length;
    if (raw.subarray(start, start + 2).toString() === "--") break;
    const next = raw.indexOf(delimiter, start);
    if (next < 0) break;
    const part = raw.subarray(start + 2, next - 2); // skip CRLF after delimiter and before next
    const headerEnd = part.indexOf("\r\n\r\n");
    if (headerEnd >= 0) {
      const headers = part.subarray(0, headerEnd).toString("utf8");
      const content = part.subarray(headerEnd + 4);
      const name = /name="([^"]*)"/i.exec(headers)?.[1] ?? "";
      const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
      const partType = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1] ?? "application/octet-stream";
      if (filename !== undefined) {
        result.files.push({ field: name, filename, contentType: partType, size: content.length, data: Buffer.from(content) });
      } else if (name === "payload_json") {
        try {
          result.json = JSON.parse(content.toString("utf8")) as unknown;
        } catch {
          throw new ApiError(400, 50109, "The request body contains invalid JSON.");
        }
      }
    }
    pos = next;
  }
  return result;
}

/** Writes a JSON (or empty 204) reply. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (body === undefined || status === 204) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** Narrows to a plain JSON object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Narrows the body to an object, else 400 Invalid Form Body. */
export function requireRecord(value: unknown): Record<string, unknown> {
  if (!isRecord(value)) throw new ApiError(400, 50035, "Invalid Form Body");
  return value;
}
