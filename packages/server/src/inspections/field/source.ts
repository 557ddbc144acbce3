/**
 * What the inspection on site reads from the other part of the module (the drawn inspection, its
 * unit, checklist version and inspectors: tables of migration 0013, src/inspections/schema.ts) and
 * the one thing it writes there (the inspection's status). Kept in one file so the field part does
 * not depend on the other part's internals anywhere else.
 */
import type { ChecklistItem, InspectedUnit, InspectionStatus, Inspector } from "@kuanyan/domain/inspections";
import type { DbOrTx } from "../../db/client";

export interface FieldSource {
  id: string;
  organisationId: string;
  regionCode: string;
  status: InspectionStatus;
  year: number;
  drawId: string | null;
  dueBy: string | null;
  inspectorIds: string[];
  unit: InspectedUnit;
  checklist: { id: string; version: number; title: string; items: ChecklistItem[] } | null;
  inspectors: Inspector[];
}

export { loadSource, setStatus, assignedTo } from "./source.impl";
export type SourceLoader = (db: DbOrTx, id: string) => Promise<FieldSource | null>;
