/**
 * The data key and what is derived from it. The master key (32 random bytes) comes from the
 * environment or a key file (keySource.ts), never from the database. From it, by HKDF-SHA256:
 *   - the encryption key (AES-256-GCM) of personal numbers (ID numbers, phones);
 *   - the blind-index key (HMAC-SHA256) that makes exact search possible without the clear value;
 *   - the key id, a short fingerprint stored with every ciphertext and in the settings table, so a
 *     wrong key is refused at start instead of writing data nobody can read later.
 * Values written before this version ("v1:") were encrypted with the master key itself.
 */
import crypto from "node:crypto";

export interface Keyring {
  /** 16 hex digits, not secret. */
  readonly id: string;
  readonly master: Buffer;
  readonly encKey: Buffer;
  readonly indexKey: Buffer;
}

function derive(master: Buffer, info: string): Buffer {
  return Buffer.from(crypto.hkdfSync("sha256", master, Buffer.alloc(0), Buffer.from(info, "utf8"), 32));
}

export function keyringOf(master: Buffer): Keyring {
  if (master.length !== 32) throw new Error("数据密钥应为 32 字节");
  return {
    id: derive(master, "kuanyan/key-id/v1").subarray(0, 8).toString("hex"),
    master,
    encKey: derive(master, "kuanyan/encrypt/v2"),
    indexKey: derive(master, "kuanyan/blind-index/v1"),
  };
}

/** Parses "base64 of 32 bytes" (as `openssl rand -base64 32` prints it); null when it is not one. */
export function parseKey(text: string): Buffer | null {
  const t = text.trim();
  if (!/^[A-Za-z0-9+/]{43}=$/.test(t)) return null;
  const b = Buffer.from(t, "base64");
  return b.length === 32 ? b : null;
}

let active: Keyring | null = null;

/** The key of this process, installed at start (bootstrap, tests) before any personal number is read or written. */
export function installKeyring(k: Keyring): void {
  active = k;
}

export function activeKeyring(): Keyring {
  if (!active) throw new Error("数据密钥尚未加载（启动时由 KUANYAN_DATA_KEY 或 KUANYAN_KEY_FILE 提供）");
  return active;
}

/** "v2:<key id>:" + base64(iv | tag | ciphertext). */
export function encryptWith(k: Keyring, plain: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", k.encKey, iv);
  cipher.setAAD(Buffer.from(k.id, "utf8"));
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return `v2:${k.id}:${Buffer.concat([iv, cipher.getAuthTag(), data]).toString("base64")}`;
}

export function decryptWith(k: Keyring, stored: string): string {
  let key: Buffer;
  let body: string;
  let aad: Buffer | null = null;
  if (stored.startsWith("v1:")) {
    key = k.master;
    body = stored.slice(3);
  } else if (stored.startsWith("v2:")) {
    const id = stored.slice(3, 19);
    if (id !== k.id) throw new Error(`该数据由另一把数据密钥（${id}）加密，当前密钥为 ${k.id}`);
    key = k.encKey;
    aad = Buffer.from(id, "utf8");
    body = stored.slice(20);
  } else {
    throw new Error("无法识别的加密数据格式");
  }
  const raw = Buffer.from(body, "base64");
  const decipher = crypto.createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
  if (aad) decipher.setAAD(aad);
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}

/** The key id a ciphertext names ("v1" values: null, they carry none). */
export function keyIdOf(stored: string): string | null {
  return stored.startsWith("v2:") ? stored.slice(3, 19) : null;
}

export type IndexKind = "phone" | "id_number";

/** HMAC-SHA256 over the normalised value, with the kind as a prefix (a phone never equals an ID number). */
export function blindIndexWith(k: Keyring, kind: IndexKind, normalised: string): string {
  return crypto.createHmac("sha256", k.indexKey).update(`${kind}\u0000${normalised}`, "utf8").digest("base64url");
}

export const encryptValue = (plain: string) => encryptWith(activeKeyring(), plain);
export const decryptValue = (stored: string) => decryptWith(activeKeyring(), stored);
export const blindIndex = (kind: IndexKind, normalised: string) => blindIndexWith(activeKeyring(), kind, normalised);
