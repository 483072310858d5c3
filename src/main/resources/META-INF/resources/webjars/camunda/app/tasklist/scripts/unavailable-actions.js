// Officials are offered only the actions they may take. "Tạo công việc" (a task outside any
// process) is for administrators, "Bắt đầu quy trình" for whoever may start a process (the
// province starts the programme). Both stay hidden (styles/user-styles.css) until the server
// says this user may use them; a failed check keeps them hidden.

const ENGINE = document.baseURI.split('/app/')[0] + '/api/engine/engine/default';
const CHECKS = {
  'pilot-may-create-task': ENGINE + '/authorization/check?permissionName=CREATE&resourceName=Task&resourceType=7',
  'pilot-may-start-process': ENGINE + '/process-definition/count?latestVersion=true&active=true'
    + '&startableInTasklist=true&startablePermissionCheck=true'
};

async function allowed(url) {
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    return false;
  }
  const answer = await response.json();
  return answer.authorized === true || answer.count > 0;
}

let checkedFor = null;

async function showAllowedActions() {
  const atLogin = (window.location.hash || '').startsWith('#/login');
  if (atLogin) {
    checkedFor = null;
    Object.keys(CHECKS).forEach(name => document.body.classList.remove(name));
    return;
  }
  if (checkedFor !== null) {
    return;
  }
  checkedFor = 'pending';
  for (const [name, url] of Object.entries(CHECKS)) {
    try {
      document.body.classList.toggle(name, await allowed(url));
    } catch (e) {
      document.body.classList.remove(name);
    }
  }
  checkedFor = 'done';
}

showAllowedActions();
window.addEventListener('hashchange', showAllowedActions);

export default [];
