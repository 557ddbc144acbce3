/** The roles the administrator may grant to a user of the organisation (the forms list them). */
import type { GrantableRole } from "@kuanyan/contract/users";
import { grantableRoles, roleLabels } from "@kuanyan/domain/organisations";
import { loadOrgNodes } from "../access";
import type { AppContext, Auth } from "../http/context";

export async function grantableRolesFor(ctx: AppContext, auth: Auth, query: { organisationId?: string }): Promise<{ items: GrantableRole[] }> {
  const organisationId = query.organisationId ?? auth.organisationId;
  const granted = grantableRoles(auth, await loadOrgNodes(ctx.database.db), organisationId);
  return { items: granted.map((role) => ({ role, label: roleLabels[role] })) };
}
