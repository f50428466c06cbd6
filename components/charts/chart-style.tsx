/**
 * The look every chart shares (recharts props). Hex, not CSS variables: SVG
 * presentation attributes do not resolve var() everywhere.
 */
export const GRID_STROKE = "#eef0f3";
export const AXIS_LINE = { stroke: "#d0d5dd" };
export const AXIS_TICK = { fill: "#667085", fontSize: 12 };
/** The band behind the hovered bar. */
export const CURSOR = { fill: "rgba(16, 24, 40, 0.04)" };

export const TOOLTIP = {
  contentStyle: { border: "1px solid #e4e7ec", borderRadius: 8, boxShadow: "0 4px 12px rgba(16, 24, 40, 0.08)", fontSize: 13 },
  labelStyle: { color: "#101828", fontWeight: 600, marginBottom: 4 },
  itemStyle: { color: "#344054", padding: "1px 0" },
};

/** At the top right; series colours are for the marks, so the names are in a grey that reads well. */
export const LEGEND = {
  verticalAlign: "top",
  align: "right",
  iconType: "circle",
  iconSize: 8,
  height: 32,
  wrapperStyle: { fontSize: 13 },
  formatter: (value: string) => <span style={{ color: "#475467" }}>{value}</span>,
} as const;

/**
 * An x-axis tick for bucket labels such as "15–60 min": the range on one line
 * and its unit under it, so eight buckets side by side never run together.
 */
export function BucketTick({ x, y, payload }: { x?: number | string; y?: number | string; payload?: { value?: unknown } }) {
  const label = String(payload?.value ?? "");
  const cut = label.lastIndexOf(" ");
  const [range, unit] = cut > 0 ? [label.slice(0, cut), label.slice(cut + 1)] : [label, ""];
  return (
    <text x={Number(x)} y={Number(y)} textAnchor="middle" fill={AXIS_TICK.fill} fontSize={AXIS_TICK.fontSize}>
      <tspan x={Number(x)} dy="0.9em">
        {range}
      </tspan>
      {unit && (
        <tspan x={Number(x)} dy="1.2em">
          {unit}
        </tspan>
      )}
    </text>
  );
}

/** Room under the axis for a BucketTick's two lines. */
export const BUCKET_AXIS_HEIGHT = 40;

/**
 * A count axis with round ticks: 0, 5K, 10K, 15K rather than 0, 3.5K, 7K,
 * 10.5K. The step is 1, 2, 2.5 or 5 times a power of ten, picked so about
 * `intervals` steps cover `max`; whole numbers only.
 */
export function countAxis(max: number, intervals = 4): { domain: [number, number]; ticks: number[] } {
  if (!(max > 0)) return { domain: [0, 1], ticks: [0, 1] };
  const rough = max / intervals;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough && Number.isInteger(s)) ?? 10 * power);
  const top = Math.ceil(max / step) * step;
  return { domain: [0, top], ticks: Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step) };
}
