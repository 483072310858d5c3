// Officials see their tasks ordered by due date, the most urgent first. Tasklist sorts its list by
// the "sorting" parameter of the page address, and writes its own default there (newest created
// first), ignoring the order stored in the filter. This script replaces that default by the due
// date once per browser session; an order the official then picks in the sort menu is kept.

const BY_DUE_DATE = encodeURIComponent(JSON.stringify([{ sortBy: 'dueDate', sortOrder: 'asc' }]));
const DEFAULT_SORTING = /([?&]sorting=)([^&]*)/;
const APPLIED = 'pilot.sorting.dueDateApplied';

function sortByDueDateOnce() {
  const hash = window.location.hash || '#/';
  if (hash.startsWith('#/login') || sessionStorage.getItem(APPLIED)) {
    return;
  }
  const current = hash.match(DEFAULT_SORTING);
  let next;
  if (!current) {
    next = hash + (hash.includes('?') ? '&' : '?') + 'sorting=' + BY_DUE_DATE;
  } else if (decodeURIComponent(current[2]).includes('"created"')) {
    next = hash.replace(DEFAULT_SORTING, '$1' + BY_DUE_DATE);
  } else {
    sessionStorage.setItem(APPLIED, 'true');
    return;
  }
  sessionStorage.setItem(APPLIED, 'true');
  window.location.replace(next);
}

// Tasklist rewrites the address several times while it routes: act once it has settled, on the
// address as it is then, so that none of its own parameters (the chosen filter) is lost.
let pending;
function soon() {
  clearTimeout(pending);
  pending = setTimeout(sortByDueDateOnce, 300);
}

soon();
window.addEventListener('hashchange', soon);

export default [];
