/** Use case: the computed form as .xlsx or PDF, laid out as the seed form (export/). */
import { periodTitle } from "@kuanyan/domain/statistics";
import type { AppContext, Auth } from "../http/context";
import { exportFormPdf } from "./export/pdf";
import { exportFormXlsx } from "./export/xlsx";
import type { StatisticsFormExportInput } from "./export/form-layout";
import { getForm, type ComputedForm } from "./getForm";
import type { PeriodQuery, ScopeQuery } from "./scope";

export function exportInput(
  form: Pick<ComputedForm, "period" | "reportingOrganisation" | "phone" | "reportedAt" | "values">,
): StatisticsFormExportInput {
  return {
    periodTitle: periodTitle(form.period),
    reportingOrganisation: form.reportingOrganisation,
    reportedAt: form.reportedAt,
    phone: form.phone,
    cells: form.values,
  };
}

/** RFC 5987/6266 Content-Disposition with a Chinese file name and an ASCII fallback. */
export function contentDisposition(fileName: string, fallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

export async function exportForm(
  ctx: AppContext,
  auth: Auth | null,
  input: PeriodQuery & ScopeQuery,
  format: "xlsx" | "pdf",
): Promise<{ body: Buffer; fileName: string; fallback: string; mime: string }> {
  const form = await getForm(ctx, auth, input);
  const data = exportInput(form);
  const body = format === "xlsx" ? await exportFormXlsx(data) : await exportFormPdf(data);
  const name = `${form.title}（${form.reportingOrganisation}）`;
  return {
    body,
    fileName: `${name}.${format}`,
    fallback: `statistics-${form.period.from}-${form.period.to}.${format}`,
    mime: format === "xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "application/pdf",
  };
}
