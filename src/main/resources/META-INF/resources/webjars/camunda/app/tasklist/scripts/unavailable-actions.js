// Officials are offered only the actions they may take.
// - For the whole page: "Tạo công việc" (a task outside any process) is for administrators,
//   "Bắt đầu quy trình" for whoever may start a process (the province starts the programme).
// - For the task in view: "Nhận việc" only to whom may work on it (a district following a
//   commune's task reads it, and is told so); changing its due or follow-up date, its groups or
//   its assignee only to whom may reassign or update it. The models set the dates and the
//   groups; an official's attempt would end in the engine's refusal.
// - "Nhận lại việc" on a task someone else holds, to whom may work on it: the server gives it to
//   a member of its candidate groups (access.OwnClaimsPlugin) and records who took it from whom.
// Everything stays hidden (styles/user-styles.css) until the server says this user may; a failed
// check keeps it hidden.

const ENGINE = document.baseURI.split('/app/')[0] + '/api/engine/engine/default';
const CHECK = ENGINE + '/authorization/check?resourceName=Task&resourceType=7&permissionName=';
const PAGE_CHECKS = {
  'pilot-may-create-task': CHECK + 'CREATE',
  'pilot-may-start-process': ENGINE + '/process-definition/count?latestVersion=true&active=true'
    + '&startableInTasklist=true&startablePermissionCheck=true'
};
const TASK_CLASSES = ['pilot-task-checked', 'pilot-may-work-task', 'pilot-may-edit-task', 'pilot-may-take-over'];
const CURRENT_USER = document.baseURI.split('/app/')[0] + '/api/admin/auth/user/default';

async function read(url) {
  try {
    const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    return response.ok ? await response.json() : null;
  } catch (e) {
    return null;
  }
}

async function allowed(url) {
  try {
    const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!response.ok) {
      return false;
    }
    const answer = await response.json();
    return answer.authorized === true || answer.count > 0;
  } catch (e) {
    return false;
  }
}

function taskInView() {
  const match = (window.location.hash || '').match(/[?&]task=([0-9a-zA-Z-]+)/);
  return match ? match[1] : null;
}

let pageCheckedFor = null;
let taskCheckedFor = null;
let takeOverAs = null;

async function showPageActions() {
  if (pageCheckedFor !== null) {
    return;
  }
  pageCheckedFor = 'pending';
  for (const [name, url] of Object.entries(PAGE_CHECKS)) {
    document.body.classList.toggle(name, await allowed(url));
  }
  pageCheckedFor = 'done';
}

async function showTaskActions() {
  const task = taskInView();
  if (task === taskCheckedFor) {
    return;
  }
  taskCheckedFor = task;
  TASK_CLASSES.forEach(name => document.body.classList.remove(name));
  if (!task) {
    return;
  }
  const id = '&resourceId=' + encodeURIComponent(task);
  const [work, assign, update, details, user] = await Promise.all(
    ['TASK_WORK', 'TASK_ASSIGN', 'UPDATE'].map(permission => allowed(CHECK + permission + id))
      .concat([read(ENGINE + '/task/' + encodeURIComponent(task)), read(CURRENT_USER)]));
  if (taskCheckedFor !== task) {
    return; // another task was chosen meanwhile
  }
  document.body.classList.toggle('pilot-may-work-task', work || update);
  document.body.classList.toggle('pilot-may-edit-task', assign || update);
  const holder = details && details.assignee;
  document.body.classList.toggle('pilot-may-take-over',
    Boolean(work && holder && user && user.userId && holder !== user.userId));
  takeOverAs = user && user.userId;
  document.body.classList.add('pilot-task-checked');
  offerTakeOver();
}

// "Nhận lại việc": the assignee's line gets a button of its own (Tasklist redraws the line, so it
// is added again whenever it is missing); the task is assigned to the user who clicks it.

function xsrfToken() {
  const match = document.cookie.match(/(?:^|; )XSRF-TOKEN=([^;]*)/);
  return match ? decodeURIComponent(match[1]) : '';
}

function offerTakeOver() {
  const line = document.querySelector('.task-card .actors li.assignee:not(.set-value)');
  if (!line || line.querySelector('.pilot-take-over')) {
    return;
  }
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'pilot-take-over btn-link';
  button.textContent = 'Nhận lại việc';
  button.title = 'Nhận công việc này về mình; lịch sử công việc ghi lại ai đã nhận lại từ ai.';
  button.addEventListener('click', takeOver);
  line.appendChild(button);
}

async function takeOver(event) {
  const button = event.currentTarget;
  const task = taskInView();
  if (!task || !takeOverAs) {
    return;
  }
  button.disabled = true;
  try {
    const response = await fetch(ENGINE + '/task/' + encodeURIComponent(task) + '/assignee', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-XSRF-TOKEN': xsrfToken() },
      body: JSON.stringify({ userId: takeOverAs })
    });
    if (response.ok) {
      window.location.reload();
      return;
    }
    const answer = await response.json().catch(() => ({}));
    button.textContent = answer.message || 'Không nhận lại được công việc này.';
  } catch (e) {
    button.textContent = 'Không nhận lại được công việc này.';
  }
  button.disabled = false;
}

function showAllowedActions() {
  if ((window.location.hash || '').startsWith('#/login')) {
    pageCheckedFor = null;
    taskCheckedFor = null;
    Object.keys(PAGE_CHECKS).concat(TASK_CLASSES).forEach(name => document.body.classList.remove(name));
    return;
  }
  showPageActions();
  showTaskActions();
}

// The fields the styles leave unclickable still take the keyboard focus, and Enter or a paste
// would open their editor: for a user who may not edit the task, those keys do nothing there.
const MODEL_SET_FIELDS = '.task-card .meta.dates [cam-widget-inline-field], '
  + '.task-card .actors .assignee [cam-widget-inline-field], .task-card .actors .groups';

function keepModelSetFields(event) {
  if (document.body.classList.contains('pilot-may-edit-task')) {
    return;
  }
  if (event.target && event.target.closest && event.target.closest(MODEL_SET_FIELDS)) {
    event.stopPropagation();
    event.preventDefault();
  }
}

showAllowedActions();
window.addEventListener('hashchange', showAllowedActions);
new MutationObserver(offerTakeOver).observe(document.body, { childList: true, subtree: true });
document.addEventListener('keydown', keepModelSetFields, true);
document.addEventListener('paste', keepModelSetFields, true);

export default [];
