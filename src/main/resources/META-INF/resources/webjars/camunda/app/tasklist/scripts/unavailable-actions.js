// Officials are offered only the actions they may take.
// - For the whole page: "Tạo công việc" (a task outside any process) is for administrators,
//   "Bắt đầu quy trình" for whoever may start a process (the province starts the programme).
// - For the task in view: "Nhận việc" only to whom may work on it (a district following a
//   commune's task reads it, and is told so); changing its due or follow-up date, its groups or
//   its assignee only to whom may reassign or update it. The models set the dates and the
//   groups; an official's attempt would end in the engine's refusal, in English.
// Everything stays hidden (styles/user-styles.css) until the server says this user may; a failed
// check keeps it hidden.

const ENGINE = document.baseURI.split('/app/')[0] + '/api/engine/engine/default';
const CHECK = ENGINE + '/authorization/check?resourceName=Task&resourceType=7&permissionName=';
const PAGE_CHECKS = {
  'pilot-may-create-task': CHECK + 'CREATE',
  'pilot-may-start-process': ENGINE + '/process-definition/count?latestVersion=true&active=true'
    + '&startableInTasklist=true&startablePermissionCheck=true'
};
const TASK_CLASSES = ['pilot-task-checked', 'pilot-may-work-task', 'pilot-may-edit-task'];

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
  const [work, assign, update] = await Promise.all(
    ['TASK_WORK', 'TASK_ASSIGN', 'UPDATE'].map(permission => allowed(CHECK + permission + id)));
  if (taskCheckedFor !== task) {
    return; // another task was chosen meanwhile
  }
  document.body.classList.toggle('pilot-may-work-task', work || update);
  document.body.classList.toggle('pilot-may-edit-task', assign || update);
  document.body.classList.add('pilot-task-checked');
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
document.addEventListener('keydown', keepModelSetFields, true);
document.addEventListener('paste', keepModelSetFields, true);

export default [];
