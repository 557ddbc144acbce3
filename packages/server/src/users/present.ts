/** How a user row is answered (the contract's ZUser): the phone masked, the lockout as a flag. */
import type { User } from "@kuanyan/contract/users";
import type { Role } from "@kuanyan/domain/organisations";
import type { users } from "../db/schema";
import { AppError } from "../http/errors";

export type UserRow = typeof users.$inferSelect;

export function presentUser(u: UserRow, organisationName: string, now: Date): User {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    roles: u.roles as Role[],
    organisationId: u.organisationId,
    organisationName,
    licenceNo: u.licenceNo,
    phone: u.phoneMasked,
    locked: !!u.lockedUntil && u.lockedUntil > now,
    active: u.active,
    version: u.version,
  };
}

/** An officer (执法人员) carries his 执法证号 (its format: the contract, validateLicenceNo). */
export function checkOfficer(rolesGiven: readonly string[], licenceNo: string | null | undefined) {
  if (rolesGiven.includes("officer") && !licenceNo) {
    throw new AppError("validation_failed", "执法证号：执法人员必须填写执法证号", [
      { field: "licenceNo", message: "执法证号：执法人员必须填写执法证号" },
    ]);
  }
}
