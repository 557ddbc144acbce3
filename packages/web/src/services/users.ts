import { request } from "./request";
import type { GrantableRole, ItemList, Role, User, UserCreateInput, UserPatchInput } from "./types";

export async function listUsers(organisationId?: string): Promise<User[]> {
  return (await request<ItemList<User>>("/users", { query: { organisationId } })).items;
}

export function createUser(input: UserCreateInput): Promise<User> {
  return request<User>("/users", { method: "POST", body: input, silent: true });
}

export function updateUser(id: string, patch: UserPatchInput, options: { silent?: boolean } = {}): Promise<User> {
  return request<User>(`/users/${encodeURIComponent(id)}`, { method: "PATCH", body: patch, silent: options.silent ?? true });
}

/** The roles the current administrator may grant to a user of the organisation (the server decides). */
export async function grantableRoles(organisationId: string): Promise<Role[]> {
  return (await request<ItemList<GrantableRole>>("/users/grantable-roles", { query: { organisationId } })).items.map((i) => i.role);
}
