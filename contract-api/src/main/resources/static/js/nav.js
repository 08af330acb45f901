// The header of every page: the pages of the signed-in role, who is signed in, and signing out (here and at the
// identity provider).
import { el } from './dom.js';
import { signOut } from './session.js';

const PAGES = [
  { href: '/contracts.html', label: 'Contracts', roles: ['PURCHASER', 'PROVIDER', 'REGULATOR'] },
  { href: '/requests.html', label: 'Increase requests', roles: ['PURCHASER'] },
  { href: '/patient-stops.html', label: 'Patient stops', roles: ['PURCHASER', 'REGULATOR'] },
  { href: '/renewals.html', label: 'Yearly renewal', roles: ['PURCHASER'] },
  { href: '/monitor.html', label: 'Contracting monitor', roles: ['REGULATOR'] },
  { href: '/audit.html', label: 'Audit export', roles: ['REGULATOR'] },
];

export function pagesOf(role) {
  return PAGES.filter(page => page.roles.includes(role));
}

export function who(session) {
  switch (session.role) {
    case 'PURCHASER': return session.name + ' · purchaser, insurer ' + session.insurerUzovi;
    case 'PROVIDER': return session.name + ' · provider, AGB ' + session.providerAgb;
    case 'REGULATOR': return session.name + ' · regulator (NZa), read-only';
    case 'OPERATOR': return session.name + ' · operator';
    default: return session.name;
  }
}

export function header(session) {
  const links = pagesOf(session.role).map(page => el('a', {
    href: page.href,
    'aria-current': location.pathname === page.href ? 'page' : null,
  }, page.label));
  const signOutButton = el('button', { type: 'button', class: 'link', id: 'sign-out' }, 'Sign out');
  signOutButton.addEventListener('click', () => signOutNow(signOutButton));
  document.getElementById('top').replaceChildren(
    el('a', { href: '/contracts.html', class: 'brand' }, 'GGZ contracts'),
    el('nav', { 'aria-label': 'pages' }, links),
    el('span', { class: 'who', id: 'who' }, who(session)),
    signOutButton);
}

async function signOutNow(button) {
  button.disabled = true;
  await signOut();
}
