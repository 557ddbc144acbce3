/** Times the auth layer shows people are Beijing time (Asia/Shanghai), whatever the server's TZ. */
const TIME_ZONE = "Asia/Shanghai";

const parts = (d: Date) => {
  const f = new Intl.DateTimeFormat("en-CA", {
    timeZone: TIME_ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(d);
  const get = (t: string) => f.find((p) => p.type === t)!.value;
  return { y: get("year"), m: get("month"), d: get("day"), hh: get("hour"), mm: get("minute") };
};

/** "14:32" in Beijing time; "12月2日 14:32" when that is not the same Beijing day as `now`. */
export function beijingTime(at: Date, now: Date): string {
  const a = parts(at);
  const n = parts(now);
  const hm = `${a.hh}:${a.mm}`;
  return a.y === n.y && a.m === n.m && a.d === n.d ? hm : `${Number(a.m)}月${Number(a.d)}日 ${hm}`;
}
