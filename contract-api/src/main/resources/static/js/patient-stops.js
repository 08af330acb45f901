// Patient-stop report of one insurer and year: figures, a chart of the durations, the stops.
import { get } from './api.js';
import { el, clear, message, param, busy, ready } from './dom.js';
import { header } from './nav.js';
import { require } from './session.js';
import { fillYears } from './years.js';
import { fillInsurers } from './insurers.js';
import { barChart } from './bar-chart.js';

const session = await require('PURCHASER', 'REGULATOR');
header(session);

const insurer = document.getElementById('insurer');
const year = document.getElementById('year');

export const BUCKETS = { UNDER_1_MONTH: 'under 1 month', ONE_TO_3_MONTHS: '1 to 3 months',
  OVER_3_MONTHS: 'over 3 months', ONGOING: 'ongoing' };
const REASONS = { CEILING_REACHED: 'ceiling reached', CAPACITY: 'capacity or staff' };

function figure(label, value, id) {
  return el('div', { class: 'figure' }, el('div', { class: 'label' }, label),
    el('div', { class: 'value', id }, String(value)));
}

async function load() {
  const chosen = session.role === 'PURCHASER' ? session.insurerUzovi : insurer.value;
  history.replaceState(null, '', '?' + new URLSearchParams({ insurer: chosen, year: year.value }));
  busy();
  message('');
  try {
    const report = await get('/api/reports/patient-stops?' + new URLSearchParams({ insurer: chosen, year: year.value }));
    clear(document.getElementById('figures')).append(
      figure('Stops', report.stops.length, 'stop-count'),
      figure('Still in force', report.openStops, 'open-stops'),
      ...Object.entries(report.byReason).map(([reason, n]) => figure('Because of ' + (REASONS[reason] || reason), n,
        'reason-' + reason)),
      figure('Contracts at their ceiling', report.contractsAtCeiling, 'contracts-at-ceiling'),
      figure('At the ceiling without a stop reported', report.ceilingsExhaustedWithoutStop, 'exhausted-without-stop'));
    clear(document.getElementById('duration-chart')).append(barChart(Object.entries(report.byDuration)
      .map(([key, value]) => ({ key, value, label: BUCKETS[key] || key, className: key === 'ONGOING' ? 'ongoing' : '' })),
    'duration', 'patient stops by duration'));
    const body = clear(document.querySelector('#stops tbody'));
    body.append(...report.stops.map(s => el('tr', {},
      el('td', {}, el('a', { href: '/contract.html?id=' + encodeURIComponent(s.contractId) + '&year=' + report.year },
        s.providerAgb)),
      el('td', {}, REASONS[s.reason] || s.reason), el('td', {}, s.from), el('td', {}, s.to || 'in force'),
      el('td', { class: 'num' }, s.durationDays === null ? '–' : String(s.durationDays)),
      el('td', {}, BUCKETS[s.bucket] || s.bucket))));
    if (report.stops.length === 0) {
      body.append(el('tr', {}, el('td', { colspan: 6, class: 'muted' }, 'No patient stops in this year.')));
    }
  } catch (e) {
    message(e.message);
  } finally {
    ready();
  }
}

async function init() {
  fillYears(year, param('year'));
  if (session.role === 'REGULATOR') {
    document.getElementById('insurer-filter').hidden = false;
    await fillInsurers(insurer, param('insurer'));
  }
  document.getElementById('filters').addEventListener('change', load);
  await load();
}

init();
