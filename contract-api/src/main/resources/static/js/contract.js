// Contract page: the contract's state, its proposals side by side (proposals.js) and exclusions, the ceiling of a year
// with its chart, requests and claw-backs, the timeline; the actions the signed-in role may take now
// (contract-actions.js).
import { get, ApiError } from './api.js';
import { el, clear, message, param, date, dateTime, endOfDay, busy, ready } from './dom.js';
import { euros, tariffs } from './money.js';
import { header } from './nav.js';
import { require } from './session.js';
import { currentYear } from './years.js';
import { ceilingChart } from './ceiling-chart.js';
import { utilisationBar } from './utilisation.js';
import { setUpActions, showContractActions, showCeilingActions } from './contract-actions.js';
import { showProposals } from './proposals.js';
import { STATES, CRITERIA, REJECTION_REASONS, words } from './increase-terms.js';

const session = await require('PURCHASER', 'PROVIDER', 'REGULATOR');
header(session);
const contractId = param('id');
/** The contract as last loaded: the ceiling's actions depend on its state. */
let contract = null;

function fact(term, value) {
  return [el('dt', {}, term), el('dd', { 'data-fact': term }, value)];
}

function contractLink(id) {
  return el('a', { href: '/contract.html?id=' + encodeURIComponent(id) }, id);
}

/** Where the negotiation stands: whose proposal is on the table and whether the insurer accepted it. */
function proposalState(c) {
  if (c.proposalRound === 0) {
    return 'the offer as made';
  }
  let text = 'round ' + c.proposalRound + ' by ' + (c.lastProposedBy === 'PROVIDER' ? 'the provider' : 'the insurer');
  if (c.proposalAccepted) {
    text += ', accepted by ' + c.acceptedBy + ' on ' + dateTime(c.acceptedAt);
  } else if (c.awaitingAcceptance) {
    text += ', awaiting the insurer\'s acceptance; the insurer answers by ' + dateTime(c.proposalAnswerDueAt);
  }
  return c.awaitingAcceptance && c.proposalAnswerOverdue
    ? [text, ' ', el('span', { class: 'badge bad', id: 'answer-overdue' }, 'overdue')] : text;
}

function showContract(c) {
  document.getElementById('title').textContent = 'Contract with provider ' + c.providerAgb;
  document.title = 'Contract ' + c.providerAgb + ' · GGZ contracts';
  const stops = c.patientStops.map(s => s.reason.toLowerCase().replace('_', ' ') + ' from ' + s.from
    + (s.to ? ' to ' + s.to : ', ongoing'));
  clear(document.getElementById('facts')).append(...[
    fact('Status', el('span', { class: 'badge ' + (c.status === 'SIGNED' ? 'ok' : 'muted'), id: 'status' }, c.status)),
    fact('Insurer (UZOVI)', c.insurerUzovi),
    fact('Provider (AGB)', c.providerAgb + ' · ' + c.providerType.toLowerCase().replace('_', ' ')),
    fact('Kind', c.kind === 'DIGITAL' ? 'digital (take it or leave it)' : 'negotiated (maatwerk)'),
    fact('Term', c.termStart + ' – ' + c.termEnd),
    fact('Settings', c.settings.join(', ')),
    fact('Tariff (% of the NZa maximum)', tariffs(c.tariffPercentages)),
    fact('Ceiling per year (offered)', euros(c.ceilingCents)),
    fact('Offered', dateTime(c.offeredAt) + (c.offerExpiresAt ? ', open until ' + dateTime(c.offerExpiresAt) : '')),
    c.kind === 'NEGOTIATED' && c.status === 'OFFERED' ? fact('Proposal on the table', proposalState(c)) : [],
    c.renewalOf ? fact('Renewal of', contractLink(c.renewalOf)) : [],
    c.renewedAs ? fact('Renewed as', contractLink(c.renewedAs)) : [],
    c.signedAt ? fact('Signed', dateTime(c.signedAt) + ' by ' + c.signedBy) : [],
    c.closedAt ? fact('Closed', dateTime(c.closedAt) + (c.closingReason ? ': ' + c.closingReason : '')) : [],
    c.terminationEffectiveDate ? fact('Terminated as of', c.terminationEffectiveDate) : [],
    fact('Patient stops', stops.length ? stops.join('; ') : 'none'),
  ].flat());
}

function showExclusions(c) {
  const exclusions = c.exclusions || [];
  document.getElementById('exclusions-section').hidden = exclusions.length === 0;
  clear(document.querySelector('#exclusions tbody')).append(...exclusions.map(x => el('tr', {},
    el('td', {}, x.setting !== null ? 'setting ' + x.setting : 'prestatie ' + x.prestatieCode),
    el('td', {}, x.from),
    el('td', {}, x.amendedAt ? 'amendment of ' + dateTime(x.amendedAt) : 'the offer'),
    el('td', {}, x.backdatingReason || '–'))));
}

async function showRounds(c) {
  const section = document.getElementById('proposals-section');
  if (c.kind !== 'NEGOTIATED' && c.proposalRound === 0) {
    section.hidden = true;
    return;
  }
  const rounds = await get('/api/contracts/' + encodeURIComponent(contractId) + '/proposals');
  showProposals(document.getElementById('proposals'), rounds);
  section.hidden = rounds.length === 0;
}

function figure(label, value, id) {
  return el('div', { class: 'figure' }, el('div', { class: 'label' }, label), el('div', { class: 'value', id }, value));
}

async function showCeiling(ceilingId) {
  const ceiling = await get('/api/ceilings/' + encodeURIComponent(ceilingId));
  document.getElementById('ceiling-year').textContent = String(ceiling.year);
  clear(document.getElementById('ceiling-figures')).append(
    figure('Initial ceiling', euros(ceiling.initialCeilingCents), 'initial-ceiling'),
    figure('Ceiling in force', euros(ceiling.ceilingCents), 'ceiling-in-force'),
    figure('Declared', euros(ceiling.declaredCents), 'declared'),
    figure('Clawed back', euros(ceiling.clawedBackCents), 'clawed-back'),
    figure('Payable', euros(ceiling.payableCents), 'payable'),
    figure('Unpaid above ceiling', euros(ceiling.unpaidCents), 'unpaid'),
    figure('Utilisation', utilisationBar(ceiling), 'utilisation'),
    figure('Thresholds of the ceiling in force', thresholdsInForce(ceiling), 'thresholds'),
    ...clearedThresholds(ceiling),
    ...settlementFigures(ceiling));
  const settled = document.getElementById('ceiling-settled');
  settled.hidden = !ceiling.settledAt;
  settled.textContent = ceiling.settledAt ? 'settled ' + date(ceiling.settledAt) : '';
  showCeilingActions(session, contract, ceiling);

  clear(document.querySelector('#requests tbody')).append(...(ceiling.increaseRequests.length === 0
    ? [el('tr', {}, el('td', { colspan: 8, class: 'muted' }, 'No increase requests.'))]
    : ceiling.increaseRequests.map(r => el('tr', {},
      el('td', {}, dateTime(r.requestedAt)), el('td', { class: 'num' }, euros(r.amountCents)), el('td', {}, r.grounds),
      el('td', {}, el('span', { class: 'badge ' + (r.status === 'APPROVED' ? 'ok' : r.status === 'REJECTED' ? 'bad'
        : 'warn') }, words(STATES, r.status) + (r.overdue ? ', overdue' : '')),
        (r.criteria || []).length ? el('div', { class: 'muted' }, 'criteria: '
          + r.criteria.map(c => words(CRITERIA, c)).join(', ')) : null),
      el('td', {}, r.status === 'INFORMATION_REQUESTED' ? 'clock stopped' : endOfDay(r.decisionDueAt)),
      el('td', {}, r.decidedAt ? dateTime(r.decidedAt) + (r.decisionGrounds ? ': ' + r.decisionGrounds : '')
        + ((r.rejectionReasons || []).length ? ' (' + r.rejectionReasons.map(x => words(REJECTION_REASONS, x))
          .join(', ') + ')' : '') : '–'),
      el('td', { class: 'num' }, r.approvedCents === null ? '–' : euros(r.approvedCents)),
      el('td', {}, addendumOf(ceiling, r))))));

  clear(document.querySelector('#claw-backs tbody')).append(...(ceiling.clawBacks.length === 0
    ? [el('tr', {}, el('td', { colspan: 4, class: 'muted' }, 'No claw-backs.'))]
    : ceiling.clawBacks.map(c => el('tr', {}, el('td', {}, dateTime(c.issuedAt)),
      el('td', { class: 'num' }, euros(c.amountCents)), el('td', {}, c.reason,
        c.afterSettlement ? [' ', el('span', { class: 'badge muted' }, 'recovery after settlement')] : null),
      el('td', {}, c.declarationIds.join(', '))))));

  const chartArea = clear(document.getElementById('chart-area'));
  const months = clear(document.querySelector('#months tbody'));
  if (session.role === 'PROVIDER') {
    chartArea.append(el('p', { class: 'muted' }, 'The month-by-month chart is for purchasers and the regulator.'));
    document.getElementById('months-details').hidden = true;
    return;
  }
  const series = await get('/api/monitoring/ceilings/' + encodeURIComponent(ceilingId) + '/series');
  const now = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit' })
    .format(new Date()).slice(0, 7);
  chartArea.append(ceilingChart(series, now));
  document.getElementById('legend').hidden = false;
  for (const m of series.months) {
    months.append(el('tr', {}, el('td', {}, m.month), el('td', { class: 'num' }, euros(m.declaredCents)),
      el('td', { class: 'num' }, euros(m.clawedBackCents)), el('td', { class: 'num' }, euros(m.cumulativePayableCents)),
      el('td', { class: 'num' }, euros(m.ceilingCents)), el('td', { class: 'num' }, euros(m.evenSpreadCents))));
  }
}

/** The marks reached against the ceiling in force (issue 15: a raise clears those the raised ceiling does not reach). */
function thresholdsInForce(ceiling) {
  const marks = ceiling.thresholds.filter(t => !t.clearedAt);
  return marks.length ? marks.map(t => t.percent + ' % of ' + euros(t.ceilingCents) + ' on ' + date(t.reachedAt))
    .join(', ') : 'none reached';
}

/** Marks reached against an earlier, lower ceiling and cleared when an addendum raised it. */
function clearedThresholds(ceiling) {
  const cleared = ceiling.thresholds.filter(t => t.clearedAt);
  return cleared.length ? [figure('Cleared by a raise', cleared.map(t => t.percent + ' % of '
    + euros(t.ceilingCents) + ' on ' + date(t.reachedAt) + ', cleared ' + date(t.clearedAt)).join('; '),
  'thresholds-cleared')] : [];
}

/** The year as settled (seed 000: settlement in the next year) and what claw-backs recovered after it. */
function settlementFigures(ceiling) {
  if (!ceiling.settledAt) {
    return [];
  }
  const s = ceiling.settlement;
  return [figure('Settled', dateTime(ceiling.settledAt), 'settled'),
    figure('Settled: payable', euros(s.payableCents), 'settled-payable'),
    figure('Settled: unpaid above ceiling', euros(s.unpaidCents), 'settled-unpaid'),
    figure('Recovered after settlement', euros(ceiling.recoveredAfterSettlementCents), 'recovered-after')];
}

function addendumOf(ceiling, request) {
  const addendum = ceiling.addenda.find(a => a.requestId === request.requestId);
  if (!addendum) {
    return '–';
  }
  return addendum.signedAt ? 'signed ' + date(addendum.signedAt) + ' by ' + addendum.signedBy
    : 'offered ' + date(addendum.offeredAt) + ', not signed yet';
}

async function showTimeline() {
  const entries = await get('/api/contracts/' + encodeURIComponent(contractId) + '/timeline');
  clear(document.querySelector('#timeline tbody')).append(...entries.map(e => el('tr', {},
    el('td', {}, dateTime(e.at)), el('td', {}, e.description), el('td', {}, e.actor),
    el('td', { class: 'num' }, e.amountCents === null ? '' : euros(e.amountCents)))));
  if (entries.length === 0) {
    document.querySelector('#timeline tbody').append(el('tr', {}, el('td', { colspan: 4, class: 'muted' },
      'Nothing yet: the timeline follows the contract within about a second.')));
  }
}

/** Fetches and shows everything; again after each action (the ceiling chosen stays chosen). */
async function load() {
  busy();
  try {
    contract = await get('/api/contracts/' + encodeURIComponent(contractId));
    showContract(contract);
    showExclusions(contract);
    showContractActions(session, contract);
    const timeline = showTimeline();
    const rounds = showRounds(contract);
    if (contract.ceilings.length > 0) {
      document.getElementById('ceiling-section').hidden = false;
      const choice = document.getElementById('ceiling-choice');
      const chosen = choice.value;
      clear(choice).append(...contract.ceilings.map(c => el('option', { value: c.ceilingId }, String(c.year))));
      const wanted = param('year') || String(currentYear());
      const initial = contract.ceilings.find(c => c.ceilingId === chosen)
        || contract.ceilings.find(c => String(c.year) === wanted) || contract.ceilings[0];
      choice.value = initial.ceilingId;
      await showCeiling(initial.ceilingId);
    }
    await Promise.all([timeline, rounds]);
  } catch (e) {
    message(e instanceof ApiError ? e.message : 'Could not load the contract: ' + e.message);
  } finally {
    ready();
  }
}

async function init() {
  if (!contractId) {
    message('No contract chosen: open one from the contracts list.');
    ready();
    return;
  }
  const choice = document.getElementById('ceiling-choice');
  choice.addEventListener('change', () => {
    busy();
    showCeiling(choice.value).catch(e => message(e.message)).finally(ready);
  });
  setUpActions(session, load);
  if (param('offered')) {
    message('The offer is made: the provider can now sign it (or, when negotiated, propose other terms).', 'ok');
    // said once: a reload of the page does not say it again
    history.replaceState(null, '', '?id=' + encodeURIComponent(contractId));
  } else if (param('renewed')) {
    message('The renewal is offered: the provider can now sign it for the next term.', 'ok');
    history.replaceState(null, '', '?id=' + encodeURIComponent(contractId));
  }
  await load();
}

init();
