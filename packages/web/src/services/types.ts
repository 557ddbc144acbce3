// Shapes of the JSON API (/api/v1). Keep in step with the server's zod schemas.

import type { OrganisationKind, Role } from "@kuanyan/domain/organisations";

export type { OrganisationKind, Role };

export interface Me {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  organisation: { id: string; name: string; regionCode: string; domain: string };
  licenceNo?: string | null;
}

export interface Session {
  user: Me;
  csrfToken: string;
}

export interface Organisation {
  id: string;
  name: string;
  shortName: string;
  creditCode?: string | null;
  regionCode: string;
  regionName: string | null;
  domain: string;
  kind: OrganisationKind;
  parentId?: string | null;
  contactPerson?: string | null;
  /** Masked by the server (e.g. 138****0000). */
  contactPhone?: string | null;
  isDemo: boolean;
  version: number;
}

export interface OrganisationInput {
  name: string;
  shortName: string;
  creditCode?: string;
  regionCode: string;
  domain: string;
  kind: OrganisationKind;
  parentId?: string;
  contactPerson?: string;
  contactPhone?: string;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  organisationId: string;
  organisationName: string;
  licenceNo?: string | null;
  /** Masked by the server. */
  phone?: string | null;
  locked: boolean;
  active: boolean;
  version: number;
}

export interface UserCreateInput {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
  organisationId: string;
  licenceNo?: string;
  phone?: string;
}

export interface UserPatchInput {
  displayName?: string;
  roles?: Role[];
  active?: boolean;
  /** Clear a lockout after repeated failed logins. */
  unlock?: boolean;
  licenceNo?: string;
  phone?: string;
  password?: string;
  version: number;
}

export interface Region {
  code: string;
  name: string;
  level: string | number;
}

export interface AuditEvent {
  id: string;
  /** The event's place in the audit hash chain. */
  seq: number | null;
  at: string;
  actorName: string | null;
  organisationName: string | null;
  action: string;
  actionLabel?: string;
  entityType: string;
  entityTypeLabel?: string;
  entityId: string;
  /** The record's name or number (case number, user's name, organisation, list, document number). */
  entityName?: string | null;
}

export interface ItemList<T> {
  items: T[];
}
