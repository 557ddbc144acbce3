// Pick a division (行政区划) level by level from /api/v1/regions; the value is the code of the
// last level chosen, e.g. "350421".
import { Cascader } from "antd";
import { useCallback, useEffect, useState } from "react";
import { regionPrefix, regionWithin } from "@kuanyan/domain/organisations";
import { listRegions } from "../services/regions";
import type { Region } from "../services/types";

interface RegionOption {
  value: string;
  label: string;
  isLeaf?: boolean;
  loading?: boolean;
  children?: RegionOption[];
}

export interface RegionCascaderProps {
  value?: string;
  onChange?: (code: string | undefined) => void;
  placeholder?: string;
  id?: string;
  /**
   * Offer only this division and those below it (an administrator's own region): the levels above
   * it are shown only as the way down and cannot be chosen.
   */
  within?: string;
}

/** Deepest level the picker offers (乡镇/街道). */
const MAX_DEPTH = 4;

function toOptions(regions: Region[], depth: number, within?: string): RegionOption[] {
  return regions
    .filter((r) => !within || regionWithin(r.code, within) || coversCode(r.code, within))
    .map((r) => ({ value: r.code, label: r.name, isLeaf: depth >= MAX_DEPTH }));
}

function coversCode(division: string, target: string): boolean {
  return division === target || target.startsWith(regionPrefix(division));
}

export default function RegionCascader({ value, onChange, placeholder = "请选择行政区划", id, within }: RegionCascaderProps) {
  const [options, setOptions] = useState<RegionOption[] | null>(null);
  const [path, setPath] = useState<string[]>([]);

  useEffect(() => {
    let cancelled = false;
    listRegions()
      .then((regions) => {
        if (!cancelled) setOptions(toOptions(regions, 1, within));
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [within]);

  // A value cleared from outside clears the path, once the options are there (adjusted while rendering,
  // on a change only: a level above the allowed region, picked to lead the way down, stays shown).
  const [pathFor, setPathFor] = useState({ value, loaded: options !== null });
  if (pathFor.value !== value || pathFor.loaded !== (options !== null)) {
    setPathFor({ value, loaded: options !== null });
    if (options && !value) setPath([]);
  }

  // When the value comes from outside (a form being filled), load the levels down to it.
  useEffect(() => {
    if (!options || !value) return;
    if (path[path.length - 1] === value) return;
    let cancelled = false;
    (async () => {
      const chain: string[] = [];
      let level: RegionOption[] = options;
      for (let depth = 1; depth <= MAX_DEPTH && level.length > 0; depth++) {
        const hit: RegionOption | undefined = level.find((o) => coversCode(o.value, value));
        if (!hit) break;
        chain.push(hit.value);
        if (hit.value === value || depth === MAX_DEPTH) break;
        if (!hit.children) {
          hit.children = toOptions(await listRegions(hit.value), depth + 1, within);
          if (hit.children.length === 0) hit.isLeaf = true;
        }
        level = hit.children;
      }
      if (cancelled) return;
      setOptions((o) => (o ? [...o] : o));
      setPath(chain[chain.length - 1] === value ? chain : []);
    })().catch(() => undefined);
    return () => {
      cancelled = true;
    };
    // path is deliberately left out: it follows value.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value, options === null]);

  const loadData = useCallback(
    async (selected: RegionOption[]) => {
      const target = selected[selected.length - 1];
      if (!target || target.children) return;
      target.loading = true;
      setOptions((o) => (o ? [...o] : o));
      try {
        const children = toOptions(await listRegions(target.value), selected.length + 1, within);
        target.children = children;
        if (children.length === 0) target.isLeaf = true;
      } finally {
        target.loading = false;
        setOptions((o) => (o ? [...o] : o));
      }
    },
    [within],
  );

  return (
    <Cascader<RegionOption>
      id={id}
      options={options ?? []}
      loadData={loadData}
      value={path.length > 0 ? path : undefined}
      changeOnSelect
      placeholder={placeholder}
      onChange={(selected) => {
        const list = (selected ?? []) as string[];
        setPath(list);
        const code = list.length > 0 ? list[list.length - 1] : undefined;
        // A level above the allowed region only leads the way down: it is not a value.
        onChange?.(code && within && !regionWithin(code, within) ? undefined : code);
      }}
      style={{ width: "100%" }}
    />
  );
}
