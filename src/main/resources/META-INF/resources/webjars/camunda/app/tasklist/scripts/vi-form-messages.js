// Camunda Forms (form-js) writes its validation messages and its date picker in English and
// offers no way to translate them. This script, loaded by Tasklist (config.js, customScripts), rewrites them in
// Vietnamese wherever they appear, except for English users. It also removes the English prefix
// the engine's API puts before the server's Vietnamese validation message ("Cannot submit task
// form <id>: Dữ liệu chưa hợp lệ: …").

const MESSAGES = [
  [/^Field is required\.$/, () => 'Trường này là bắt buộc, vui lòng nhập.'],
  [/^Field must have minimum value of (.+)\.$/, (m) => `Giá trị không được nhỏ hơn ${m[1]}.`],
  [/^Field must have maximum value of (.+)\.$/, (m) => `Giá trị không được lớn hơn ${m[1]}.`],
  [/^Field must have minimum length of (.+)\.$/, (m) => `Cần nhập ít nhất ${m[1]} ký tự.`],
  [/^Field must have maximum length of (.+)\.$/, (m) => `Không được nhập quá ${m[1]} ký tự.`],
  [/^Field must match pattern (.+)\.$/, () => 'Giá trị không đúng định dạng yêu cầu.'],
  [/^Field must be a valid email\.$/, () => 'Địa chỉ thư điện tử không hợp lệ.'],
  [/^Field must be a valid\s+international phone number\..*$/, () => 'Số điện thoại không hợp lệ (ví dụ +84912345678).'],
  [/^Select$/, () => 'Chọn'],
  [/^Search$/, () => 'Tìm kiếm'],
  // the date picker's placeholder follows the browser's date format (dd/mm/yyyy in Vietnamese)
  [/^dd\/mm\/yyyy$/i, () => 'ngày/tháng/năm'],
  [/^mm\/dd\/yyyy$/i, () => 'tháng/ngày/năm']
];

// "Field is required." says the same for every field; a choice or a date is chosen, not typed.
const REQUIRED = /^Field is required\.$/;
const CHOSEN = {
  select: 'Trường này là bắt buộc, vui lòng chọn một mục.',
  radio: 'Trường này là bắt buộc, vui lòng chọn một mục.',
  checklist: 'Trường này là bắt buộc, vui lòng chọn ít nhất một mục.',
  taglist: 'Trường này là bắt buộc, vui lòng chọn ít nhất một mục.',
  checkbox: 'Trường này là bắt buộc, vui lòng chọn.',
  datetime: 'Trường này là bắt buộc, vui lòng chọn ngày.'
};

/** The required-field message for the kind of field the message belongs to. */
export function requiredMessage(fieldType) {
  return CHOSEN[fieldType] || 'Trường này là bắt buộc, vui lòng nhập.';
}

function fieldTypeOf(node) {
  const field = node.closest && node.closest('.fjs-form-field');
  if (!field) {
    return null;
  }
  const kind = [...field.classList].find((name) => name.startsWith('fjs-form-field-') && CHOSEN[name.substring(15)]);
  return kind ? kind.substring(15) : null;
}

const ENGINE_PREFIX = /Cannot (?:submit task form|complete task|submit form|instantiate process definition) [^:]+: (?=Dữ liệu chưa hợp lệ)/;

// The date picker of Camunda Forms (flatpickr) names months and weekdays in English.
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'];
const WEEKDAYS = { Sun: 'CN', Mon: 'T2', Tue: 'T3', Wed: 'T4', Thu: 'T5', Fri: 'T6', Sat: 'T7' };

function translateCalendar(root) {
  root.querySelectorAll('.flatpickr-weekday').forEach((day) => {
    const vietnamese = WEEKDAYS[day.textContent.trim()];
    if (vietnamese) {
      day.textContent = vietnamese;
    }
  });
  root.querySelectorAll('.flatpickr-monthDropdown-month, .cur-month').forEach((month) => {
    const index = MONTHS.indexOf(month.textContent.trim());
    if (index >= 0) {
      month.textContent = 'Tháng ' + (index + 1);
    }
  });
}

export function translate(text) {
  const trimmed = (text || '').trim();
  for (const [pattern, vietnamese] of MESSAGES) {
    const match = trimmed.match(pattern);
    if (match) {
      return vietnamese(match);
    }
  }
  return null;
}

function isEnglishUser() {
  const language = (navigator.languages && navigator.languages[0]) || navigator.language || '';
  return language.toLowerCase().startsWith('en');
}

function translateWithin(root) {
  if (!root || !root.querySelectorAll) {
    return;
  }
  translateCalendar(root.closest && root.closest('.flatpickr-calendar') ? root.closest('.flatpickr-calendar') : root);
  root.querySelectorAll('.notifications *, .notification *').forEach((node) => {
    node.childNodes.forEach((child) => {
      if (child.nodeType === Node.TEXT_NODE && ENGINE_PREFIX.test(child.textContent)) {
        child.textContent = child.textContent.replace(ENGINE_PREFIX, '');
      }
    });
  });
  const nodes = root.querySelectorAll('.fjs-form-field-error, .fjs-form-field-error *, .fjs-select-display, .fjs-input[placeholder]');
  nodes.forEach((node) => {
    if (node.placeholder) {
      const placeholder = translate(node.placeholder);
      if (placeholder) {
        node.placeholder = placeholder;
      }
    }
    node.childNodes.forEach((child) => {
      if (child.nodeType === Node.TEXT_NODE) {
        const vietnamese = REQUIRED.test(child.textContent.trim())
          ? requiredMessage(fieldTypeOf(node)) : translate(child.textContent);
        if (vietnamese) {
          child.textContent = vietnamese;
        }
      }
    });
  });
}

if (!isEnglishUser()) {
  new MutationObserver((mutations) => {
    mutations.forEach((mutation) => {
      translateWithin(mutation.target.parentElement || mutation.target);
      mutation.addedNodes.forEach((node) => translateWithin(node.parentElement || node));
    });
  }).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
}

// Tasklist loads custom scripts as modules and registers their default export as plugins.
export default [];
