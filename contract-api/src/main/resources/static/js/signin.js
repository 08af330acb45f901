// The start page: who is signed in (then on to the page asked for, or the role's first page), or a way to sign in
// at the identity provider; after sign-out or a failed sign-in, what happened.
import { message, param, ready } from './dom.js';
import { current, signIn, signOut, takeNext } from './session.js';
import { pagesOf, who } from './nav.js';

/** Where to go once signed in: the page asked for (same site, and one the role may see), else the role's first. */
function destination(session) {
  const next = takeNext();
  const allowed = pagesOf(session.role).map(page => page.href);
  if (next && (next.startsWith('/contract.html') || allowed.includes(next.split('?')[0]))) {
    return next;
  }
  return allowed[0] || null;
}

async function init() {
  let session;
  try {
    session = await current();
  } catch (e) {
    message(e.message);
    ready();
    return;
  }
  if (session.signedIn) {
    const target = destination(session);
    if (target) {
      location.replace(target);
      return;
    }
    // a role without pages (the operator)
    document.getElementById('signed-in-as').textContent = who(session);
    document.getElementById('operator-hint').hidden = session.role !== 'OPERATOR';
    document.getElementById('signed-in').hidden = false;
    document.getElementById('sign-out').addEventListener('click', () => signOut());
    ready();
    return;
  }
  if (param('failed')) {
    message('Signing in did not succeed: ' + param('failed'));
  } else if (param('signed-out')) {
    message('You have signed out, here and at the identity provider.', 'info');
  }
  if (!session.signIn) {
    document.getElementById('production').hidden = false;
    ready();
    return;
  }
  const link = document.getElementById('sign-in');
  link.setAttribute('href', session.signIn);
  link.addEventListener('click', event => {
    event.preventDefault();
    signIn(param('next'));
  });
  document.getElementById('trial-hint').hidden = !session.trial;
  document.getElementById('sign-in-section').hidden = false;
  ready();
}

init();
