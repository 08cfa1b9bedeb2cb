// Entry point: sign-in gate, hash routing (no secrets ever go in a URL) and the page modules.
import { api, session, ApiError } from './api.js';
import { el, field, announce } from './dom.js';
import * as overview from './pages/overview.js';
import * as builder from './pages/builder.js';
import * as results from './pages/results.js';
import * as replay from './pages/replay.js';
import * as audit from './pages/audit.js';
import * as keys from './pages/keys.js';

const pages = { overview, builder, results, replay, audit, keys };
const main = document.getElementById('main');
const nav = document.getElementById('nav');
const signOut = document.getElementById('sign-out');

function signInForm(message) {
  const key = el('input', { type: 'password', autocomplete: 'off', required: true, spellcheck: 'false' });
  const error = el('p', { class: 'error', role: 'alert' }, message ?? '');
  const form = el('form', { class: 'card', 'aria-labelledby': 'sign-in-title' },
    el('h1', { id: 'sign-in-title' }, 'Sign in'),
    field('Admin API key', key, 'Kept in this tab\'s session storage only; closing the tab forgets it.'),
    error,
    el('button', { type: 'submit' }, 'Sign in'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    session.signIn(key.value.trim());
    try {
      await api('GET', '/api/v1/actions');
      // Setting the hash routes through 'hashchange'; when it is already there, route directly.
      if (location.hash === '#/overview') route();
      else location.hash = '#/overview';
    } catch (e) {
      session.signOut();
      error.textContent = e instanceof ApiError && (e.status === 401 || e.status === 403)
        ? 'That key was not accepted: an admin key of the tenant is needed.'
        : `Could not sign in: ${e.message}`;
      key.focus();
    }
  });
  return form;
}

async function route() {
  const signedIn = Boolean(session.key);
  nav.hidden = !signedIn;
  signOut.hidden = !signedIn;
  // Each route renders into a view of its own: a route that starts later (sign-in sets the hash, which routes
  // again) detaches the earlier view, so a slower earlier render lands nowhere instead of beside the newer one.
  const view = document.createElement('div');
  main.replaceChildren(view);
  if (!signedIn) {
    view.append(signInForm());
    return;
  }

  const name = (location.hash.replace(/^#\//, '') || 'overview').split('/')[0];
  const page = pages[name] ?? overview;
  for (const link of nav.querySelectorAll('a')) {
    if (link.getAttribute('href') === `#/${name}`) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }

  document.title = `${page.title} · Esper console`;
  try {
    await page.render(view);
  } catch (e) {
    if (!view.isConnected) return;
    if (e instanceof ApiError && e.status === 401) {
      session.signOut();
      main.replaceChildren(signInForm('The key is no longer accepted; sign in again.'));
      nav.hidden = true;
      signOut.hidden = true;
      return;
    }

    view.append(el('p', { class: 'error', role: 'alert' }, `Could not load the page: ${e.message}`));
  }

  if (!view.isConnected) return;
  main.focus();
  announce(`${page.title} loaded`);
}

signOut.addEventListener('click', () => {
  session.signOut();
  location.hash = '';
  route();
});
window.addEventListener('hashchange', route);
route();
