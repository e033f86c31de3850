// The dashboard shell: session, navigation, routing, the live feed and toasts. Views live in their
// own modules and get a small context object; each may answer update(), onEvent() and destroy().
import { h } from './dom.js';
import * as api from './api.js';
import { connectLive } from './live.js';
import { loginView } from './login.js';
import { anonymousView, ANONYMOUS_ROUTES } from './accounts.js';
import { ROUTES, NAV } from './routes.js';

const main = document.getElementById('main');
const topbar = document.getElementById('topbar');
const liveText = document.getElementById('live-text');
const liveBox = document.getElementById('live');
const toasts = document.getElementById('toasts');

const ctx = {
  me: null,
  hostels: [],
  categories: [],
  people: new Map(),
  navigate,
  toast,
  hostelName: (slug) => ctx.hostels.find((x) => x.slug === slug)?.display_name || slug,
  personName: (id) => (id ? ctx.people.get(id)?.full_name || 'Former staff member' : 'Unassigned'),
  assignable: () => [...ctx.people.values()].filter((p) => p.active !== false),
  refreshPeople,
};

let current = null;
let currentKey = null;
let routedHash = null;
let live = null;
let routing = Promise.resolve();

document.getElementById('skip-link').addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
});
document.getElementById('logout').addEventListener('click', logout);
window.addEventListener('hashchange', () => {
  if (anonymousPage()) return;
  if (ctx.me) route();
  else if (!main.querySelector('form.login [name="username"]')) showLogin();
});
window.addEventListener('popstate', () => route());
api.onUnauthorized(() => {
  if (ctx.me) showLogin('Your session has ended; please log in again.');
});
// Set while logging out, so that the socket closing and the session ending on the server are not
// mistaken for an expired session.
let leaving = false;

boot();

// Invitation and reset links, and "forgot password", work without a session (and leave any
// session alone: the page is about another account, or about getting into one).
function anonymousPage() {
  const [path] = location.hash.replace(/^#\/?/, '').split('?');
  if (!ANONYMOUS_ROUTES.includes(path)) return false;
  current?.destroy?.();
  current = null;
  currentKey = null;
  topbar.hidden = true;
  const page = anonymousView(main, path, currentParams(), (message) => {
    history.replaceState(null, '', '#/');
    showLogin(message, 'success');
  });
  document.title = `${page.title} · Complaints`;
  return true;
}

// A function, not a constant: boot() runs before the module's later constants are initialised.
function ssoError(reason) {
  const messages = {
  'no-account': 'Single sign-on worked, but there is no account for your e-mail address here. Ask an admin to invite you.',
  'no-email': 'Single sign-on did not give a verified e-mail address.',
  deactivated: 'Your account is deactivated.',
  unavailable: 'The single sign-on provider cannot be reached right now. Log in with your password, or try again later.',
  failed: 'Single sign-on did not work. Try again, or log in with your password.',
  };
  return messages[reason] || messages.failed;
}

async function boot() {
  if (anonymousPage()) return;
  if (location.hash.startsWith('#/sso-error')) {
    const reason = currentParams().reason;
    history.replaceState(null, '', '#/');
    showLogin(ssoError(reason), 'error');
    return;
  }
  try {
    const session = await api.get('/auth/session', { allowAnonymous: true });
    await start(session);
  } catch (error) {
    if (error.status === 401) showLogin();
    else showFailure(error);
  }
}

async function start(session) {
  ctx.me = session;
  api.setCsrfToken(session.csrf_token);
  const [hostels, categories] = await Promise.all([api.get('/api/v1/hostels'), api.get('/api/v1/categories')]);
  ctx.hostels = hostels;
  ctx.categories = categories.map((c) => c.name);
  await refreshPeople();
  renderTopbar();
  startLive();
  currentKey = null;
  routedHash = null;
  await route();
}

async function refreshPeople() {
  const people = ctx.me.role === 'admin' ? await api.get('/api/v1/staff') : await api.get('/api/v1/porters');
  ctx.people = new Map(people.map((p) => [p.id, p]));
}

function renderTopbar() {
  const nav = document.getElementById('nav');
  nav.replaceChildren(
    ...NAV.filter(([, , , admin]) => !admin || ctx.me.role === 'admin').map(([key, href, text]) =>
      h('li', null, h('a', { href, 'data-nav': key }, text))),
  );
  document.getElementById('who').textContent = `${ctx.me.full_name} (${ctx.me.role})`;
  topbar.hidden = false;
}

function startLive() {
  if (live) live.stop();
  live = connectLive({
    onEvent: dispatch,
    onState: showLiveState,
    onReconnected: () => current?.update?.(currentParams(), { quiet: true }),
    // A refused socket means the session is gone, unless the session check says otherwise.
    onRejected: async () => {
      try {
        await api.get('/auth/session', { allowAnonymous: true });
        return true;
      } catch (error) {
        if (error.status === 401 && !leaving) showLogin('Your session has ended; please log in again.');
        return error.status !== 401;
      }
    },
  });
}

function showLiveState(state, delay) {
  liveBox.dataset.state = state;
  liveText.textContent =
    state === 'live' ? 'Live' : state === 'connecting' ? 'Connecting…' : `Offline, retrying in ${Math.ceil(delay / 1000)} s`;
}

function dispatch(event) {
  // No toast for a complaint this user just entered themself: they know.
  if (event.event_type === 'new_complaint' && event.data?.severity === 'high' && event.data?.created_by !== ctx.me?.id) {
    const id = event.data.id;
    toast(`New high-severity complaint: ${event.data.category || 'complaint'} in ${ctx.hostelName(event.data.hostel)}`, {
      href: `#/complaints/${id}`,
      label: 'Open',
      tone: 'urgent',
    });
  }
  current?.onEvent?.(event);
}

function showLogin(message, tone) {
  ctx.me = null;
  api.setCsrfToken(null);
  if (live) live.stop();
  live = null;
  topbar.hidden = true;
  // Toasts belong to the session that raised them.
  toasts.replaceChildren();
  current?.destroy?.();
  current = null;
  currentKey = null;
  routedHash = null;
  document.title = 'Log in · Complaints';
  loginView(main, message, tone, async (session) => {
    await start(session);
  });
}

async function logout() {
  leaving = true;
  if (live) live.stop();
  live = null;
  try {
    await api.del('/auth/session');
  } catch {
    // The session is forgotten on this side either way.
  } finally {
    leaving = false;
  }
  showLogin('You have logged out.', 'success');
}

function showFailure(error) {
  main.replaceChildren(h('h1', null, 'The dashboard cannot start'), h('p', { class: 'error' }, error.message));
}

export function navigate(hash, { replace = false } = {}) {
  if (replace) history.replaceState(null, '', hash);
  else history.pushState(null, '', hash);
  return route();
}

function currentParams() {
  const hash = location.hash.replace(/^#\/?/, '');
  const [, search = ''] = hash.split('?');
  return Object.fromEntries(new URLSearchParams(search));
}

function route() {
  routing = routing.then(routeNow, routeNow);
  return routing;
}

async function routeNow() {
  if (!ctx.me) return;
  // A hash change fires both hashchange and popstate; the second adds nothing.
  if (currentKey && routedHash === location.hash) return;
  routedHash = location.hash;
  const hash = location.hash.replace(/^#\/?/, '');
  const [path] = hash.split('?');
  if (ANONYMOUS_ROUTES.includes(path)) return;
  const params = currentParams();
  let match = null;
  let found = ROUTES.find((r) => (match = r.pattern.exec(path)) && (!r.admin || ctx.me.role === 'admin'));
  if (!found) {
    history.replaceState(null, '', '#/complaints');
    found = ROUTES[0];
    match = [];
  }
  if (match[1]) params.id = match[1];
  const key = found.name + ':' + (params.id || '');
  for (const link of document.querySelectorAll('[data-nav]')) {
    if (link.dataset.nav === found.nav) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  if (key === currentKey && current?.update) {
    await current.update(params);
    return;
  }
  current?.destroy?.();
  currentKey = key;
  try {
    current = await found.view(ctx, main, params);
  } catch (error) {
    current = null;
    if (error.status === 401) return;
    main.replaceChildren(
      h('h1', { tabindex: '-1' }, error.status === 404 ? 'Not found' : 'Something went wrong'),
      h('p', { class: 'error' }, error.message),
      h('p', null, h('a', { href: '#/complaints' }, 'Back to the complaints')),
    );
  }
  const title = current?.title || 'Dashboard';
  document.title = title === 'Complaints' ? 'Complaints · staff dashboard' : `${title} · Complaints`;
  // Lets the first-load benchmark read when the first view became usable.
  if (!performance.getEntriesByName('dashboard:ready').length) performance.mark('dashboard:ready');
  const heading = main.querySelector('h1');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: false });
  }
}

export function toast(text, { href, label, tone } = {}) {
  const close = h('button', { type: 'button', class: 'toast-close', 'aria-label': 'Dismiss' }, '×');
  const item = h('div', { class: `toast ${tone || ''}` }, h('span', null, text), href ? h('a', { href }, label || 'Open') : null, close);
  const remove = () => item.remove();
  close.addEventListener('click', remove);
  toasts.append(item);
  setTimeout(remove, 12000);
}
