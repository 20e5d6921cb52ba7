/** The audit log as plain text lines, for `npm run audit`. Pure. */
import type { AuditEntry, AuditValue } from "../../db/audit.ts";
import { VALUE_FIELDS } from "../editor/values.ts";

/** A logged value as it prints: a quoted text (lists joined), a number, or (none). */
export function auditValueText(v: AuditValue): string {
  if (v === null || (Array.isArray(v) && v.length === 0)) return "(none)";
  if (typeof v === "number") return String(v);
  return JSON.stringify(Array.isArray(v) ? v.join(", ") : v);
}

/** `2023-11-25 10:00:00Z` */
function stamp(at: number): string {
  return new Date(at)
    .toISOString()
    .replace("T", " ")
    .replace(/\.\d{3}Z$/, "Z");
}

/**
 * One change on one line: when (UTC), what, which event (story/key and its title then),
 * who, and each field as `field: "before" → "after"`.
 */
export function auditLine(e: AuditEntry): string {
  const known: string[] = VALUE_FIELDS.filter((f) => f in e.changes);
  const fields = [...known, ...Object.keys(e.changes).filter((f) => !known.includes(f))];
  const changes = fields.map((f) => `${f}: ${auditValueText(e.changes[f]!.before)} → ${auditValueText(e.changes[f]!.after)}`);
  const who = `${e.userName.replace(/\s+/g, " ")} (${e.userId})`;
  return [stamp(e.at), e.action.padEnd(6), `${e.storySlug}/${e.eventKey}`, JSON.stringify(e.eventTitle), `by ${who}`, changes.join("; ")]
    .filter(Boolean)
    .join("  ");
}
