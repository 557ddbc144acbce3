/**
 * `kuanyan decide [--input FILE] [--data-dir DIR]`: reads a decision input (JSON) from the file or
 * from stdin, evaluates it on the embedded database (or DATABASE_URL) without the server running,
 * and prints the decision as JSON. Exit codes: 0 decided, 2 bad input, 1 other failure.
 */
import fs from "node:fs";
import { openDatabase, prepareDatabase } from "../bootstrap";
import { decide } from "../decisions/decide";
import { DomainError } from "@kuanyan/domain/errors";
import { configFromFlags } from "./start";

async function readStdin(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stdin) chunks.push(typeof c === "string" ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

export interface DecideIo {
  stdin?: NodeJS.ReadableStream;
  out?: (text: string) => void;
  err?: (text: string) => void;
}

/** Runs the command; returns the exit code (the caller exits). */
export async function run(flags: Record<string, string | boolean>, io: DecideIo = {}): Promise<number> {
  const out = io.out ?? ((t: string) => void process.stdout.write(t));
  const err = io.err ?? ((t: string) => void process.stderr.write(t));
  let text: string;
  try {
    text = typeof flags.input === "string" && flags.input !== "-" ? fs.readFileSync(flags.input, "utf8") : await readStdin(io.stdin ?? process.stdin);
  } catch (e) {
    err(`无法读取输入文件：${(e as Error).message}\n`);
    return 2;
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    err("输入不是有效的 JSON（决策输入的结构见 docs/decision-input.schema.json）\n");
    return 2;
  }
  const { database, release } = await openDatabase(configFromFlags(flags));
  try {
    await prepareDatabase(database);
    const decision = await decide(database.db, input);
    out(`${JSON.stringify(decision, null, flags.compact === true ? undefined : 2)}\n`);
    return 0;
  } catch (e) {
    if (e instanceof DomainError) {
      err(`${JSON.stringify({ code: e.code, message: e.message, fields: e.details ?? [] }, null, 2)}\n`);
      return 2;
    }
    throw e;
  } finally {
    await database.close();
    release();
  }
}
