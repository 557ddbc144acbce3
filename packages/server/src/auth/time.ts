import { chinaMinute } from "@kuanyan/domain/dates";

/** "14:32" in Beijing time; "12月2日 14:32" when that is not the same Beijing day as `now`. */
export function beijingTime(at: Date, now: Date): string {
  const a = chinaMinute(at); // YYYY-MM-DDTHH:mm in Asia/Shanghai
  const hm = a.slice(11);
  return a.slice(0, 10) === chinaMinute(now).slice(0, 10) ? hm : `${Number(a.slice(5, 7))}月${Number(a.slice(8, 10))}日 ${hm}`;
}
