// Chart (components/Chart.tsx) with a click handler: every chart element of the dashboard opens its records.
import { useEffect, useRef } from "react";
import { getInstanceByDom } from "echarts/core";
import Chart, { type ChartProps } from "../../components/Chart";

export interface ChartClick {
  seriesIndex?: number;
  seriesName?: string;
  dataIndex: number;
  name: string;
}

export default function ClickableChart({ onClick, ...props }: ChartProps & { onClick?: (e: ChartClick) => void }) {
  const box = useRef<HTMLDivElement>(null);
  // The latest click handler, for the listener attached once below (kept current after each render).
  const handler = useRef(onClick);
  useEffect(() => {
    handler.current = onClick;
  });

  useEffect(() => {
    const el = box.current?.firstElementChild as HTMLElement | null;
    const chart = el ? getInstanceByDom(el) : undefined;
    if (!chart) return;
    const listener = (e: unknown) => handler.current?.(e as ChartClick);
    chart.on("click", listener);
    return () => {
      chart.off("click", listener);
    };
  }, []);

  return (
    <div ref={box} style={{ cursor: onClick ? "pointer" : undefined }}>
      <Chart {...props} />
    </div>
  );
}
