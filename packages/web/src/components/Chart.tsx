// The one ECharts wrapper of the console: init on mount, setOption on change, resize with its
// box, dispose on unmount. Only the charts and components registered below are bundled; register
// more here when a page needs them.
import { useEffect, useRef, type CSSProperties } from "react";
import * as echarts from "echarts/core";
import { BarChart, LineChart, PieChart } from "echarts/charts";
import { DatasetComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent } from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";
import type { EChartsCoreOption } from "echarts/core";

echarts.use([BarChart, LineChart, PieChart, DatasetComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = EChartsCoreOption;

export interface ChartProps {
  option: ChartOption;
  /** Height of the chart box; the width follows the container. */
  height?: number | string;
  style?: CSSProperties;
  /** Replace the previous option instead of merging into it (default true). */
  notMerge?: boolean;
  loading?: boolean;
  ariaLabel?: string;
}

export default function Chart({ option, height = 320, style, notMerge = true, loading = false, ariaLabel }: ChartProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const chart = echarts.init(box, undefined, { locale: "ZH" });
    chartRef.current = chart;
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(box);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge });
  }, [option, notMerge]);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    if (loading) chart.showLoading({ text: "加载中…" });
    else chart.hideLoading();
  }, [loading]);

  return <div ref={boxRef} role="img" aria-label={ariaLabel} style={{ width: "100%", height, ...style }} />;
}
