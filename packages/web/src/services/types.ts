// Shapes of the JSON API (/api/v1) of auth, users, organisations, regions and audit: taken from the
// contract (packages/contract) with `import type` and `z.infer`, never written by hand here, so that
// a change of a server schema is a type error in the web. Roles, kinds and their labels come from
// the domain.
import type { z } from "zod";
import type { ZAuditQuery } from "@kuanyan/contract/audit";
import type { ZGrantableRoles } from "@kuanyan/contract/users";
import type { AdminAction, OrganisationKind, Role } from "@kuanyan/domain/organisations";

export type { AdminAction, OrganisationKind, Role };

import type { Me } from "@kuanyan/contract/auth";
export type { Me };
import type { Session } from "@kuanyan/contract/auth";
export type { Session };

import type { Organisation } from "@kuanyan/contract/organisations";
export type { Organisation };
/** What the form sends (before the server trims it). */
import type { OrganisationInput } from "@kuanyan/contract/organisations";
export type { OrganisationInput };
import type { OrganisationPatchInput } from "@kuanyan/contract/organisations";
export type { OrganisationPatchInput };

import type { User } from "@kuanyan/contract/users";
export type { User };
import type { UserCreateInput } from "@kuanyan/contract/users";
export type { UserCreateInput };
import type { UserPatchInput } from "@kuanyan/contract/users";
export type { UserPatchInput };
export type GrantableRole = z.infer<typeof ZGrantableRoles>["items"][number];

import type { Region } from "@kuanyan/contract/regions";
export type { Region };

import type { AuditEvent } from "@kuanyan/contract/audit";
export type { AuditEvent };
/** The filters of the audit page (the server fills in the default limit). */
export type AuditQuery = Partial<z.infer<typeof ZAuditQuery>>;
import type { AuditVerification } from "@kuanyan/contract/audit";
export type { AuditVerification };
import type { Checkpoint } from "@kuanyan/contract/audit";
export type { Checkpoint };
import type { CheckpointList } from "@kuanyan/contract/audit";
export type { CheckpointList };
import type { CheckpointCreated } from "@kuanyan/contract/audit";
export type { CheckpointCreated };

/** `{ items: [...] }`, the shape of every list response. */
export interface ItemList<T> {
  items: T[];
}
