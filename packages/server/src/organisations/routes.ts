/** 组织机构 HTTP routes: thin — the contract validates, the use case acts, the contract serialises. */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { ZOrganisation, ZOrganisationIdParam, ZOrganisationInput, ZOrganisationList, ZOrganisationPatchBody } from "@kuanyan/contract/organisations";
import { requireAuth } from "../access";
import type { AppContext } from "../http/context";
import { createOrganisation } from "./createOrganisation";
import { listOrganisations } from "./listOrganisations";
import { updateOrganisation } from "./updateOrganisation";

const tags = ["组织机构"];

export async function register(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get("/api/v1/organisations", { schema: { tags, summary: "可见的单位", response: { 200: ZOrganisationList } } }, async (request) =>
    listOrganisations(ctx, requireAuth(request.auth)),
  );

  app.post(
    "/api/v1/organisations",
    { schema: { tags, summary: "新建单位", body: ZOrganisationInput, response: { 201: ZOrganisation } } },
    async (request, reply) => reply.status(201).send(await createOrganisation(ctx, requireAuth(request.auth), request.body)),
  );

  app.patch(
    "/api/v1/organisations/:id",
    { schema: { tags, summary: "修改单位", params: ZOrganisationIdParam, body: ZOrganisationPatchBody, response: { 200: ZOrganisation } } },
    async (request) => updateOrganisation(ctx, requireAuth(request.auth), request.params.id, request.body),
  );
}
