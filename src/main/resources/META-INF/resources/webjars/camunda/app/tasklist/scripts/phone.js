// Tasklist on a phone (styles/phone.css does the layout): below 768 px the page is marked
// "pilot-phone", and "pilot-phone-task" while a task is open, so that one column shows at a time;
// the open task gets a button back to the list and starts at the top of the screen; number fields
// bring up the numeric keyboard. Everywhere: the web app manifest and icon, so that an official
// can add Tasklist to the home screen and open it like an app.

const PHONE = window.matchMedia('(max-width: 767px)');
const BASE = document.baseURI.split('/app/')[0] + '/app/tasklist/';

function taskOpen() {
  return /[?&]task=/.test(window.location.hash || '');
}

function listHash() {
  const hash = window.location.hash || '#/';
  const [path, query = ''] = hash.split('?');
  const kept = query.split('&').filter(part => part && !part.startsWith('task='));
  return path + (kept.length ? '?' + kept.join('&') : '');
}

function addBackButton() {
  const header = document.querySelector('.column-right > header');
  if (!header || header.querySelector('.pilot-phone-back')) {
    return;
  }
  const back = document.createElement('button');
  back.type = 'button';
  back.className = 'btn btn-default pilot-phone-back';
  back.textContent = '← Danh sách công việc';
  back.addEventListener('click', () => {
    window.location.hash = listHash();
  });
  header.prepend(back);
}

// form-js draws number fields as text inputs; a phone then shows its letter keyboard.
function numericKeyboards() {
  document.querySelectorAll('.fjs-form-field-number input.fjs-input:not([inputmode])').forEach(input => {
    input.setAttribute('inputmode', 'decimal');
  });
}

let wasOpen = null;
function layout() {
  const phone = PHONE.matches;
  const open = taskOpen();
  document.body.classList.toggle('pilot-phone', phone);
  document.body.classList.toggle('pilot-phone-task', phone && open);
  if (phone && open && wasOpen !== true) {
    window.scrollTo(0, 0);
  }
  wasOpen = open;
}

function addToHead(tag, attributes) {
  if (document.head.querySelector(tag + '[' + Object.keys(attributes)[0] + '="' + Object.values(attributes)[0] + '"]')) {
    return;
  }
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
  document.head.append(node);
}

addToHead('link', { rel: 'manifest', href: BASE + 'manifest.webmanifest' });
addToHead('link', { rel: 'apple-touch-icon', href: BASE + 'icons/icon-192.png' });
addToHead('meta', { name: 'theme-color', content: '#b5152b' });
addToHead('meta', { name: 'mobile-web-app-capable', content: 'yes' });

layout();
window.addEventListener('hashchange', layout);
PHONE.addEventListener('change', layout);
new MutationObserver(() => {
  addBackButton();
  numericKeyboards();
}).observe(document.body, { childList: true, subtree: true });

export default [];
