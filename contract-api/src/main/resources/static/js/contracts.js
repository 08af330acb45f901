// Contracts list: filters by insurer, year, status and provider; a utilisation bar per ceiling of the year; a
// purchaser offers a contract from here.
import { get, ApiError } from './api.js';
import { el, clear, message, param, busy, ready } from './dom.js';
import { euros, percent } from './money.js';
import { header } from './nav.js';
import { require } from './session.js';
import { fillYears } from './years.js';
import { fillInsurers } from './insurers.js';
import { utilisationBar } from './utilisation.js';
import { offerForm } from './offer.js';

const session = await require('PURCHASER', 'PROVIDER', 'REGULATOR');
header(session);

const form = document.getElementById('filters');
const insurer = document.getElementById('insurer');
const year = document.getElementById('year');
const status = document.getElementById('status');
const provider = document.getElementById('provider');

function query() {
  const q = new URLSearchParams();
  if (session.role === 'REGULATOR' && insurer.value) q.set('insurer', insurer.value);
  if (year.value) q.set('year', year.value);
  if (status.value) q.set('status', status.value);
  if (session.role !== 'PROVIDER' && provider.value.trim()) q.set('provider', provider.value.trim());
  return q;
}

/** The monitoring rows of the year's ceilings by contract: purchasers and the regulator. */
async function ceilingsByContract(q, mine) {
  const byContract = new Map();
  if (session.role === 'PROVIDER') {
    return byContract;
  }
  const m = new URLSearchParams({ insurer: session.role === 'PURCHASER' ? session.insurerUzovi : q.get('insurer'),
    year: q.get('year') });
  if (q.get('provider')) m.set('provider', q.get('provider'));
  const monitoring = await get('/api/monitoring/ceilings?' + m);
  for (const row of monitoring.ceilings) {
    byContract.set(row.contractId, row);
  }
  if (mine === generation) {
    showTotals(monitoring.totals);
  }
  return byContract;
}

/** A provider has no monitoring view: its own ceilings, one by one. */
async function providerCeiling(contract, y) {
  if (!['SIGNED', 'TERMINATED', 'ENDED'].includes(contract.status)) {
    return null;
  }
  try {
    return await get('/api/ceilings/' + encodeURIComponent(contract.contractId + '-' + y));
  } catch (e) {
    return null;
  }
}

function figure(label, value, id) {
  return el('div', { class: 'figure' }, el('div', { class: 'label' }, label),
    el('div', { class: 'value', id }, value));
}

function showTotals(totals) {
  clear(document.getElementById('totals')).append(
    figure('Ceilings', String(totals.ceilings), 'total-ceilings'),
    figure('Ceiling in force', euros(totals.ceilingCents), 'total-ceiling'),
    figure('Payable', euros(totals.payableCents), 'total-payable'),
    figure('Unpaid above ceiling', euros(totals.unpaidCents), 'total-unpaid'),
    figure('Utilisation', percent(totals.utilisationPercent), 'total-utilisation'),
    figure('Open increase requests', totals.openIncreaseRequests + ' (' + totals.overdueIncreaseRequests + ' overdue)',
      'total-requests'));
}

function statusBadge(value) {
  const kind = value === 'SIGNED' ? 'ok' : value === 'OFFERED' ? 'warn' : 'muted';
  return el('span', { class: 'badge ' + kind }, value);
}

/** Each load counts: only the latest one shows its rows (a quick second filter change overtakes the first). */
let generation = 0;

async function load() {
  const mine = ++generation;
  const q = query();
  history.replaceState(null, '', '?' + q);
  busy();
  message('');
  const body = document.createDocumentFragment();
  try {
    const [contracts, ceilings] = await Promise.all([get('/api/contracts?' + q), ceilingsByContract(q, mine)]);
    for (const contract of contracts) {
      const ceiling = ceilings.get(contract.contractId)
        || (session.role === 'PROVIDER' ? await providerCeiling(contract, q.get('year')) : null);
      const requests = ceiling && ceiling.openIncreaseRequests ? ceiling.openIncreaseRequests : [];
      body.append(el('tr', { 'data-contract': contract.contractId },
        el('td', {}, el('a', { href: '/contract.html?id=' + encodeURIComponent(contract.contractId) },
          contract.providerAgb)),
        el('td', {}, contract.providerType.toLowerCase().replace('_', ' ')),
        el('td', {}, contract.kind.toLowerCase()),
        el('td', {}, contract.termStart + ' – ' + contract.termEnd),
        el('td', {}, statusBadge(contract.status)),
        el('td', { class: 'num ceiling' }, euros(ceiling ? ceiling.ceilingCents : contract.ceilingCents)),
        el('td', { class: 'num payable' }, ceiling ? euros(ceiling.payableCents) : '–'),
        el('td', {}, ceiling ? utilisationBar(ceiling) : el('span', { class: 'muted' }, 'no ceiling this year')),
        el('td', {}, requests.length === 0 ? '' : el('span', {
          class: 'badge ' + (requests.some(r => r.overdue) ? 'bad' : 'warn'),
        }, requests.length + (requests.some(r => r.overdue) ? ' overdue' : ' waiting')))));
    }
    if (mine !== generation) {
      return;
    }
    document.querySelector('#contracts tbody').replaceChildren(body);
    document.getElementById('count').textContent = contracts.length === 0
      ? 'No contracts match these filters.'
      : contracts.length + ' contracts' + (contracts.length >= 200 ? ' (the first 200)' : '');
  } catch (e) {
    message(e instanceof ApiError ? e.message : 'Could not load the contracts: ' + e.message);
  } finally {
    if (mine === generation) {
      ready();
    }
  }
}

async function init() {
  fillYears(year, param('year'));
  status.value = param('status') || '';
  provider.value = param('provider') || '';
  if (session.role === 'REGULATOR') {
    document.getElementById('insurer-filter').hidden = false;
    await fillInsurers(insurer, param('insurer'));
  }
  if (session.role === 'PROVIDER') {
    document.getElementById('provider-filter').hidden = true;
  }
  offerForm(session);
  form.addEventListener('submit', event => {
    event.preventDefault();
    load();
  });
  // the selects apply at once; the provider code when submitted
  form.addEventListener('change', event => {
    if (event.target !== provider) load();
  });
  await load();
}

init();
