// Writes the permission table of packages/domain/src/organisations/permissions.ts into docs/security/authz.md
// (between its markers). Run after adding an action: npx tsx scripts/regen-permission-table.ts
import fs from "node:fs";
import { renderPermissionTable } from "../packages/domain/src/organisations/permissions";
const p = "docs/security/authz.md";
const s = fs.readFileSync(p, "utf8");
const start = "<!-- permission-table:start -->",
  end = "<!-- permission-table:end -->";
const a = s.indexOf(start),
  b = s.indexOf(end);
fs.writeFileSync(p, s.slice(0, a + start.length) + "\n" + renderPermissionTable() + "\n" + s.slice(b));
