// Tasklist for the programme "Chính quyền thân thiện vì nhân dân phục vụ" (shared settings in
// app/pilot-shared/config.js), plus: form validation messages in Vietnamese
// (scripts/vi-form-messages.js), tasks ordered by due date (scripts/due-date-first.js), only the
// actions the user may take (scripts/unavailable-actions.js), a "Minh chứng" tab for the task's files
// (scripts/evidence-files.js), one column at a time on a phone with a web app manifest
// (scripts/phone.js, styles/phone.css), what was typed kept when another tab of the task is opened
// (scripts/keep-typed-values.js), dates as dd/mm/yyyy rather than
// "còn 3 ngày" (scripts/absolute-dates.js, an AngularJS module), and keyboard shortcuts described
// in Vietnamese.
import pilotConfig from '../../pilot-shared/config.js';

export default {
  ...pilotConfig('Xử lý công việc'),
  customScripts: ['scripts/vi-form-messages', 'scripts/due-date-first', 'scripts/unavailable-actions',
    'scripts/evidence-files', 'scripts/phone', 'scripts/keep-typed-values'],
  // resolved from app/tasklist/
  requireJsConfig: {
    deps: ['pilot-absolute-dates'],
    paths: { 'pilot-absolute-dates': 'scripts/absolute-dates' },
    ngDeps: ['pilot.absoluteDates']
  },
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'nhận công việc đang chọn'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'chuyển đến bộ lọc đầu tiên'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'chuyển đến công việc đầu tiên trong danh sách'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'chuyển đến ô nhập đầu tiên của biểu mẫu'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'mở hộp thoại bắt đầu quy trình'
    }
  }
};
