/**
 * ID numbers (身份证号) of individual parties are stored encrypted (AES-256-GCM) with the data key,
 * which comes from the environment or a key file, never from the database (src/pii); they are shown
 * masked and found through a blind index.
 */
import type { DbOrTx } from "../db/client";
import { decryptValue, encryptValue } from "../pii/keyring";

/** "v2:<key id>:" + base64(iv | tag | ciphertext); values of the previous version ("v1:") stay readable. */
export async function encryptIdNumber(_db: DbOrTx, idNumber: string): Promise<string> {
  return encryptValue(idNumber);
}

export async function decryptIdNumber(_db: DbOrTx, stored: string): Promise<string> {
  return decryptValue(stored);
}
