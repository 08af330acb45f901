// The purchaser's "Offer a contract" form on the contracts page: POST /api/contracts, then the new contract's page.
import { post } from './api.js';
import { centsOf, tariffOf, settingsOf, required, dateOf, onSubmit, InputError } from './forms.js';
import { currentYear } from './years.js';

function value(id) {
  return document.getElementById(id).value;
}

export function offerForm(session) {
  const section = document.getElementById('offer-section');
  if (session.role !== 'PURCHASER') {
    return;
  }
  section.hidden = false;
  // next year's contracts are offered in the autumn: the term proposed is next calendar year
  const next = currentYear() + 1;
  document.getElementById('offer-start').value = next + '-01-01';
  document.getElementById('offer-end').value = next + '-12-31';
  onSubmit(document.getElementById('offer-form'), async () => {
    const agb = required(value('offer-provider'), 'The provider\'s AGB code');
    if (!/^\d{8}$/.test(agb)) {
      throw new InputError('An AGB code is 8 digits.');
    }
    const body = {
      insurerUzovi: session.insurerUzovi,
      providerAgb: agb,
      providerType: value('offer-type'),
      kind: value('offer-kind'),
      termStart: dateOf(value('offer-start'), 'The start of the term'),
      termEnd: dateOf(value('offer-end'), 'The end of the term'),
      settings: settingsOf(value('offer-settings')),
      tariffPercentage: tariffOf(value('offer-tariff')),
      ceilingCents: centsOf(value('offer-ceiling'), 'The ceiling'),
    };
    const expires = value('offer-expires');
    if (expires) {
      // the browser's own clock and zone say which instant the local date and time are
      body.offerExpiresAt = new Date(expires).toISOString();
    }
    const answer = await post('/api/contracts', body);
    location.assign('/contract.html?id=' + encodeURIComponent(answer.contractId) + '&offered=1');
    return 'Offered: contract ' + answer.contractId + '.';
  });
}
