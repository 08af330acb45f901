// A plain vertical bar chart in SVG, for counts (the patient-stop durations).
import { svg, niceStep } from './svg.js';

const WIDTH = 560;
const HEIGHT = 260;
const LEFT = 40;
const BOTTOM = 46;
const TOP = 16;

/** @param bars [{label, value, className}] with integer values */
export function barChart(bars, id, label) {
  const max = Math.max(1, ...bars.map(b => b.value));
  const step = Math.max(1, Math.ceil(niceStep(max, 4)));
  const top = Math.ceil(max / step) * step;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const slot = (WIDTH - LEFT) / bars.length;
  const y = value => TOP + plotHeight * (1 - value / top);
  const chart = svg('svg', { class: 'chart', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', id, 'aria-label': label });
  for (let value = 0; value <= top; value += step) {
    chart.append(svg('line', { class: 'grid', x1: LEFT, x2: WIDTH, y1: y(value), y2: y(value) }),
      svg('text', { x: LEFT - 6, y: y(value) + 4, 'text-anchor': 'end' }, String(value)));
  }
  bars.forEach((bar, i) => {
    const x = LEFT + slot * i + slot * 0.2;
    chart.append(svg('rect', { class: 'bucket ' + (bar.className || ''), x, y: y(bar.value), width: slot * 0.6,
      height: y(0) - y(bar.value), 'data-bucket': bar.key }, svg('title', {}, bar.label + ': ' + bar.value)),
    svg('text', { x: x + slot * 0.3, y: y(bar.value) - 4, 'text-anchor': 'middle', class: 'bar-value',
      'data-bucket': bar.key }, String(bar.value)),
    svg('text', { x: x + slot * 0.3, y: HEIGHT - BOTTOM + 18, 'text-anchor': 'middle' }, bar.label));
  });
  chart.append(svg('line', { class: 'axis', x1: LEFT, x2: WIDTH, y1: y(0), y2: y(0) }));
  return chart;
}
