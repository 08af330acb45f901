// The sign-in page: in the trial installation one picks a demo role and gets a token from POST /api/dev/tokens.
import { el, message, param, ready } from './dom.js';
import { start, end } from './session.js';
import { pagesOf } from './nav.js';

const form = document.getElementById('sign-in');
const insurerField = document.getElementById('insurer-field');
const providerField = document.getElementById('provider-field');

async function token(request) {
  const response = await fetch('/api/dev/tokens', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(request),
  });
  if (!response.ok) {
    let detail = 'HTTP ' + response.status;
    try {
      detail = (await response.json()).detail || detail;
    } catch (e) { /* not a problem document */ }
    const error = new Error(detail);
    error.status = response.status;
    throw error;
  }
  return (await response.json()).token;
}

/** The demo's insurers and providers, read with a regulator's token (who sees all contracts). */
async function loadParties() {
  const regulator = await token({ role: 'REGULATOR', name: 'aanmeldpagina' });
  const response = await fetch('/api/contracts?limit=1000', {
    headers: { Authorization: 'Bearer ' + regulator, Accept: 'application/json' },
  });
  const contracts = response.ok ? await response.json() : [];
  const insurers = new Map();
  const providers = new Map();
  for (const contract of contracts) {
    insurers.set(contract.insurerUzovi, (insurers.get(contract.insurerUzovi) || 0) + 1);
    providers.set(contract.providerAgb, contract.providerType);
  }
  const insurerSelect = document.getElementById('insurer');
  for (const [uzovi, count] of [...insurers.entries()].sort()) {
    insurerSelect.append(el('option', { value: uzovi }, uzovi + ' (' + count + ' contracts)'));
  }
  const providerSelect = document.getElementById('provider');
  for (const [agb, type] of [...providers.entries()].sort()) {
    providerSelect.append(el('option', { value: agb }, agb + ' · ' + type.toLowerCase().replace('_', ' ')));
  }
}

function role() {
  return form.querySelector('input[name=role]:checked').value;
}

function showFields() {
  insurerField.hidden = role() !== 'PURCHASER';
  providerField.hidden = role() !== 'PROVIDER';
}

/** Where to go after signing in: the page asked for (same site only), else the role's first page. */
function destination(chosenRole) {
  const next = param('next');
  const allowed = pagesOf(chosenRole).map(page => page.href);
  if (next && next.startsWith('/') && !next.startsWith('//') && (next.startsWith('/contract.html')
      || allowed.includes(next.split('?')[0]))) {
    return next;
  }
  return allowed[0];
}

async function signIn(event) {
  event.preventDefault();
  const chosen = role();
  const request = { role: chosen, name: document.getElementById('name').value.trim() || null };
  if (chosen === 'PURCHASER') {
    request.insurerUzovi = document.getElementById('insurer').value;
    request.name = request.name || 'inkoper-' + request.insurerUzovi;
  } else if (chosen === 'PROVIDER') {
    request.providerAgb = document.getElementById('provider').value;
    request.name = request.name || 'zorgaanbieder-' + request.providerAgb;
  } else {
    request.name = request.name || 'nza-toezichthouder';
  }
  try {
    start({ ...request, token: await token(request) });
    location.assign(destination(chosen));
  } catch (e) {
    message(e.message);
  }
}

async function init() {
  end();
  if (param('expired')) {
    message('Your session has ended: please sign in again.', 'info');
  }
  try {
    await loadParties();
    form.hidden = false;
    form.addEventListener('change', showFields);
    form.addEventListener('submit', signIn);
    showFields();
  } catch (e) {
    if (e.status === 403) {
      // the trial, opened from another machine: it signs in only on its own machine, and says so
      message(e.message);
    } else if (e.status >= 400 && e.status < 500) {
      // no token endpoint: not the trial installation
      document.getElementById('production').hidden = false;
    } else {
      message('The application cannot be reached: ' + e.message);
    }
  }
  ready();
}

init();
