import type { Tx } from "../db/client";
import type { AppContext } from "../http/context";
import type { DemoIds } from "../demo";
import { ensureMatters } from "./catalogue";

/** The shipped matter catalogue goes into the table with the demo data (it is loaded at first use anyway). */
export async function seedDemo(_ctx: AppContext, tx: Tx, _ids: DemoIds): Promise<void> {
  await ensureMatters(tx);
}
