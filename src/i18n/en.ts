/**
 * Every user-facing English string. `zh.ts` is typed as {@link Strings}, so a key missing
 * there is a compile error. Strings with parameters are functions. A parameter holding text
 * from users, story files or feeds (a name, a title, what was typed) is escaped here, with
 * `md()`, so callers pass it as it is (cut to length); callers never escape. Parameters
 * that are already Markdown (Discord timestamps, mentions, links, lists built from these
 * strings) are placed as given.
 */
import { joinList } from "./list.ts";
import { code, md } from "./markdown.ts";

// Month abbreviations for calendar dates.
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** English strings; the reference shape for every language. */
export const en = {
  brand: "Storyline",
  /** The outbox marker printed in every recap, alert and follow DM (a footer: plain text), so a restart can find what it sent. */
  delivery: { ref: (marker: string) => `ref ${marker}` },
  help: {
    title: "Storyline — help",
    intro: "Storyline follows a developing news story, in English and Chinese: who is who, what happened when, what people said and where it was reported.",
    following: (title: string) => `This server follows **${md(title)}**.`,
    noStory: "This server doesn't follow a story yet. Someone with Manage Server can pick one with `/story use`.",
    commands: "Commands",
    managers: "For server managers",
    editors: "For story editors",
    language: "Replies follow your Discord language: Chinese for zh-CN and zh-TW, English otherwise.",
  },
  errors: {
    generic: (id: string) => `Something went wrong on our side (error id ${md(id)}). Please try again.`,
    expired: "This button has expired or is not valid any more. Run the command again.",
    badDate: (value: string) => `“${md(value)}” is not a date. Use the format YYYY-MM-DD, for example 2023-11-20.`,
    badRange: "The start date is after the end date.",
    needManageGuild: "You need the Manage Server permission to do that.",
    guildOnly: "This command only works in a server.",
    storyNotFound: (slug: string) => `There is no story called “${md(slug)}”. See \`/story list\`.`,
    noStory: "This server doesn't follow a story yet. Someone with Manage Server can pick one with `/story use`.",
    eventNotFound: (id: string) => `There is no event “${md(id)}” in this story.`,
    dbBusy: "Storyline's database is busy with another change right now, so nothing was saved. Please try again in a moment.",
    dbReadOnly: "Storyline cannot save changes right now (its database is read-only), so nothing was saved. Please tell the bot's operator.",
  },
  who: {
    noMatch: (typed: string, story: string) => `Nobody called “${md(typed)}” appears in **${md(story)}**.`,
    closest: "Closest names:",
    tryOther: "Try another spelling, or `/search` for words in the events.",
    choose: (n: number) => `${n} names match. Which one do you mean?`,
    moreMatches: (n: number) => `…and ${n} more. Type more of the name to narrow it down.`,
    mentions: (n: number) => (n === 1 ? "Mentioned in 1 event." : `Mentioned in ${n} events.`),
    part: "Their part in the story",
    noEvents: "No events mention them yet.",
  },
  latest: {
    title: "Latest",
    titleAdded: "Newest additions",
    empty: "No events yet.",
  },
  timeline: {
    title: "Timeline",
    empty: "No events to show.",
    emptyFiltered: (label: string) => `No events for ${md(label)}.`,
    total: (n: number) => (n === 1 ? "1 event" : `${n} events`),
    since: (day: string) => `${day} and later`,
    until: (day: string) => `${day} and earlier`,
    range: (from: string, to: string) => `${from} – ${to}`,
  },
  event: {
    pickHint: "Start typing in the option and pick an event from the list, or find it with `/search`.",
  },
  search: {
    title: (query: string) => `Search: ${md(query)}`,
    count: (shown: number, total: number) =>
      shown === total ? `${total} ${total === 1 ? "match" : "matches"}, newest first.` : `Newest ${shown} of ${total} matches.`,
    none: (query: string, story: string) => `Nothing in **${md(story)}** matches “${md(query)}”.`,
    noneHint: "Try another spelling or fewer words, or look someone up by name with `/who`.",
  },
  stories: {
    title: "Stories",
    active: "followed here",
    events: (n: number) => (n === 1 ? "1 event" : `${n} events`),
    hint: "Switch stories with `/story use`.",
    none: "No stories are loaded.",
    valid: (slugs: readonly string[]) => `Stories you can follow: ${joinList(slugs.map(code), "en") || "—"}.`,
    switched: (title: string) => `This server now follows **${md(title)}**.`,
  },
  kinds: {
    person: "Person",
    organization: "Organization",
    place: "Place",
    other: "Other",
  },
  labels: {
    sources: "Sources",
    quotes: "Quotes",
    people: "People",
    organizations: "Organizations",
    others: "Also involved",
    when: "When",
    role: "Role",
    events: "Events",
    summary: "Summary",
    fullTimeline: "Full timeline",
    previous: "Previous",
    next: "Next",
    page: (page: number, pages: number) => `Page ${page} of ${pages}`,
    andMore: (n: number) => `…and ${n} more`,
    important: "major development",
    unknownSpeaker: "Unattributed",
    untitled: "(untitled)",
    unnamed: "(unnamed)",
  },
  dates: {
    /** A calendar date; month is 1–12. */
    day: (year: number, month: number, day: number) => `${MONTHS[month - 1] ?? month} ${day}, ${year}`,
  },
};

/** The shape every language's strings must have. */
export type Strings = typeof en;
