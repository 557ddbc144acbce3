import { hash, verify } from "@node-rs/argon2";

// argon2id (the library's default algorithm) with OWASP-recommended parameters.
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Password policy: at least 8 characters with letters and digits. Returns a Chinese reason or null. */
export function passwordProblem(password: string): string | null {
  if (password.length < 8) return "密码至少 8 位";
  if (password.length > 128) return "密码最多 128 位";
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) return "密码须同时包含字母和数字";
  return null;
}
