// Shapes of the JSON API (/api/v1) of auth, users, organisations, regions and audit: taken from the
// contract (packages/contract) with `import type` and `z.infer`, never written by hand here, so that
// a change of a server schema is a type error in the web. Roles, kinds and their labels come from
// the domain.
import type { z } from "zod";
import type { ZMe, ZSession } from "@kuanyan/contract/auth";
import type { ZAuditEvent, ZAuditQuery, ZAuditVerification, ZCheckpoint, ZCheckpointCreated, ZCheckpointList } from "@kuanyan/contract/audit";
import type { ZOrganisation, ZOrganisationInput, ZOrganisationPatchBody } from "@kuanyan/contract/organisations";
import type { ZRegion } from "@kuanyan/contract/regions";
import type { ZGrantableRoles, ZUser, ZUserCreateBody, ZUserPatchBody } from "@kuanyan/contract/users";
import type { AdminAction, OrganisationKind, Role } from "@kuanyan/domain/organisations";

export type { AdminAction, OrganisationKind, Role };

export type Me = z.infer<typeof ZMe>;
export type Session = z.infer<typeof ZSession>;

export type Organisation = z.infer<typeof ZOrganisation>;
/** What the form sends (before the server trims it). */
export type OrganisationInput = z.input<typeof ZOrganisationInput>;
export type OrganisationPatchInput = z.input<typeof ZOrganisationPatchBody>;

export type User = z.infer<typeof ZUser>;
export type UserCreateInput = z.input<typeof ZUserCreateBody>;
export type UserPatchInput = z.input<typeof ZUserPatchBody>;
export type GrantableRole = z.infer<typeof ZGrantableRoles>["items"][number];

export type Region = z.infer<typeof ZRegion>;

export type AuditEvent = z.infer<typeof ZAuditEvent>;
/** The filters of the audit page (the server fills in the default limit). */
export type AuditQuery = Partial<z.infer<typeof ZAuditQuery>>;
export type AuditVerification = z.infer<typeof ZAuditVerification>;
export type Checkpoint = z.infer<typeof ZCheckpoint>;
export type CheckpointList = z.infer<typeof ZCheckpointList>;
export type CheckpointCreated = z.infer<typeof ZCheckpointCreated>;

/** `{ items: [...] }`, the shape of every list response. */
export interface ItemList<T> {
  items: T[];
}
