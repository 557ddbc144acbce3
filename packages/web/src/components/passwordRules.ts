import type { Rule } from "antd/es/form";

/** The server's password policy (packages/server/src/auth/passwords.ts), checked before sending. */
export const PASSWORD_HINT = "至少 8 位，须同时包含字母和数字。";

export const passwordRules = (requiredMessage: string): Rule[] => [
  { required: true, message: requiredMessage },
  { min: 8, message: "密码至少 8 位" },
  { max: 128, message: "密码最多 128 位" },
  {
    validator: (_rule, value?: string) =>
      !value || (/[A-Za-z]/.test(value) && /[0-9]/.test(value))
        ? Promise.resolve()
        : Promise.reject(new Error("密码须同时包含字母和数字")),
  },
];
