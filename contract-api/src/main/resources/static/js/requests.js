// The purchaser's queue of increase requests, overdue first: each with its state, the criteria it names and its due
// moment (none while the provider completes it: the clock stands still); approve (amount), ask the provider for more
// information (question), or reject with grounds and the reasons the NZa counts.
import { get, post } from './api.js';
import { el, clear, message, dateTime, endOfDay, busy, ready } from './dom.js';
import { euros, parseCents } from './money.js';
import { header } from './nav.js';
import { require } from './session.js';
import { STATES, CRITERIA, REJECTION_REASONS, words } from './increase-terms.js';

const session = await require('PURCHASER');
header(session);

/** Decided here: the queue is a streaming view that follows a decision within about a second. */
const decided = new Set();
/** Asked here: shown as waiting for the provider until the queue follows. */
const asked = new Set();

function base(request) {
  return '/api/ceilings/' + encodeURIComponent(request.ceilingId) + '/increase-requests/'
    + encodeURIComponent(request.requestId);
}

async function decide(request, action, row) {
  busy();
  for (const button of row.querySelectorAll('button')) button.disabled = true;
  try {
    if (action === 'approve') {
      const amount = parseCents(row.querySelector('input.amount').value);
      if (amount === null || amount <= 0) {
        throw new Error('The amount to approve is not an amount in euros, e.g. 12.500,00');
      }
      const answer = await post(base(request) + '/approval', { amountCents: amount });
      message('Approved ' + euros(amount) + ' for provider ' + request.providerAgb
        + ': an addendum (' + answer.addendumId + ') is offered to the provider for signature.', 'ok');
    } else if (action === 'ask') {
      const question = row.querySelector('input.question').value.trim();
      if (!question) {
        throw new Error('Write the question for the provider.');
      }
      await post(base(request) + '/information-request', { question });
      message('Asked provider ' + request.providerAgb + ' for more information: the decision period stands still '
        + 'until the request is complete.', 'ok');
      asked.add(request.requestId);
      await load(false);
      return;
    } else {
      const grounds = row.querySelector('input.grounds').value.trim();
      if (!grounds) {
        throw new Error('Give the grounds for rejecting the request.');
      }
      const reasons = [...row.querySelector('select.reasons').selectedOptions].map(o => o.value);
      await post(base(request) + '/rejection', { grounds, reasons });
      message('Rejected the request of provider ' + request.providerAgb
        + (reasons.length ? ' (' + reasons.map(r => words(REJECTION_REASONS, r)).join(', ') + ')' : '') + '.', 'ok');
    }
    decided.add(request.requestId);
    await load(false);
  } catch (e) {
    message(e.message);
    for (const button of row.querySelectorAll('button')) button.disabled = false;
    ready();
  }
}

/** The state in words; information asked here is shown at once, before the streaming view follows. */
function stateOf(request) {
  return asked.has(request.requestId) && request.status !== 'INFORMATION_REQUESTED' ? 'INFORMATION_REQUESTED'
    : request.status;
}

/** When the decision is due: the end of the due day; no moment while the provider completes the request. */
function dueOf(request, state) {
  if (state === 'INFORMATION_REQUESTED' || !request.decisionDueAt) {
    return el('span', { class: 'muted' }, 'clock stopped until the provider completes the request');
  }
  return [endOfDay(request.decisionDueAt), ' ', request.overdue ? el('span', { class: 'badge bad' }, 'overdue') : null];
}

function rowOf(request) {
  const state = stateOf(request);
  const amount = el('input', { class: 'amount', 'aria-label': 'amount to approve in euros',
    value: euros(request.amountCents).replace('€ ', '') });
  const question = el('input', { class: 'question', 'aria-label': 'question for the provider',
    placeholder: 'question for the provider' });
  const grounds = el('input', { class: 'grounds', 'aria-label': 'grounds for rejection', placeholder: 'grounds' });
  const reasons = el('select', { class: 'reasons', multiple: '', size: '3', 'aria-label': 'reasons for rejection' },
    ...Object.keys(REJECTION_REASONS).map(code => el('option', { value: code }, words(REJECTION_REASONS, code))));
  const approve = el('button', { type: 'button', class: 'approve' }, 'Approve');
  const ask = el('button', { type: 'button', class: 'ask' }, 'Ask for information');
  const reject = el('button', { type: 'button', class: 'danger reject' }, 'Reject');
  const criteria = request.criteria || [];
  const row = el('tr', { class: request.overdue ? 'overdue' : null, 'data-request': request.requestId },
    el('td', {}, el('a', { href: '/contract.html?id=' + encodeURIComponent(request.contractId) + '&year='
      + request.year }, request.providerAgb), el('div', { class: 'muted' },
      request.providerType.toLowerCase().replace('_', ' ') + (request.kind ? ', ' + request.kind.toLowerCase() : ''))),
    el('td', {}, String(request.year)),
    el('td', { class: 'num requested' }, euros(request.amountCents)),
    el('td', { class: 'state' }, el('span', { class: 'badge ' + (state === 'INFORMATION_REQUESTED' ? 'muted' : 'warn'),
      'data-state': state }, words(STATES, state))),
    el('td', { class: 'criteria' }, criteria.length
      ? el('ul', { class: 'plain' }, ...criteria.map(c => el('li', { 'data-criterion': c }, words(CRITERIA, c))))
      : el('span', { class: 'muted' }, 'none named'), el('div', { class: 'grounds-text' }, request.grounds)),
    el('td', {}, dateTime(request.requestedAt)),
    el('td', { class: 'due' }, dueOf(request, state)),
    el('td', { class: 'num' }, request.daysWaiting + ' days'),
    el('td', {}, el('div', { class: 'actions' }, '€', amount, approve),
      state === 'INFORMATION_REQUESTED' ? null : el('div', { class: 'actions' }, question, ask),
      el('div', { class: 'actions' }, grounds, reasons, reject)));
  approve.addEventListener('click', () => decide(request, 'approve', row));
  ask.addEventListener('click', () => decide(request, 'ask', row));
  reject.addEventListener('click', () => decide(request, 'reject', row));
  return row;
}

async function load(clearMessage = true) {
  busy();
  if (clearMessage) message('');
  try {
    const queue = (await get('/api/monitoring/increase-requests?insurer=' + session.insurerUzovi))
      .filter(r => !decided.has(r.requestId));
    const body = clear(document.querySelector('#queue tbody'));
    body.append(...queue.map(rowOf));
    const overdue = queue.filter(r => r.overdue).length;
    document.getElementById('count').textContent = queue.length === 0 ? 'Nothing waits for a decision.'
      : queue.length + ' requests wait for a decision, ' + overdue + ' of them overdue.';
  } catch (e) {
    message(e.message);
  } finally {
    ready();
  }
}

load();
