import type { Role } from "@kuanyan/domain/organisations";
import type { Config } from "../config";
import type { Database } from "../db/client";
import type { SessionRecord } from "../auth/sessionCache";

/** The authenticated user of a request. */
export interface Auth {
  userId: string;
  username: string;
  displayName: string;
  roles: Role[];
  organisationId: string;
  organisationName: string;
  regionCode: string;
  csrfToken: string;
  sessionTokenHash: string;
  ip: string;
}

/** What every service receives: the database, the configuration and the clock. */
export interface AppContext {
  database: Database;
  config: Config;
  /** The clock, replaceable in tests. */
  now(): Date;
}

declare module "fastify" {
  interface FastifyRequest {
    auth: Auth | null;
    /** The session behind `auth`, with what /auth/me shows (from the session cache, src/auth/sessionCache.ts). */
    sessionUser: SessionRecord | null;
  }
  interface FastifyContextConfig {
    /** "public": no login needed; default: a logged-in user. */
    access?: "public";
  }
}
