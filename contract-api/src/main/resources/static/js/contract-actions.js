// The contract page's actions: only those the signed-in role may take in the contract's present state.
// Purchaser: accept the provider's proposal, withdraw an offer, counter-propose (negotiated), renew for the next term,
// terminate, settle a year, claw back. Provider: sign (once the terms are the insurer's or accepted by it) or decline
// an offer, counter-propose, request an increase, sign an addendum, announce and lift a patient stop.
import { get, post } from './api.js';
import { el, clear, dateTime } from './dom.js';
import { euros, tariffs } from './money.js';
import { centsOf, tariffOf, settingsOf, required, dateOf, onSubmit, InputError } from './forms.js';
import { CRITERIA } from './increase-terms.js';

const $ = id => document.getElementById(id);

/** What the page shows now; the handlers act on it. */
const shown = { contract: null, ceiling: null, renewing: null, linesAfter: null, linesRun: 0 };

/** Lines of the claw-back picker per page of the ceiling's declaration list. */
const LINES_PER_PAGE = 50;

function path(...parts) {
  return '/api/' + parts.map(encodeURIComponent).join('/');
}

function openStop(contract) {
  return contract.patientStops.find(s => !s.to) || null;
}

function unsignedAddenda(ceiling) {
  return ceiling.addenda.filter(a => !a.signedAt);
}

/** Attaches the handlers once; {@code reload} fetches and shows the page's data again after each action. */
export function setUpActions(session, reload) {
  const contractId = () => shown.contract.contractId;
  const ceilingId = () => shown.ceiling.ceilingId;
  const act = (form, action) => onSubmit($(form), async submitter => {
    const done = await action(submitter);
    await reload();
    return done;
  });

  act('accept-form', async () => {
    const acceptedBy = $('accept-by').value.trim() || session.name;
    await post(path('contracts', contractId(), 'acceptance'), { acceptedBy });
    return 'Accepted by ' + acceptedBy + ': the provider can now sign these terms.';
  });
  act('sign-form', async () => {
    const signedBy = $('sign-by').value.trim() || session.name;
    await post(path('contracts', contractId(), 'signature'), { signedBy });
    return 'Signed by ' + signedBy + ': the contract runs, with its ceilings open.';
  });
  act('decline-form', async () => {
    await post(path('contracts', contractId(), 'declination'), { reason: $('decline-reason').value.trim() || null });
    return 'The offer is declined.';
  });
  act('proposal-form', async () => {
    const body = {};
    if ($('proposal-ceiling').value.trim()) body.ceilingCents = centsOf($('proposal-ceiling').value, 'The ceiling');
    if ($('proposal-tariff').value.trim()) body.tariffPercentage = tariffOf($('proposal-tariff').value);
    if ($('proposal-settings').value.trim()) body.settings = settingsOf($('proposal-settings').value);
    if (Object.keys(body).length === 0) {
      throw new InputError('A proposal changes at least one of the ceiling, the tariff and the settings.');
    }
    await post(path('contracts', contractId(), 'proposals'), body);
    $('proposal-form').reset();
    return session.role === 'PROVIDER'
      ? 'Proposed: the insurer now accepts your proposal (then you can sign it) or proposes again.'
      : 'Proposed: the provider now signs or proposes again.';
  });
  act('withdraw-form', async () => {
    await post(path('contracts', contractId(), 'withdrawal'),
      { reason: required($('withdraw-reason').value, 'A reason') });
    return 'The offer is withdrawn.';
  });
  // not act(): a renewal is a new contract, whose page is shown instead of this one again
  onSubmit($('renew-form'), async () => {
    const body = {};
    const ceiling = $('renew-ceiling').value.trim();
    // the ceiling in force is the default: only another amount is sent, so the API carries the one it knows
    if (ceiling && ceiling !== $('renew-ceiling').defaultValue) {
      body.ceilingCents = centsOf(ceiling, 'The ceiling');
    }
    const expires = $('renew-expires').value;
    if (expires) {
      body.offerExpiresAt = new Date(expires).toISOString();
    }
    const answer = await post(path('contracts', contractId(), 'renewal'), body);
    location.assign('/contract.html?id=' + encodeURIComponent(answer.contractId) + '&renewed=1');
    return 'Renewal offered: contract ' + answer.contractId + '.';
  });
  act('terminate-form', async () => {
    const body = { reason: required($('terminate-reason').value, 'A reason'),
      effectiveDate: dateOf($('terminate-date').value, 'The last day of covered care') };
    await post(path('contracts', contractId(), 'termination'), body);
    return 'Terminated as of ' + body.effectiveDate + '.';
  });
  act('stop-form', async () => {
    const body = { reason: $('stop-reason').value, from: dateOf($('stop-from').value, 'The first day of the stop') };
    await post(path('contracts', contractId(), 'patient-stops'), body);
    return 'Patient stop announced from ' + body.from + '.';
  });
  act('lift-form', async () => {
    const stop = openStop(shown.contract);
    const to = dateOf($('lift-to').value, 'The last day of the stop');
    await post(path('contracts', contractId(), 'patient-stops', stop.stopId, 'lifting'), { to });
    return 'The patient stop is lifted: it ran until ' + to + '.';
  });

  // the criteria the insurer judges a request on (seed 001), named beside the grounds
  $('increase-criteria').append(...Object.entries(CRITERIA).map(([code, text]) => el('option', { value: code }, text)));
  act('increase-form', async () => {
    const body = { amountCents: centsOf($('increase-amount').value, 'The amount'),
      grounds: required($('increase-grounds').value, 'The grounds') };
    const criteria = [...$('increase-criteria').selectedOptions].map(option => option.value);
    if (criteria.length > 0) {
      body.criteria = criteria;
    }
    const answer = await post(path('ceilings', ceilingId(), 'increase-requests'), body);
    $('increase-form').reset();
    return 'Requested an increase of ' + euros(body.amountCents) + ' (request ' + answer.requestId
      + '): the purchaser decides.';
  });
  // seed 001: the decision period runs again from the day the request is complete
  act('completion-form', async () => {
    const request = askedRequest(shown.ceiling);
    const information = required($('completion-information').value, 'The information');
    await post(path('ceilings', ceilingId(), 'increase-requests', request.requestId, 'completion'), { information });
    $('completion-form').reset();
    return 'Sent: the request is complete, and the purchaser decides within the policy\'s period from today.';
  });
  act('addendum-form', async () => {
    const addendumId = required($('addendum-choice').value, 'The addendum');
    const signedBy = $('addendum-by').value.trim() || session.name;
    await post(path('ceilings', ceilingId(), 'addenda', addendumId, 'signature'), { signedBy });
    return 'Addendum signed: the ceiling is raised.';
  });
  act('settle-form', async () => {
    const year = shown.ceiling.year;
    await post(path('ceilings', ceilingId(), 'settlement'), {});
    return 'The year ' + year + ' is settled: its figures are final.';
  });
  act('claw-back-form', async () => {
    const declarationIds = [...$('claw-back-lines').querySelectorAll('input[type=checkbox]:checked')]
      .map(box => box.value);
    if (declarationIds.length === 0) {
      throw new InputError('Pick at least one declaration to claw back.');
    }
    const body = { amountCents: centsOf($('claw-back-amount').value, 'The amount'),
      reason: required($('claw-back-reason').value, 'A reason'), declarationIds };
    const answer = await post(path('ceilings', ceilingId(), 'claw-backs'), body);
    $('claw-back-form').reset();
    return 'Clawed back ' + euros(body.amountCents) + ' (' + answer.clawBackId + ').';
  });
  $('claw-back-more').addEventListener('click', () => showClawBackLines(ceilingId(), false));
}

/**
 * The claw-back picker: the ceiling's declarations with what is payable, held, credited and clawed back of each, a
 * page at a time (GET /api/ceilings/{id}/declarations). Built with el(): the API's text never goes in as HTML.
 */
async function showClawBackLines(ceilingId, fromStart) {
  const body = $('claw-back-lines').tBodies[0];
  if (fromStart) {
    shown.linesAfter = 0;
  }
  // only the latest listing shows: a reload while a page is on its way starts over
  const run = ++shown.linesRun;
  const page = await get(path('ceilings', ceilingId, 'declarations') + '?limit=' + LINES_PER_PAGE + '&after='
    + shown.linesAfter);
  if (run !== shown.linesRun || shown.ceiling?.ceilingId !== ceilingId) {
    return;
  }
  if (fromStart) {
    clear(body);
  }
  for (const line of page.lines) {
    const left = line.amountCents - line.creditedCents - line.clawedBackCents;
    const box = el('input', { type: 'checkbox', value: line.declarationId, disabled: left <= 0,
      'aria-label': 'claw back declaration ' + line.declarationId });
    body.append(el('tr', { 'data-declaration': line.declarationId },
      el('td', {}, box), el('td', {}, line.declarationId), el('td', {}, line.treatmentDate),
      el('td', {}, line.prestatieCode), el('td', { class: 'num' }, euros(line.amountCents)),
      el('td', { class: 'num' }, euros(line.payableCents)), el('td', { class: 'num' }, euros(line.heldCents)),
      el('td', { class: 'num' }, euros(line.creditedCents)), el('td', { class: 'num' }, euros(line.clawedBackCents)),
      el('td', { class: 'num' }, euros(left))));
  }
  shown.linesAfter = page.next;
  $('claw-back-more').hidden = page.next === null || page.next === undefined;
  $('claw-back-none').hidden = body.rows.length > 0;
}

/** The ceiling in force at the end of the term: its last year's, raises from signed addenda included. */
function ceilingAtTheEnd(contract) {
  const last = contract.ceilings[contract.ceilings.length - 1];
  return last ? last.ceilingCents : contract.ceilingCents;
}

/** A provider's own proposal waits for the insurer: signing is refused until the insurer accepts it (seed 000). */
function showSigning(contract) {
  const waiting = contract.awaitingAcceptance;
  $('sign-button').disabled = waiting;
  $('sign-waiting').hidden = !waiting;
  if (waiting) {
    $('sign-button').setAttribute('aria-describedby', 'sign-waiting');
    $('sign-waiting').textContent = 'Your proposal of round ' + contract.proposalRound + ' waits for the insurer: you '
      + 'can sign once the insurer accepts it, or sign the insurer\'s terms if it proposes again. The insurer answers by '
      + dateTime(contract.proposalAnswerDueAt) + (contract.proposalAnswerOverdue ? ' (overdue).' : '.');
  } else {
    $('sign-button').removeAttribute('aria-describedby');
  }
}

/** Shows the contract's actions for the role and the state. */
export function showContractActions(session, contract) {
  shown.contract = contract;
  const purchaser = session.role === 'PURCHASER';
  const provider = session.role === 'PROVIDER';
  const offered = contract.status === 'OFFERED';
  const signed = contract.status === 'SIGNED';
  const stop = openStop(contract);
  const visible = {
    'accept-form': purchaser && offered && contract.awaitingAcceptance,
    'sign-form': provider && offered,
    'decline-form': provider && offered,
    'proposal-form': (provider || purchaser) && offered && contract.kind === 'NEGOTIATED',
    'withdraw-form': purchaser && offered,
    'renew-form': purchaser && (signed || contract.status === 'ENDED') && !contract.renewedAs,
    'terminate-form': purchaser && signed,
    'stop-form': provider && signed && !stop,
    'lift-form': provider && stop !== null,
  };
  for (const [id, show] of Object.entries(visible)) {
    $(id).hidden = !show;
  }
  $('contract-actions').hidden = !Object.values(visible).some(Boolean);
  if (visible['accept-form']) {
    $('accept-which').textContent = 'The provider proposed round ' + contract.proposalRound + ': a ceiling of '
      + euros(contract.ceilingCents) + ' per year, ' + tariffs(contract.tariffPercentages) + ', settings '
      + contract.settings.join(', ') + '. Accepting it lets the provider sign these terms; or propose other terms. '
      + 'Answer by ' + dateTime(contract.proposalAnswerDueAt) + (contract.proposalAnswerOverdue ? ' (overdue).' : '.');
  }
  if (visible['sign-form']) {
    showSigning(contract);
  }
  if (visible['renew-form'] && shown.renewing !== contract.contractId) {
    // filled once per contract: what the purchaser typed stays while the page reloads its data
    shown.renewing = contract.contractId;
    const field = $('renew-ceiling');
    field.defaultValue = euros(ceilingAtTheEnd(contract)).replace('€ ', '');
    field.value = field.defaultValue;
  }
  if (stop) {
    $('lift-which').textContent = 'In force since ' + stop.from + ' ('
      + stop.reason.toLowerCase().replace('_', ' ') + ').';
  }
}

/** Shows the actions on the ceiling of the year chosen. */
export function showCeilingActions(session, contract, ceiling) {
  shown.ceiling = ceiling;
  const provider = session.role === 'PROVIDER';
  const addenda = unsignedAddenda(ceiling);
  $('increase-form').hidden = !(provider && contract.status === 'SIGNED');
  $('addendum-form').hidden = !(provider && addenda.length > 0);
  const asked = askedRequest(ceiling);
  $('completion-form').hidden = !(provider && asked);
  if (asked) {
    const round = asked.information[asked.information.length - 1];
    $('completion-question').textContent = 'Asked ' + dateTime(round.askedAt) + ' about the request of '
      + euros(asked.amountCents) + ': ' + round.question;
  }
  $('claw-back-form').hidden = session.role !== 'PURCHASER';
  if (session.role === 'PURCHASER') {
    showClawBackLines(ceiling.ceilingId, true).catch(e => {
      $('claw-back-none').hidden = false;
      $('claw-back-none').textContent = 'The declarations could not be listed: ' + e.message;
    });
  }
  // a signed (or since ended) contract's year not settled yet; the API says when it cannot be settled yet
  $('settle-form').hidden = !(session.role === 'PURCHASER' && contract.signedAt && !ceiling.settledAt);
  clear($('addendum-choice')).append(...addenda.map(a => el('option', { value: a.addendumId },
    euros(a.amountCents) + ', offered ' + String(a.offeredAt).slice(0, 10))));
}

/** The increase request on which the purchaser waits for the provider's information, if any. */
function askedRequest(ceiling) {
  return (ceiling?.increaseRequests || []).find(r => r.status === 'INFORMATION_REQUESTED');
}
