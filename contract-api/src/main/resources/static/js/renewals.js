// The purchaser's yearly renewal: next year's offers from the signed contracts of the insurer that end in the year
// chosen (optionally of one provider type and kind), and what became of each: offered (with the new offer) or skipped
// (with the reason).
import { post } from './api.js';
import { el, clear, ready } from './dom.js';
import { euros } from './money.js';
import { header } from './nav.js';
import { require } from './session.js';
import { fillYears } from './years.js';
import { onSubmit } from './forms.js';

const session = await require('PURCHASER');
header(session);

const $ = id => document.getElementById(id);

function contractLink(id, text) {
  return el('a', { href: '/contract.html?id=' + encodeURIComponent(id) }, text || id);
}

function figure(label, value, id) {
  return el('div', { class: 'figure' }, el('div', { class: 'label' }, label), el('div', { class: 'value', id }, value));
}

function showResults(answer) {
  $('results-section').hidden = false;
  $('results-title').textContent = 'Contracts ending in ' + answer.year;
  clear($('totals')).append(figure('Offered', String(answer.offered), 'offered-count'),
    figure('Skipped', String(answer.skipped), 'skipped-count'));
  const body = clear(document.querySelector('#renewals tbody'));
  if (answer.results.length === 0) {
    body.append(el('tr', {}, el('td', { colspan: 6, class: 'muted' },
      'No signed contracts of your insurer end in ' + answer.year + ' with these filters.')));
    return;
  }
  body.append(...answer.results.map(r => {
    const offered = r.outcome === 'OFFERED';
    return el('tr', { 'data-contract': r.contractId, class: offered ? 'offered' : 'skipped' },
      el('td', {}, contractLink(r.contractId)),
      el('td', { class: 'provider' }, r.providerAgb),
      el('td', { class: 'outcome' }, el('span', { class: 'badge ' + (offered ? 'ok' : 'muted') },
        offered ? 'offered' : 'skipped')),
      el('td', { class: 'new-offer' }, r.renewalContractId ? contractLink(r.renewalContractId) : '–'),
      el('td', { class: 'num ceiling' }, r.ceilingCents === null || r.ceilingCents === undefined ? '–'
        : euros(r.ceilingCents)),
      el('td', { class: 'reason' }, r.reason || ''));
  }));
}

function init() {
  // the autumn's work: this year's contracts are renewed for next year
  fillYears($('renewal-year'));
  onSubmit($('renewal-form'), async () => {
    const body = {};
    if ($('renewal-type').value) body.providerType = $('renewal-type').value;
    if ($('renewal-kind').value) body.kind = $('renewal-kind').value;
    if ($('renewal-expires').value) body.offerExpiresAt = new Date($('renewal-expires').value).toISOString();
    const year = $('renewal-year').value;
    const answer = await post('/api/policies/' + encodeURIComponent(session.insurerUzovi) + '/'
      + encodeURIComponent(year) + '/renewals', body);
    showResults(answer);
    return answer.offered + ' renewal(s) offered, ' + answer.skipped + ' skipped, of the contracts ending in '
      + answer.year + '.';
  });
  ready();
}

init();
