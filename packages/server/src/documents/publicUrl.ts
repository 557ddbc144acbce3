/**
 * The verification QR code printed on every issued document encodes KUANYAN_PUBLIC_URL, or — when it
 * is not set — the address the officer's browser used, often http://localhost:…, which is then frozen
 * into the hashed PDF and useless to the party who scans it. The server warns at start-up and the
 * seal/settings page shows the same warning.
 */
import type { Config } from "../config";

export const PUBLIC_URL_WARNING =
  "未设置 KUANYAN_PUBLIC_URL（对外访问网址）：文书二维码将使用当前访问地址（如 http://localhost），签发后无法更改，当事人扫码无法核验。请在启动前设置 KUANYAN_PUBLIC_URL，例如 https://kuanyan.example.gov.cn";

export interface PublicUrlStatus {
  /** Whether KUANYAN_PUBLIC_URL is set. */
  configured: boolean;
  /** What the QR code of a document issued now would encode (before /verify/…). */
  verificationBase: string;
  /** The Chinese warning when not configured. */
  warning: string | null;
}

export function publicUrlStatus(config: Pick<Config, "publicUrl">, requestBase: string): PublicUrlStatus {
  const configured = !!config.publicUrl;
  return { configured, verificationBase: config.publicUrl ?? requestBase, warning: configured ? null : PUBLIC_URL_WARNING };
}

/** Logs the warning once at start-up when the public URL is not set. */
export function warnIfNoPublicUrl(log: { warn: (msg: string) => void }, config: Pick<Config, "publicUrl">): boolean {
  if (config.publicUrl) return false;
  log.warn(PUBLIC_URL_WARNING);
  return true;
}
