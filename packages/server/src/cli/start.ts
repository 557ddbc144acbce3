import { ConfigError, loadConfig, type Config } from "../config";
import { boot } from "../bootstrap";
import { DEMO_PASSWORD, demoUsers } from "../demo/organisations";
import { roleLabels, type Role } from "@kuanyan/domain/organisations";

export function configFromFlags(flags: Record<string, string | boolean>): Config {
  const overrides: Partial<Config> = {};
  const env = { ...process.env };
  if (typeof flags.port === "string") env.PORT = flags.port;
  if (typeof flags["data-dir"] === "string") env.KUANYAN_DATA_DIR = flags["data-dir"];
  if (typeof flags.host === "string") env.HOST = flags.host;
  if (flags.demo === true) env.KUANYAN_DEMO = "on";
  if (flags.demo === false) env.KUANYAN_DEMO = "off";
  return loadConfig(env, overrides);
}

export async function startCommand(flags: Record<string, string | boolean>): Promise<void> {
  let config: Config;
  try {
    config = configFromFlags(flags);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const running = await boot(config, { logger: flags.quiet !== true });
  const stop = async (signal: string) => {
    console.log(`\n收到 ${signal}，正在关闭宽严服务与数据库……`);
    await running.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
  await running.app.listen({ port: config.port, host: config.host });
  const address = running.app.server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const db = running.ctx.database.kind === "pglite" ? `内置数据库 PGlite（${config.dataDir}）` : "PostgreSQL（DATABASE_URL）";
  console.log(
    `\n宽严 · 柔性执法平台已启动： http://localhost:${port}\n数据库：${db}\n接口文档：http://localhost:${port}/api/docs （OpenAPI：/api/v1/openapi.json）`,
  );
  if (running.ctx.database.kind === "pglite" || running.demoCreated) {
    const { hasDemoData } = await import("../demo");
    if (await hasDemoData(running.ctx)) {
      console.log(`\n演示账号（密码均为 ${DEMO_PASSWORD}）：`);
      for (const u of demoUsers) {
        const roleText = u.roles.map((r) => roleLabels[r as Role]).join("、");
        console.log(`  ${u.username.padEnd(22)} ${roleText.padEnd(10)} ${u.organisation}`);
      }
    }
  }
}
