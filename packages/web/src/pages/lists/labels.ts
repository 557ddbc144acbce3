/** Tag colours of list version statuses. */
export function statusColor(status: string): string {
  switch (status) {
    case "draft":
      return "default";
    case "legal_review":
      return "processing";
    case "approved":
      return "cyan";
    case "published":
      return "blue";
    case "filed":
      return "green";
    case "superseded":
      return "default";
    case "repealed":
      return "red";
    default:
      return "default";
  }
}
