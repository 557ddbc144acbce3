// 监督检查 API (packages/server/src/supervision/routes.ts): the overview per organisation and the
// decisions that departed from the engine's proposal, grouped by matter. Types from the contract,
// flag labels from the domain.
import type { z } from "zod";
import type { ZDeparturesQuery } from "@kuanyan/contract/supervision";
import { overviewFlagLabels, type OverviewFlag } from "@kuanyan/domain/supervision";
import { request } from "./request";

export { overviewFlagLabels, type OverviewFlag };

export const overviewFlagColors: Record<OverviewFlag, string> = {
  filing_overdue: "red",
  correction_overdue: "volcano",
  follow_up_overdue: "orange",
  report_overdue: "magenta",
};

import type { OrganisationOverview } from "@kuanyan/contract/supervision";
export type { OrganisationOverview };
import type { Overview } from "@kuanyan/contract/supervision";
export type { Overview };
import type { DepartureGroup } from "@kuanyan/contract/supervision";
export type { DepartureGroup };
import type { Departures } from "@kuanyan/contract/supervision";
export type { Departures };

export const getOverview = (asOf?: string) => request<Overview>("/supervision/overview", { query: { asOf } });
export const getDepartures = (query: z.input<typeof ZDeparturesQuery> = {}) => request<Departures>("/supervision/departures", { query });
