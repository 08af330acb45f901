// The ceiling chart: cumulative payable declarations over the year against the ceiling in force, with the 70 % mark,
// the even-spread line, addenda that raised the ceiling and claw-backs. Drawn as SVG from the series endpoint.
// Positions are computed in floating point; amounts shown are formatted from the integer cents as given.
import { svg, titled, niceStep } from './svg.js';
import { euros, wholeEuros } from './money.js';

const WIDTH = 900;
const HEIGHT = 380;
const LEFT = 100;
const RIGHT = 130;
const TOP = 20;
const BOTTOM = 40;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * @param series  the answer of GET /api/monitoring/ceilings/{id}/series
 * @param throughMonth the last month ("2026-11") with declarations to draw: later months are still to come
 */
export function ceilingChart(series, throughMonth) {
  const months = series.months;
  const past = months.filter(m => m.month <= throughMonth);
  const ceilingMax = Math.max(series.initialCeilingCents, ...months.map(m => m.ceilingCents));
  const countedMax = Math.max(0, ...past.map(m => m.cumulativeCountedCents));
  const step = niceStep(Math.max(ceilingMax, countedMax) * 1.08, 5);
  const top = Math.ceil(Math.max(ceilingMax, countedMax) * 1.08 / step) * step;
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const x = monthEnd => LEFT + plotWidth * monthEnd / 12;
  const y = cents => TOP + plotHeight * (1 - cents / top);

  const chart = svg('svg', {
    class: 'chart', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', id: 'ceiling-chart',
    'aria-label': 'Ceiling ' + series.year + ': cumulative payable declarations against the ceiling',
  });

  for (let value = 0; value <= top; value += step) {
    chart.append(svg('line', { class: 'grid', x1: LEFT, x2: LEFT + plotWidth, y1: y(value), y2: y(value) }),
      svg('text', { x: LEFT - 8, y: y(value) + 4, 'text-anchor': 'end' }, wholeEuros(Math.round(value))));
  }
  months.forEach((m, i) => chart.append(svg('text', { x: x(i + 0.5), y: HEIGHT - BOTTOM + 18,
    'text-anchor': 'middle' }, MONTHS[i])));
  chart.append(svg('line', { class: 'axis', x1: LEFT, x2: LEFT + plotWidth, y1: y(0), y2: y(0) }),
    svg('line', { class: 'axis', x1: LEFT, x2: LEFT, y1: TOP, y2: y(0) }));

  // the ceiling in force and its 70 % mark, month by month (a step where a signed addendum raised it)
  const steps = fraction => months.map((m, i) => `${i === 0 ? 'M' : 'L'}${x(i)},${y(m.ceilingCents * fraction)} `
    + `L${x(i + 1)},${y(m.ceilingCents * fraction)}`).join(' ');
  chart.append(titled(svg('path', { class: 'mark70', d: steps(0.7) }), '70 % of the ceiling: the provider reports'),
    titled(svg('path', { class: 'ceiling', d: steps(1) }), 'the ceiling in force (100 %)'));
  const last = months[months.length - 1];
  chart.append(svg('text', { x: x(12) + 6, y: y(last.ceilingCents) + 4, class: 'ceiling-label' },
    '100 % ' + wholeEuros(last.ceilingCents)),
  svg('text', { x: x(12) + 6, y: y(last.ceilingCents * 0.7) + 4 }, '70 %'));

  // the even spread: what the ceiling allows to the end of each month if care were spread evenly
  chart.append(titled(svg('path', { class: 'even',
    d: `M${x(0)},${y(0)} ` + months.map((m, i) => `L${x(i + 1)},${y(m.evenSpreadCents)}`).join(' ') }),
  'even spread of the ceiling over the year'));

  if (past.length > 0) {
    const line = key => `M${x(0)},${y(0)} ` + past.map((m, i) => `L${x(i + 1)},${y(m[key])}`).join(' ');
    if (past.some(m => m.cumulativeCountedCents > m.cumulativePayableCents)) {
      chart.append(titled(svg('path', { class: 'counted', d: line('cumulativeCountedCents') }),
        'declared less clawed back, including what is held unpaid above the ceiling'));
    }
    chart.append(titled(svg('path', { class: 'payable', d: line('cumulativePayableCents') }),
      'cumulative payable declarations'));
    const end = past[past.length - 1];
    chart.append(svg('text', { x: x(past.length) + 6, y: y(end.cumulativePayableCents) + 16, class: 'payable-label' },
      euros(end.cumulativePayableCents)));
  }

  let before = series.initialCeilingCents;
  months.forEach((m, i) => {
    if (m.ceilingCents > before) {
      const cx = x(i);
      chart.append(titled(svg('path', { class: 'addendum', d: `M${cx - 6},${y(m.ceilingCents) + 10} `
        + `L${cx + 6},${y(m.ceilingCents) + 10} L${cx},${y(m.ceilingCents)} Z` }),
      `${m.month}: addendum signed, ceiling raised by ${euros(m.ceilingCents - before)} to ${euros(m.ceilingCents)}`));
    }
    before = m.ceilingCents;
    if (m.clawedBackCents > 0) {
      const cx = x(i + 0.5);
      const cy = y(m.cumulativePayableCents);
      chart.append(titled(svg('path', { class: 'clawback', d: `M${cx - 6},${cy - 14} L${cx + 6},${cy - 14} `
        + `L${cx},${cy - 4} Z` }), `${m.month}: claw-back of ${euros(m.clawedBackCents)}`));
    }
  });
  return chart;
}
