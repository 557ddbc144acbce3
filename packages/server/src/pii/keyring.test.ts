import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../config";
import { blindIndexWith, decryptWith, encryptWith, keyringOf } from "./keyring";
import { normaliseIdNumber, normalisePhone, phoneIndex, idNumberIndex } from "./values";

const k = keyringOf(crypto.randomBytes(32));

describe("数据密钥与加密格式", () => {
  it("同一号码每次加密结果不同，密文带密钥标识，篡改或换密钥都读不出", () => {
    const a = encryptWith(k, "13912345678");
    const b = encryptWith(k, "13912345678");
    expect(a).not.toBe(b);
    expect(a.startsWith(`v2:${k.id}:`)).toBe(true);
    expect(decryptWith(k, a)).toBe("13912345678");
    const raw = Buffer.from(a.slice(20), "base64");
    raw[raw.length - 1] ^= 1;
    expect(() => decryptWith(k, `${a.slice(0, 20)}${raw.toString("base64")}`)).toThrow();
    expect(() => decryptWith(keyringOf(crypto.randomBytes(32)), a)).toThrow(/另一把数据密钥/);
  });

  it("旧版本的 v1 密文（直接用主密钥加密）仍可读", () => {
    const iv = crypto.randomBytes(12);
    const c = crypto.createCipheriv("aes-256-gcm", k.master, iv);
    const data = Buffer.concat([c.update("350421198506121230", "utf8"), c.final()]);
    expect(decryptWith(k, `v1:${Buffer.concat([iv, c.getAuthTag(), data]).toString("base64")}`)).toBe("350421198506121230");
  });

  it("盲索引：写法不同的同一号码索引相同；不同号码、不同密钥、电话与身份证号码互不相同", () => {
    expect(normalisePhone("+86 139-1234-5678")).toBe("13912345678");
    expect(normalisePhone("０５９８－２８１２３４５")).toBe("05982812345");
    expect(normaliseIdNumber("35042119850612123x")).toBe("35042119850612123X");
    expect(phoneIndex("139 1234 5678", k)).toBe(phoneIndex("13912345678", k));
    expect(phoneIndex("13912345679", k)).not.toBe(phoneIndex("13912345678", k));
    expect(phoneIndex("13912345678", keyringOf(crypto.randomBytes(32)))).not.toBe(phoneIndex("13912345678", k));
    expect(blindIndexWith(k, "phone", "350421198506121230")).not.toBe(idNumberIndex("350421198506121230", k));
    // The index key is not the encryption key (both derived, independent).
    expect(k.indexKey.equals(k.encKey)).toBe(false);
    expect(k.encKey.equals(k.master)).toBe(false);
  });

  it("KUANYAN_DATA_KEY 格式不对时拒绝启动，提示变量名而不回显其值；空值视为未设置", () => {
    try {
      loadConfig({ KUANYAN_DATA_KEY: "secret-but-wrong" });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as Error).message).toContain("KUANYAN_DATA_KEY");
      expect((err as Error).message).toContain("openssl rand -base64 32");
      expect((err as Error).message).not.toContain("secret-but-wrong");
    }
    expect(loadConfig({ KUANYAN_DATA_KEY: "", KUANYAN_KEY_FILE: "" })).toMatchObject({ dataKey: undefined, keyFile: undefined });
    const key = crypto.randomBytes(32).toString("base64");
    expect(loadConfig({ KUANYAN_DATA_KEY: key }).dataKey).toBe(key);
  });
});
