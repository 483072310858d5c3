// Nothing typed into a task's form is lost when the official leaves the form for another tab of
// the task ("Minh chứng" to attach the files, "Lịch sử", …) or leaves the page for the phone's
// camera: Tasklist draws the form anew when its tab is shown again, from what was last saved. So
// the form is saved ("Lưu": kept in this browser, restored when the form is drawn again) at the
// moment the official leaves it. Completing the task still checks everything on the server.

function saveButton() {
  return [...document.querySelectorAll('.task-card .form-actions button, .task-card button')]
    .find(button => button.textContent.trim() === 'Lưu' && !button.disabled && button.offsetParent !== null);
}

function formTabShown() {
  return Boolean(document.querySelector('.task-card .fjs-form')) && document.querySelector('.task-card .fjs-form').offsetParent !== null;
}

function saveTypedValues() {
  if (!formTabShown()) {
    return;
  }
  const save = saveButton();
  if (save) {
    save.click();
  }
}

document.addEventListener('click', event => {
  const tab = event.target && event.target.closest && event.target.closest('.task-card .nav-tabs a');
  if (tab && !tab.closest('li.active')) {
    saveTypedValues();
  }
}, true);

document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') {
    saveTypedValues();
  }
});

export default [];
