import type { Rule } from "antd/es/form";

/**
 * The server's password policy (packages/server/src/auth/passwords.ts), shown next to every password
 * field. Only the length is checked here; the server decides and names the rule a password breaks.
 */
export const PASSWORD_HINT =
  "长度 8–128 位；大写字母、小写字母、数字、符号 4 类中至少包含 3 类；不能包含用户名或倒写的用户名；不能是常见密码（如 Passw0rd、Admin@123）；不能与最近 5 次使用过的密码相同。";

export const passwordRules = (requiredMessage: string): Rule[] => [
  { required: true, message: requiredMessage },
  { min: 8, message: "密码至少 8 位" },
  { max: 128, message: "密码最多 128 位" },
];
