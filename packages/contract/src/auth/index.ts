/**
 * The contract of authentication (/api/v1/auth): login, the current session, logout, password change.
 * The session carries the user's permissions, computed by the server from the domain's permission
 * table: the console shows what the user may do from them and never re-derives them from roles.
 */
import { z } from "zod";
import { adminActions, roles } from "@kuanyan/domain/organisations";

export const ZLoginBody = z.object({
  username: z.string().min(1).max(64).describe("用户名"),
  password: z.string().min(1).max(128).describe("密码"),
});

export const ZPasswordChangeBody = z.object({
  currentPassword: z.string().min(1).max(128).describe("当前密码"),
  newPassword: z.string().min(1).max(128).describe("新密码"),
});

/** The logged-in user. */
export const ZMe = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(roles)),
  organisation: z.object({ id: z.string(), name: z.string(), regionCode: z.string(), domain: z.string() }),
  licenceNo: z.string().optional(),
  /** The administrative actions the user's roles allow (packages/domain/src/organisations/permissions.ts). */
  permissions: z.array(z.enum(adminActions)).describe("当前用户可执行的管理操作"),
});

/** The answer of login and of /auth/me. */
export const ZSession = z.object({ user: ZMe, csrfToken: z.string() });

/** Logout and password change answer 204 without a body. */
export const ZNoContent = z.null().describe("无内容");

export type LoginBody = z.infer<typeof ZLoginBody>;
export type PasswordChangeBody = z.infer<typeof ZPasswordChangeBody>;
export type Me = z.infer<typeof ZMe>;
export type Session = z.infer<typeof ZSession>;
