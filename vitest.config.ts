import { defineConfig } from "vitest/config";

// Server tests run twice: once on PGlite, once on the PostgreSQL server (KUANYAN_TEST_PG_URL,
// default postgres://postgres@127.0.0.1:5432/postgres). Set KUANYAN_TEST_PG=off to skip the
// PostgreSQL run (the summary says so).
const withPg = process.env.KUANYAN_TEST_PG !== "off";

export default defineConfig({
  test: {
    reporters: ["default", ["json", { outputFile: "test-results/vitest.json" }]],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true as const,
        test: {
          name: "domain",
          include: ["packages/domain/src/**/*.test.ts", "packages/contract/src/**/*.test.ts", "scripts/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        // Server tests that need no database (renderers, exporters): *.test.ts but not *.db.test.ts.
        extends: true as const,
        test: {
          name: "server",
          include: ["packages/server/src/**/*.test.ts"],
          exclude: ["packages/server/src/**/*.db.test.ts", "**/node_modules/**"],
          environment: "node",
        },
      },
      {
        // Database tests (*.db.test.ts) run on PGlite and again on PostgreSQL.
        extends: true as const,
        test: {
          name: "server-pglite",
          include: ["packages/server/src/**/*.db.test.ts"],
          environment: "node",
          env: { KUANYAN_TEST_DB: "pglite" },
          pool: "forks",
        },
      },
      ...(withPg
        ? [
            {
              extends: true as const,
              test: {
                name: "server-postgres",
                include: ["packages/server/src/**/*.db.test.ts"],
                environment: "node",
                env: { KUANYAN_TEST_DB: "postgres" },
                pool: "forks" as const,
              },
            },
          ]
        : []),
    ],
  },
});
