// The purchaser's queue of increase requests, overdue first, with approve (amount) and reject (grounds).
import { get, post } from './api.js';
import { el, clear, message, dateTime, busy, ready } from './dom.js';
import { euros, parseCents } from './money.js';
import { header } from './nav.js';
import { require } from './session.js';

const session = await require('PURCHASER');
header(session);

/** Decided here: the queue is a streaming view that follows a decision within about a second. */
const decided = new Set();

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
    } else {
      const grounds = row.querySelector('input.grounds').value.trim();
      if (!grounds) {
        throw new Error('Give the grounds for rejecting the request.');
      }
      await post(base(request) + '/rejection', { grounds });
      message('Rejected the request of provider ' + request.providerAgb + '.', 'ok');
    }
    decided.add(request.requestId);
    await load(false);
  } catch (e) {
    message(e.message);
    for (const button of row.querySelectorAll('button')) button.disabled = false;
    ready();
  }
}

function rowOf(request) {
  const amount = el('input', { class: 'amount', 'aria-label': 'amount to approve in euros',
    value: euros(request.amountCents).replace('€ ', '') });
  const grounds = el('input', { class: 'grounds', 'aria-label': 'grounds for rejection', placeholder: 'grounds' });
  const approve = el('button', { type: 'button', class: 'approve' }, 'Approve');
  const reject = el('button', { type: 'button', class: 'danger reject' }, 'Reject');
  const row = el('tr', { class: request.overdue ? 'overdue' : null, 'data-request': request.requestId },
    el('td', {}, el('a', { href: '/contract.html?id=' + encodeURIComponent(request.contractId) + '&year='
      + request.year }, request.providerAgb), el('div', { class: 'muted' },
      request.providerType.toLowerCase().replace('_', ' '))),
    el('td', {}, String(request.year)),
    el('td', { class: 'num requested' }, euros(request.amountCents)),
    el('td', {}, request.grounds),
    el('td', {}, dateTime(request.requestedAt)),
    el('td', {}, dateTime(request.decisionDueAt), ' ', request.overdue ? el('span', { class: 'badge bad' }, 'overdue')
      : null),
    el('td', { class: 'num' }, request.daysWaiting + ' days'),
    el('td', {}, el('div', { class: 'actions' }, '€', amount, approve), el('div', { class: 'actions' }, grounds, reject)));
  approve.addEventListener('click', () => decide(request, 'approve', row));
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
