import { TreeSelect } from "antd";
import { useMemo } from "react";
import type { Organisation } from "../services/types";
import { buildOrganisationTree, type OrganisationNode } from "./organisationTree";

export interface OrganisationSelectProps {
  organisations: readonly Organisation[];
  value?: string;
  onChange?: (id: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  /** Organisations that may not be chosen (e.g. an organisation itself and those below it as its own parent). */
  disabledIds?: ReadonlySet<string>;
  id?: string;
  disabled?: boolean;
  style?: React.CSSProperties;
  /** The accessible name when no visible label points at the select (e.g. a filter above a table). */
  "aria-label"?: string;
}

interface TreeData {
  value: string;
  title: string;
  disabled?: boolean;
  children: TreeData[];
}

/** Choose an organisation from a tree (by parent organisation), searchable by name. */
export default function OrganisationSelect({
  organisations,
  value,
  onChange,
  placeholder = "请选择组织机构",
  allowClear = true,
  disabledIds,
  id,
  disabled,
  style,
  "aria-label": ariaLabel,
}: OrganisationSelectProps) {
  const treeData = useMemo(() => {
    const map = (n: OrganisationNode): TreeData => ({
      value: n.value,
      title: n.title,
      disabled: disabledIds?.has(n.value),
      children: n.children.map(map),
    });
    return buildOrganisationTree(organisations).map(map);
  }, [organisations, disabledIds]);

  return (
    <TreeSelect
      id={id}
      disabled={disabled}
      treeData={treeData}
      value={value}
      onChange={(v) => onChange?.(v ?? undefined)}
      placeholder={placeholder}
      allowClear={allowClear}
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandAll
      style={{ width: "100%", ...style }}
      aria-label={ariaLabel}
    />
  );
}
