import { describe, expect, it } from "vitest";
import { ArgsError, parseArgs } from "./args";

describe("the CLI's argument parsing (node:util parseArgs)", () => {
  it("start: --port, --data-dir, --host in both spellings, --demo / --no-demo, --quiet", () => {
    expect(parseArgs(["start", "--port", "3000", "--data-dir", "/srv/kuanyan", "--no-demo"])).toEqual({
      positional: ["start"],
      flags: { port: "3000", "data-dir": "/srv/kuanyan", demo: false },
    });
    expect(parseArgs(["--host=0.0.0.0", "--demo", "--quiet"])).toEqual({ positional: [], flags: { host: "0.0.0.0", demo: true, quiet: true } });
  });

  it("a value may contain '=' and a lone '-' (stdin) is a value", () => {
    expect(parseArgs(["start", "--data-dir=/data/a=b"]).flags).toEqual({ "data-dir": "/data/a=b" });
    expect(parseArgs(["decide", "--input", "-", "--compact"])).toEqual({ positional: ["decide"], flags: { input: "-", compact: true } });
  });

  it("every command's options: migrate, demo-data, backup, restore, keys, audit", () => {
    expect(parseArgs(["migrate", "--data-dir", "d"])).toEqual({ positional: ["migrate"], flags: { "data-dir": "d" } });
    expect(parseArgs(["demo-data", "--count", "10", "--from", "2025-01-01", "--to", "2025-12-31", "--tag", "T1", "--batch", "5"]).flags).toEqual({
      count: "10",
      from: "2025-01-01",
      to: "2025-12-31",
      tag: "T1",
      batch: "5",
    });
    expect(parseArgs(["backup", "--out", "备份.dump", "--force"])).toEqual({ positional: ["backup"], flags: { out: "备份.dump", force: true } });
    expect(parseArgs(["restore", "--in", "备份.dump"])).toEqual({ positional: ["restore"], flags: { in: "备份.dump" } });
    expect(parseArgs(["keys", "rotate", "--data-dir", "d", "--new-key-file", "new.key"])).toEqual({
      positional: ["keys", "rotate"],
      flags: { "data-dir": "d", "new-key-file": "new.key" },
    });
    expect(parseArgs(["keys", "export", "--key-file", "k.key"])).toEqual({ positional: ["keys", "export"], flags: { "key-file": "k.key" } });
    expect(parseArgs(["audit", "verify", "--checkpoints", "c.jsonl"])).toEqual({
      positional: ["audit", "verify"],
      flags: { checkpoints: "c.jsonl" },
    });
    expect(parseArgs(["audit", "checkpoint"])).toEqual({ positional: ["audit", "checkpoint"], flags: {} });
  });

  it("拼错的选项报中文错误并列出可用选项，而不是被悄悄忽略", () => {
    expect(() => parseArgs(["start", "--prot", "3000"])).toThrow(ArgsError);
    expect(() => parseArgs(["start", "--prot", "3000"])).toThrow(/未知选项 --prot。可用选项：.*--port/);
  });

  it("缺少取值的选项报中文错误（--out 后紧跟另一个选项也算缺少）", () => {
    expect(() => parseArgs(["backup", "--out"])).toThrow("选项 --out 需要一个取值");
    expect(() => parseArgs(["backup", "--out", "--force"])).toThrow("选项 --out 需要一个取值");
  });

  it("开关选项不带取值，只有 --demo 可以写成 --no-demo", () => {
    expect(() => parseArgs(["restore", "--in", "b", "--force=yes"])).toThrow("选项 --force 不带取值");
    expect(() => parseArgs(["restore", "--in", "b", "--no-force"])).toThrow("选项 --no-force 不存在");
  });
});
