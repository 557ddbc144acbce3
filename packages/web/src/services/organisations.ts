import { request } from "./request";
import type { ItemList, Organisation, OrganisationInput, OrganisationPatchInput } from "./types";

export async function listOrganisations(): Promise<Organisation[]> {
  return (await request<ItemList<Organisation>>("/organisations")).items;
}

export function createOrganisation(input: OrganisationInput): Promise<Organisation> {
  return request<Organisation>("/organisations", { method: "POST", body: input, silent: true });
}

export function updateOrganisation(id: string, patch: OrganisationPatchInput): Promise<Organisation> {
  return request<Organisation>(`/organisations/${encodeURIComponent(id)}`, { method: "PATCH", body: patch, silent: true });
}
