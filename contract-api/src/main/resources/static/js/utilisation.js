// The utilisation bar of one ceiling: counted against the ceiling in force, marks at 70 % and 100 %.
import { el } from './dom.js';
import { euros, percent } from './money.js';

/** The bar's scale runs to 125 % so that a ceiling past 100 % shows how far past. */
const SCALE = 125;

function at(value) {
  return Math.min(Number(value), SCALE) / SCALE * 100 + '%';
}

/**
 * @param row a ceiling as the monitoring or ceiling view gives it (utilisationPercent, payableCents, ceilingCents,
 *            optionally expectedUtilisationPercent)
 */
export function utilisationBar(row) {
  const value = Number(row.utilisationPercent);
  const bar = el('div', {
    class: 'bar' + (value >= 100 ? ' past100' : value >= 70 ? ' past70' : ''),
    role: 'img',
    'aria-label': 'utilisation ' + percent(row.utilisationPercent),
  });
  const fill = el('div', { class: 'fill' });
  fill.style.width = at(value);
  bar.append(fill);
  for (const mark of [70, 100]) {
    const line = el('div', { class: 'mark', title: mark + ' %' });
    line.style.left = at(mark);
    bar.append(line);
  }
  if (row.expectedUtilisationPercent !== undefined && row.expectedUtilisationPercent !== null) {
    const even = el('div', { class: 'even', title: 'even spread of the year: ' + percent(row.expectedUtilisationPercent) });
    even.style.left = at(row.expectedUtilisationPercent);
    bar.append(even);
  }
  return el('div', { class: 'utilisation', title: euros(row.payableCents) + ' payable of ' + euros(row.ceilingCents) },
    bar, el('span', { class: 'utilisation-percent' }, percent(row.utilisationPercent)));
}
