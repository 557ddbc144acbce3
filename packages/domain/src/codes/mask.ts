/**
 * Masking for display and publication (行政处罚决定公示 and statistics show no full personal numbers).
 */

function maskMiddle(value: string, keepStart: number, keepEnd: number): string {
  if (value.length <= keepStart + keepEnd) return "*".repeat(value.length);
  return value.slice(0, keepStart) + "*".repeat(value.length - keepStart - keepEnd) + value.slice(-keepEnd);
}

/** "350402199001011234" → "3504**********1234": first four and last four kept. */
export function maskIdNumber(id: string): string {
  return maskMiddle(id.trim(), 4, 4);
}

/**
 * "13812345678" → "138****5678"; landlines keep the area code and the last four digits:
 * "0598-1234567" → "0598-***4567".
 */
export function maskPhone(phone: string): string {
  const p = phone.trim();
  const landline = /^(0\d{2,3}-)(\d+)$/.exec(p);
  if (landline) return landline[1] + maskMiddle(landline[2], 0, 4);
  return maskMiddle(p, 3, 4);
}

/** "张三" → "张*", "欧阳小明" → "欧***": the first character kept. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join("");
  return chars[0] + "*".repeat(chars.length - 1);
}
