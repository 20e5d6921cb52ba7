/**
 * The follow DMs' rules, quoted by the README's "Follow" section and by /follow's answer.
 * A follower's waiting events go out together once the oldest has waited the bundle window;
 * past the hourly cap they keep waiting and go out bundled in the next allowed DM — never dropped.
 */

/** How long the oldest waiting event waits for others to share its DM. */
export const FOLLOW_BUNDLE_MS = 2 * 60_000;

/** Most follow DMs one person gets in any hour. */
export const FOLLOW_DMS_PER_HOUR = 6;

/** Most events one DM lists; more wait for the next DM (which the hourly cap counts too). */
export const FOLLOW_EVENTS_PER_DM = 10;

/** How often the courier looks for new publications and DMs due. */
export const FOLLOW_TICK_MS = 5_000;

/** Attempts at one DM (other than a refusal that pauses) before it is given up. */
export const FOLLOW_MAX_ATTEMPTS = 10;

export const HOUR_MS = 60 * 60_000;
