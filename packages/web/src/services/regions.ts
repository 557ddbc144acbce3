import { request } from "./request";
import type { ItemList, Region } from "./types";

/** Child divisions of `parent`; provinces without it. */
export async function listRegions(parent?: string): Promise<Region[]> {
  return (await request<ItemList<Region>>("/regions", { query: { parent } })).items;
}
