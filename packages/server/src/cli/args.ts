import { parseArgs as parseNodeArgs, type ParseArgsConfig } from "node:util";

/**
 * The options of every command (src/cli/main.ts and the command files). A value option takes
 * `--name value` or `--name=value`; a boolean option is `--name` (and `--no-name` where negatable).
 */
const options = {
  // start, migrate, decide, demo-data, backup, restore, keys, audit (configFromFlags, start.ts)
  port: { type: "string" },
  "data-dir": { type: "string" },
  host: { type: "string" },
  demo: { type: "boolean" },
  quiet: { type: "boolean" },
  // decide
  input: { type: "string" },
  compact: { type: "boolean" },
  // demo-data
  count: { type: "string" },
  from: { type: "string" },
  to: { type: "string" },
  tag: { type: "string" },
  batch: { type: "string" },
  // backup / restore
  out: { type: "string" },
  in: { type: "string" },
  force: { type: "boolean" },
  // keys
  "key-file": { type: "string" },
  "new-key-file": { type: "string" },
  // audit verify
  checkpoints: { type: "string" },
} satisfies NonNullable<ParseArgsConfig["options"]>;

/** Only these may be negated (`--no-demo`); `--no-force` and the like are errors. */
const negatable = new Set(["demo"]);

/** A wrong command line: main.ts prints the message and exits with code 2. */
export class ArgsError extends Error {}

/** `kuanyan <command> [words…] [--options]` → the positional words and the given options. */
export function parseArgs(argv: string[]): { positional: string[]; flags: Record<string, string | boolean> } {
  let parsed;
  try {
    parsed = parseNodeArgs({ args: argv, options, allowPositionals: true, allowNegative: true, strict: true });
  } catch (err) {
    throw new ArgsError(argsMessage(err as Error & { code?: string }));
  }
  const flags: Record<string, string | boolean> = {};
  for (const [name, value] of Object.entries(parsed.values)) {
    if (value === undefined) continue;
    if (value === false && !negatable.has(name)) throw new ArgsError(`选项 --no-${name} 不存在。`);
    flags[name] = value as string | boolean;
  }
  return { positional: parsed.positionals, flags };
}

function argsMessage(err: Error & { code?: string }): string {
  const option = /'(--?[^' ]+)/.exec(err.message)?.[1] ?? "";
  switch (err.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `未知选项 ${option}。可用选项：${Object.keys(options)
        .map((o) => `--${o}`)
        .join("、")}`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return (options as Record<string, { type: string }>)[option.replace(/^--/, "")]?.type === "boolean"
        ? `选项 ${option} 不带取值。`
        : `选项 ${option} 需要一个取值（例如 ${option} 值 或 ${option}=值）。`;
    default:
      return `命令行有误：${err.message}`;
  }
}
