import type { Lang, Localized } from "../../db/types.ts";

/**
 * The reply language for a Discord locale: any Chinese locale (`zh-CN`, `zh-TW`, `zh`,
 * `zh_HK`, `zh-Hant`…) is "zh"; everything else, including a missing locale, is "en".
 */
export function langFromLocale(locale: string | null | undefined): Lang {
  return locale && /^zh(?:$|[-_])/i.test(locale.trim()) ? "zh" : "en";
}

/** The other of the two languages. */
export function otherLang(lang: Lang): Lang {
  return lang === "zh" ? "en" : "zh";
}

function present(text: string | null): string | null {
  const s = text?.trim();
  return s ? s : null;
}

/**
 * A localized text in `lang`, falling back to the other language when it is missing or
 * blank; trimmed. Returns "" only when both are missing, so required texts should go
 * through {@link pickOr} instead of relying on that.
 */
export function pick(text: Localized, lang: Lang): string {
  return present(text[lang]) ?? present(text[otherLang(lang)]) ?? "";
}

/** Like {@link pick}, but returns `fallback` when the text is missing in both languages. */
export function pickOr(text: Localized, lang: Lang, fallback: string): string {
  return pick(text, lang) || fallback;
}

/**
 * The text in the other language when it exists and differs from `pick(text, lang)`;
 * otherwise null. Used to show a name in both languages.
 */
export function pickOther(text: Localized, lang: Lang): string | null {
  const first = pick(text, lang);
  const second = present(text[otherLang(lang)]);
  return second && second !== first ? second : null;
}
