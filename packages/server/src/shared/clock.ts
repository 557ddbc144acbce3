/**
 * The server's one clock: every use case reads "now" from its context (`ctx.now()`, which tests
 * set) and the day or minute in China from here (pure arithmetic in @kuanyan/domain/dates, whatever
 * the server's own time zone).
 */
import { chinaDay, chinaMinute } from "@kuanyan/domain/dates";
import type { AppContext } from "../http/context";

/** Whatever carries the clock: the application context, or a test's stand-in. */
export type Clock = Pick<AppContext, "now">;

/** The real clock of a running server. */
export const systemClock = (): Date => new Date();

/** Today's date in China (YYYY-MM-DD), from the context's clock. */
export function today(ctx: Clock): string {
  return chinaDay(ctx.now());
}

/** The current minute in China (YYYY-MM-DDTHH:mm), from the context's clock. */
export function nowMinute(ctx: Clock): string {
  return chinaMinute(ctx.now());
}
