/**
 * ID numbers (身份证号) of individual parties are stored encrypted (AES-256-GCM) with a key kept in
 * the settings table, created at first use; they are shown masked.
 */
import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "../db/client";
import { settings } from "../db/schema";

const KEY_NAME = "cases.id_number_key";

async function key(db: DbOrTx): Promise<Buffer> {
  await db.insert(settings).values({ key: KEY_NAME, value: crypto.randomBytes(32).toString("base64") }).onConflictDoNothing();
  const [row] = await db.select().from(settings).where(eq(settings.key, KEY_NAME));
  return Buffer.from(row.value, "base64");
}

/** "v1:" + base64(iv | tag | ciphertext). */
export async function encryptIdNumber(db: DbOrTx, idNumber: string): Promise<string> {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", await key(db), iv);
  const data = Buffer.concat([cipher.update(idNumber, "utf8"), cipher.final()]);
  return `v1:${Buffer.concat([iv, cipher.getAuthTag(), data]).toString("base64")}`;
}

export async function decryptIdNumber(db: DbOrTx, stored: string): Promise<string> {
  const raw = Buffer.from(stored.slice(3), "base64");
  const decipher = crypto.createDecipheriv("aes-256-gcm", await key(db), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}
