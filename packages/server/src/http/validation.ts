import { z } from "zod";
import type { FieldError } from "./errors";

// Zod speaks Chinese; a missing value says 必填.
z.config(z.locales.zhCN());
z.config({
  customError: (issue) => (issue.code === "invalid_type" && issue.input === undefined ? "必填" : undefined),
});

type AnyZod = { _zod?: { def?: Record<string, unknown> }; description?: string; shape?: Record<string, unknown> };

function unwrap(schema: AnyZod | undefined): AnyZod | undefined {
  let s = schema;
  for (let i = 0; i < 10 && s; i++) {
    const def = s._zod?.def as { innerType?: AnyZod; type?: string } | undefined;
    if (def?.innerType && ["optional", "nullable", "default", "prefault", "catch", "readonly", "nonoptional"].includes(def.type ?? "")) {
      if (s.description) return s;
      s = def.innerType;
    } else break;
  }
  return s;
}

/** The Chinese label of the field at `path` (from `.describe("用户名")`), or the path itself. */
export function fieldLabel(schema: unknown, path: string[]): string {
  let s = schema as AnyZod | undefined;
  let label: string | undefined;
  for (const key of path) {
    s = unwrap(s);
    const def = s?._zod?.def as { type?: string; element?: AnyZod; shape?: Record<string, AnyZod> } | undefined;
    if (def?.type === "object") s = (def.shape ?? s?.shape)?.[key] as AnyZod | undefined;
    else if (def?.type === "array") s = def.element;
    else s = undefined;
    const here = s?.description ?? unwrap(s)?.description;
    if (here) label = here;
    else if (!/^\d+$/.test(key)) label = undefined;
  }
  return label ?? path.join(".");
}

interface ValidationItem {
  instancePath: string;
  message?: string;
}

export function validationFields(schema: unknown, items: ValidationItem[]): FieldError[] {
  return items.map((item) => {
    const path = item.instancePath.split("/").filter(Boolean);
    const label = path.length ? fieldLabel(schema, path) : "请求内容";
    return { field: path.join(".") || "(body)", message: `${label}：${item.message ?? "无效"}` };
  });
}
