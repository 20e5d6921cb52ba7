/**
 * The time-zone option (`/recap schedule timezone:`): suggestions as someone types and the
 * reading of a typed value, both from src/recap/zones.ts, so what the list offers is what
 * the command accepts.
 */
import type { Lang } from "../../db/types.ts";
import { UserError } from "../context.ts";
import { t } from "../i18n/index.ts";
import { offsetLabel, resolveZone, zoneSuggestions } from "../recap/zones.ts";
import { fitChoices, type Choice } from "../render/index.ts";
import { clip } from "../render/format.ts";
import { cleanText } from "../command-kit/options.ts";

/** The zone a typed value names, as stored ("Asia/Shanghai", "UTC+08:00"); a clear refusal otherwise. */
export function zoneFromOption(value: string, lang: Lang): string {
  const typed = cleanText(value);
  const zone = resolveZone(typed);
  if (!zone) throw new UserError(t(lang).recap.badZone(clip(typed.replace(/\s+/g, " ").trim(), 60) || "…"));
  return zone;
}

/**
 * Choices for what has been typed, each with its offset at `at`: "上海 · Asia/Shanghai
 * (UTC+08:00)", "UTC+05:30"; the value is the zone as stored.
 */
export function zoneAutocomplete(typed: string, at: number): Choice[] {
  return fitChoices(
    zoneSuggestions(cleanText(typed)).map(({ zone, city }) => {
      const offset = offsetLabel(zone, at);
      const name = offset === zone.replace("-", "−") ? zone : `${zone} (${offset})`;
      return { name: city ? `${city} · ${name}` : name, value: zone };
    }),
  );
}
