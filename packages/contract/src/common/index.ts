/**
 * Pieces every module's contract uses. A module's contract lives in src/<module>/index.ts and holds
 * the zod schemas of its requests and responses; the server registers them on its routes (request
 * validation, response serialisation, OpenAPI), the web takes the types with `import type` and
 * `z.infer` and never declares an API type of its own.
 */
import { z } from "zod";

/** A path parameter that names a record by its UUID. */
export const ZIdParam = z.object({ id: z.uuid() });

/** `{ items: [...] }`, the shape of every list response. */
export function itemsOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item) });
}

/** A list response with its total (paged lists). */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}

/** `{ ok: true }`, the response of an action that returns nothing else. */
export const ZOk = z.object({ ok: z.literal(true) });

/** An ISO 8601 timestamp as the server sends it (JSON has no dates). */
export const ZTimestamp = z.string();

/** A calendar day in China, YYYY-MM-DD. */
export const ZDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
