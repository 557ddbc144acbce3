#!/usr/bin/env node
/**
 * The product's command line: `kuanyan <command>`.
 *   start [--port N] [--data-dir DIR] [--demo|--no-demo]   serve the console and API
 *   migrate                                                  create/upgrade the database schema
 *   decide [--input FILE]                                    evaluate a decision input (JSON) → decision (JSON)
 *   demo-data [--count N] [--from DATE] [--to DATE]          create synthetic demo cases (marked as demo)
 *   backup --out FILE / restore --in FILE [--force]          back up / restore the database (backup.ts)
 *   keys new|rotate|export                                   the data key (src/cli/keys.ts)
 *   audit verify [--checkpoints FILE] | audit checkpoint     check the audit hash chain / export a checkpoint
 */
import { ArgsError, parseArgs } from "./args";
import { startCommand, configFromFlags } from "./start";
import { scrubError } from "../http/log";

function parseCommandLine(): ReturnType<typeof parseArgs> {
  try {
    return parseArgs(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof ArgsError)) throw err;
    console.error(err.message);
    process.exit(2);
  }
}
const { positional, flags } = parseCommandLine();
const command = positional[0] ?? "start";

async function main() {
  switch (command) {
    case "start":
      return startCommand(flags);
    case "migrate": {
      const { openDatabase, prepareDatabase } = await import("../bootstrap");
      const { database, release } = await openDatabase(configFromFlags(flags));
      await prepareDatabase(database);
      await database.close();
      release();
      console.log("数据库已是最新结构。");
      return;
    }
    case "decide": {
      const { run } = await import("./decide");
      return process.exit(await run(flags));
    }
    case "demo-data": {
      const { run } = await import("../demo-data/command");
      await run(flags);
      return;
    }
    case "backup":
    case "restore":
      return (await import("./backup")).run(command, flags);
    case "keys":
      return (await import("./keys")).run(positional, flags);
    case "audit":
      return process.exit(await (await import("./audit")).run(positional.slice(1), flags));
    default:
      console.error(`未知命令：${command}\n可用命令：start、migrate、decide、demo-data、backup、restore、keys、audit`);
      process.exit(2);
  }
}

main().catch((err: Error) => {
  // A failed query's message lists its parameters (drizzle): print it without them.
  console.error((err.message.startsWith("Failed query:") ? scrubError(err).message : err.message).slice(0, 2000));
  process.exit(1);
});
