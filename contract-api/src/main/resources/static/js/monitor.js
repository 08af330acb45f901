// The regulator's contracting-monitor figures of a year: one column per provider type.
import { get } from './api.js';
import { el, clear, message, param, busy, ready } from './dom.js';
import { percent } from './money.js';
import { header } from './nav.js';
import { require } from './session.js';
import { fillYears } from './years.js';

const session = await require('REGULATOR');
header(session);
const year = document.getElementById('year');

const TYPES = { INSTITUTION: 'Institutions', INDEPENDENT: 'Independent practitioners', HOSPITAL_WARD: 'Hospital wards' };
/** Rows: a label and how to read the figure from a provider type's figures. */
const ROWS = [
  ['Contracts', 'contracts', f => f.contracts],
  ['At the ceiling', 'contractsAtCeiling', f => f.contractsAtCeiling],
  ['Share at the ceiling', 'shareAtCeiling', f => percent(f.shareAtCeiling)],
  ['At the ceiling with a stop for that reason', 'contractsAtCeilingWithStop', f => f.contractsAtCeilingWithStop],
  ['Share of those at the ceiling', 'shareAtCeilingWithStop', f => percent(f.shareAtCeilingWithStop)],
  ['Stops: ceiling reached', 'stopsByReason.CEILING_REACHED', f => f.stopsByReason.CEILING_REACHED],
  ['Stops: capacity', 'stopsByReason.CAPACITY', f => f.stopsByReason.CAPACITY],
  ['Stops under 1 month', 'stopsByDuration.UNDER_1_MONTH', f => f.stopsByDuration.UNDER_1_MONTH],
  ['Stops 1–3 months', 'stopsByDuration.ONE_TO_3_MONTHS', f => f.stopsByDuration.ONE_TO_3_MONTHS],
  ['Stops over 3 months', 'stopsByDuration.OVER_3_MONTHS', f => f.stopsByDuration.OVER_3_MONTHS],
  ['Stops ongoing', 'stopsByDuration.ONGOING', f => f.stopsByDuration.ONGOING],
  ['Increase requests', 'increaseRequests', f => f.increaseRequests],
  ['Honoured (approved)', 'increaseRequestsHonoured', f => f.increaseRequestsHonoured],
  ['Share honoured', 'shareHonoured', f => percent(f.shareHonoured)],
  ['Rejected', 'increaseRequestsRejected', f => f.increaseRequestsRejected],
  ['Decided late or still open past the period', 'increaseRequestsOverdue', f => f.increaseRequestsOverdue],
  ['Decided within 4 weeks', 'decisionLeadTimes.WITHIN_4_WEEKS', f => f.decisionLeadTimes.WITHIN_4_WEEKS],
  ['Decided in 1–3 months', 'decisionLeadTimes.ONE_TO_3_MONTHS', f => f.decisionLeadTimes.ONE_TO_3_MONTHS],
  ['Decided after 3 months', 'decisionLeadTimes.OVER_3_MONTHS', f => f.decisionLeadTimes.OVER_3_MONTHS],
  ['Not decided yet', 'decisionLeadTimes.OPEN', f => f.decisionLeadTimes.OPEN],
];

async function load() {
  history.replaceState(null, '', '?year=' + year.value);
  busy();
  message('');
  try {
    const monitor = await get('/api/reports/contracting-monitor?year=' + year.value);
    const types = Object.keys(monitor.byProviderType);
    clear(document.querySelector('#monitor thead')).append(el('tr', {}, el('th', {}, String(monitor.year)),
      ...types.map(t => el('th', { class: 'num' }, TYPES[t] || t))));
    clear(document.querySelector('#monitor tbody')).append(...ROWS.map(([label, key, read]) => el('tr', {},
      el('th', { scope: 'row' }, label),
      ...types.map(t => el('td', { class: 'num', 'data-type': t, 'data-figure': key },
        String(read(monitor.byProviderType[t]) ?? '–'))))));
  } catch (e) {
    message(e.message);
  } finally {
    ready();
  }
}

fillYears(year, param('year'));
document.getElementById('filters').addEventListener('change', load);
load();
