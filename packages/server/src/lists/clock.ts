import type { AppContext } from "../http/context";

const fmt = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" });

/** Today's date in China (YYYY-MM-DD), from the context's clock. */
export function today(ctx: Pick<AppContext, "now">): string {
  return fmt.format(ctx.now());
}
