// Messages per day as a uPlot bar chart (canvas: thousands of days stay cheap). Lazy-loaded.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { axisLabels } from './axis-labels';
import { countRange, DAY_TICKS, dayRange } from './day-chart-scales';

export default function DayChart({ days, label, locale, span }: { days: Array<{ day: string; count: number }>; label: string; locale: string; span?: readonly [number, number] | undefined }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    // Days as local midnights in seconds, as uPlot's time axis expects.
    const xs = days.map((d) => new Date(`${d.day}T00:00`).getTime() / 1000);
    const ys = days.map((d) => d.count);
    const labels = axisLabels(locale);
    const plot = new uPlot(
      {
        width: Math.max(240, el.clientWidth || 320),
        height: 160,
        legend: { show: false },
        scales: { x: { time: true, range: dayRange(span) }, y: { range: countRange } },
        series: [{}, { label, stroke: 'currentColor', fill: 'rgba(88, 101, 242, 0.35)', paths: uPlot.paths.bars!({ size: [0.8, 40] }) }],
        axes: [
          { stroke: 'currentColor', incrs: DAY_TICKS, values: (_u, splits) => labels.days(splits) },
          { stroke: 'currentColor', values: (_u, splits) => labels.counts(splits) },
        ],
      },
      [xs, ys],
      el,
    );
    return () => plot.destroy();
  }, [days, label, locale, span]);
  return <div ref={ref} className="history-chart" role="img" aria-label={label} data-testid="day-chart" data-days={days.length} />;
}
