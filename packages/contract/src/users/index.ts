/** The contract of user administration (/api/v1/users). */
import { z } from "zod";
import { validateLicenceNo } from "@kuanyan/domain/codes";
import { roles } from "@kuanyan/domain/organisations";
import { itemsOf } from "../common";

/** A user as lists and forms show him: the phone number masked, never the password. */
export const ZUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(roles)),
  organisationId: z.string(),
  organisationName: z.string(),
  licenceNo: z.string().nullable(),
  /** Masked by the server (138****1234). */
  phone: z.string().nullable(),
  locked: z.boolean(),
  active: z.boolean(),
  version: z.number(),
});

export const ZUserList = itemsOf(ZUser);

export const ZUserListQuery = z.object({ organisationId: z.uuid().optional().describe("单位") });

export const ZGrantableRolesQuery = z.object({ organisationId: z.uuid().optional().describe("单位") });
export const ZGrantableRoles = itemsOf(z.object({ role: z.enum(roles), label: z.string() }));

const ZRoles = z.array(z.enum(roles)).min(1, "至少选择一个角色").max(6).describe("角色");

/** 执法证号: the domain's format (8–20 digits, optionally after the province's abbreviation). */
const ZLicenceNo = z
  .string()
  .trim()
  .max(30)
  .transform((v, ctx) => {
    if (v === "") return v;
    const r = validateLicenceNo(v);
    if (r.ok) return r.value;
    ctx.addIssue({ code: "custom", message: r.error });
    return z.NEVER;
  })
  .describe("执法证号（8–20 位数字，可带省份简称前缀）");

const fields = {
  displayName: z.string().trim().min(1).max(30).describe("姓名"),
  licenceNo: ZLicenceNo.optional(),
  phone: z
    .string()
    .trim()
    .regex(/^1\d{10}$|^[0-9-]{7,20}$/, "应为手机号或电话号码")
    .optional()
    .describe("联系电话"),
};

export const ZUserCreateBody = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{3,32}$/, "3–32 位字母、数字或 _ . -")
    .describe("用户名"),
  password: z.string().min(1).max(128).describe("密码"),
  roles: ZRoles,
  organisationId: z.uuid().describe("所属单位"),
  ...fields,
});

export const ZUserPatchBody = z.object({
  displayName: fields.displayName.optional(),
  licenceNo: fields.licenceNo,
  phone: fields.phone,
  roles: ZRoles.optional(),
  active: z.boolean().optional().describe("启用"),
  unlock: z.boolean().optional().describe("解锁"),
  password: z.string().min(1).max(128).optional().describe("新密码"),
  version: z.number().int().min(1).describe("版本号"),
});

export const ZUserIdParam = z.object({ id: z.uuid().describe("用户") });

export type User = z.infer<typeof ZUser>;
export type UserCreateInput = z.input<typeof ZUserCreateBody>;
export type UserPatchInput = z.input<typeof ZUserPatchBody>;
export type GrantableRole = z.infer<typeof ZGrantableRoles>["items"][number];
