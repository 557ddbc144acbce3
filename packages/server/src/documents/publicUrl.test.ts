import { describe, expect, it } from "vitest";
import { PUBLIC_URL_WARNING, publicUrlStatus, warnIfNoPublicUrl } from "./publicUrl";

describe("未设置 KUANYAN_PUBLIC_URL 时文书二维码指向 localhost", () => {
  it("启动时记录中文警告；设置了对外网址则不警告", () => {
    const logged: string[] = [];
    const log = { warn: (m: string) => logged.push(m) };
    expect(warnIfNoPublicUrl(log, {})).toBe(true);
    expect(logged).toEqual([PUBLIC_URL_WARNING]);
    expect(logged[0]).toMatch(/未设置 KUANYAN_PUBLIC_URL/);
    expect(warnIfNoPublicUrl(log, { publicUrl: "https://kuanyan.example.gov.cn" })).toBe(false);
    expect(logged).toHaveLength(1);
  });

  it("设置页得知二维码将编码的地址和是否已设置", () => {
    expect(publicUrlStatus({}, "http://localhost:3000")).toEqual({
      configured: false,
      verificationBase: "http://localhost:3000",
      warning: PUBLIC_URL_WARNING,
    });
    expect(publicUrlStatus({ publicUrl: "https://kuanyan.example.gov.cn" }, "http://localhost:3000")).toEqual({
      configured: true,
      verificationBase: "https://kuanyan.example.gov.cn",
      warning: null,
    });
  });
});
