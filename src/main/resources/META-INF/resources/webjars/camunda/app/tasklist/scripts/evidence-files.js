// "Minh chứng": a tab of the task's pane (plugin point tasklist.task.detail) where the official
// adds files to the task (several at once, or a photo from the phone's camera), sees what is
// attached (name, size, type, who, when, download) and removes what they added while the task is
// open; with what the step expects (the model's evidence.expected), per criterion where the step
// has criteria. Below: the files of the earlier steps of the instance and, for a district's or the
// province's task, each commune's files (GET /api/tasks/{id}/evidence). The server decides who
// may read, add and remove (/api/tasks/{id}/files, /api/files/{id}); its Vietnamese messages are
// shown as they are.

const API = document.baseURI.split('/camunda/app/')[0] + '/api';
const ACCEPT = 'application/pdf,.pdf,.doc,.docx,.xls,.xlsx,image/jpeg,image/png,image/heic,image/heif,.heic,.heif,image/*';
const TYPES = {
  'application/pdf': 'PDF',
  'application/msword': 'Word',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.ms-excel': 'Excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
  'image/jpeg': 'Ảnh JPEG',
  'image/png': 'Ảnh PNG',
  'image/heic': 'Ảnh HEIC',
  'image/heif': 'Ảnh HEIC'
};

// Photos show as a small picture drawn by the server (GET /api/files/{id}/thumbnail), not their MBs.
const PICTURES = ['image/jpeg', 'image/png'];

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (value !== null && value !== undefined && value !== false) {
      node.setAttribute(name, value === true ? '' : value);
    }
  });
  children.flat().forEach(child => node.append(child instanceof Node ? child : document.createTextNode(String(child))));
  return node;
}

function xsrfToken() {
  const match = document.cookie.match(/(?:^|; )XSRF-TOKEN=([^;]*)/);
  return match ? decodeURIComponent(match[1]) : '';
}

function size(bytes) {
  if (bytes < 1024) {
    return bytes + ' B';
  }
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KB'] : [bytes / 1024 / 1024, 'MB'];
  return value.toLocaleString('vi-VN', { maximumFractionDigits: 1 }) + ' ' + unit;
}

function when(iso) {
  const date = new Date(iso);
  const two = n => String(n).padStart(2, '0');
  return two(date.getDate()) + '/' + two(date.getMonth() + 1) + '/' + date.getFullYear() + ' '
    + two(date.getHours()) + ':' + two(date.getMinutes());
}

async function readJson(url) {
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  const answer = await response.json().catch(() => null);
  if (!response.ok) {
    throw new Error((answer && answer.message) || 'Không đọc được minh chứng (mã lỗi ' + response.status + ').');
  }
  return answer;
}

function message(text, kind) {
  return el('div', { class: 'pilot-evidence-message alert alert-' + kind, role: kind === 'danger' ? 'alert' : 'status' }, text);
}

/** One file: its name links to its bytes; "Xóa" when the caller may remove it. */
function fileItem(file, slotLabel, onRemove) {
  const meta = [size(file.size), TYPES[file.mediaType] || file.mediaType, file.addedByName || file.addedBy, when(file.addedAt)];
  const href = API + file.url.replace(/^\/api/, '');
  const item = el('li', { class: 'pilot-evidence-file' },
    PICTURES.includes(file.mediaType)
      ? el('a', { href, download: file.name, class: 'pilot-evidence-thumb-link', tabindex: '-1', 'aria-hidden': 'true' },
        el('img', { src: href + '/thumbnail', alt: '', loading: 'lazy', class: 'pilot-evidence-thumb' }))
      : '',
    el('a', { href, download: file.name, class: 'pilot-evidence-name' }, file.name),
    el('span', { class: 'pilot-evidence-meta' }, meta.join(' · ')),
    slotLabel ? el('span', { class: 'pilot-evidence-slot' }, slotLabel) : '');
  if (file.removable && onRemove) {
    const remove = el('button', { type: 'button', class: 'btn btn-link pilot-evidence-remove' }, 'Xóa');
    remove.addEventListener('click', () => onRemove(file, remove));
    item.append(remove);
  }
  return item;
}

/** Files grouped by their step, then by slot (criterion) where they have one. */
function byStep(files, empty) {
  if (!files.length) {
    return el('p', { class: 'pilot-evidence-none' }, empty);
  }
  const steps = new Map();
  files.forEach(file => {
    const step = file.taskName || 'Công việc';
    if (!steps.has(step)) {
      steps.set(step, []);
    }
    steps.get(step).push(file);
  });
  return el('div', {}, [...steps.entries()].map(([step, list]) => el('div', { class: 'pilot-evidence-step' },
    el('h5', {}, step + ' (' + list.length + ' tệp)'),
    el('ul', { class: 'pilot-evidence-files' }, list
      .slice().sort((a, b) => String(a.slotLabel || '').localeCompare(String(b.slotLabel || ''), 'vi'))
      .map(file => fileItem(file, file.slotLabel))))));
}

class EvidencePane {
  constructor(node, taskId) {
    this.node = node;
    this.taskId = taskId;
    this.evidence = null;
  }

  async load() {
    this.node.replaceChildren(el('p', { class: 'pilot-evidence-loading' }, 'Đang tải minh chứng…'));
    try {
      const [evidence, files] = await Promise.all([
        readJson(API + '/tasks/' + encodeURIComponent(this.taskId) + '/evidence'),
        readJson(API + '/tasks/' + encodeURIComponent(this.taskId) + '/files')]);
      this.evidence = evidence;
      this.render(files);
    } catch (e) {
      this.node.replaceChildren(message(e.message, 'danger'));
    }
  }

  slotLabel(key) {
    const slot = (this.evidence.slots || []).find(s => s.key === key);
    return key ? (slot ? slot.label : key) : null;
  }

  render(files) {
    const evidence = this.evidence;
    const pane = el('div', { class: 'pilot-evidence' });
    const expected = el('div', { class: 'pilot-evidence-expected' },
      el('strong', {}, evidence.required ? 'Minh chứng bắt buộc: ' : 'Minh chứng nên đính kèm: '),
      evidence.expected || 'bước này không yêu cầu tệp nào; có thể đính kèm tài liệu liên quan.');
    pane.append(expected);
    this.status = el('div', { class: 'pilot-evidence-status', 'aria-live': 'polite' });
    pane.append(this.status);
    // shown only to whom may work on the task (styles/user-styles.css, scripts/unavailable-actions.js)
    pane.append(this.uploader());
    pane.append(el('h4', {}, 'Tệp của công việc này (' + files.length + ')'));
    const slots = evidence.slots || [];
    if (slots.length) {
      slots.forEach(slot => {
        const own = files.filter(file => file.slot === slot.key);
        pane.append(el('div', { class: 'pilot-evidence-criterion' + (slot.required && !own.length ? ' pilot-evidence-missing' : '') },
          el('h5', {}, slot.label + (slot.required ? (own.length ? ' — đã có ' + own.length + ' tệp' : ' — chưa có tệp (bắt buộc)') : '')),
          el('ul', { class: 'pilot-evidence-files' }, own.map(file => fileItem(file, null, (f, b) => this.remove(f, b))))));
      });
      const other = files.filter(file => !slots.some(slot => slot.key === file.slot));
      if (other.length) {
        pane.append(el('div', { class: 'pilot-evidence-criterion' }, el('h5', {}, 'Tệp chung'),
          el('ul', { class: 'pilot-evidence-files' }, other.map(file => fileItem(file, null, (f, b) => this.remove(f, b))))));
      }
    } else if (files.length) {
      pane.append(el('ul', { class: 'pilot-evidence-files' }, files.map(file => fileItem(file, null, (f, b) => this.remove(f, b)))));
    } else {
      pane.append(el('p', { class: 'pilot-evidence-none' }, 'Chưa có tệp nào.'));
    }
    if ((evidence.earlier || []).length) {
      pane.append(el('h4', {}, 'Minh chứng các bước trước'), byStep(evidence.earlier, ''));
    }
    if ((evidence.communes || []).length) {
      pane.append(el('h4', {}, 'Minh chứng của các xã (' + evidence.communes.length + ' xã)'));
      evidence.communes.forEach(commune => pane.append(el('details', { class: 'pilot-evidence-commune' },
        el('summary', {}, commune.name + ' (' + commune.code + ') — ' + commune.files.length + ' tệp'),
        byStep(commune.files, 'Xã chưa đính kèm tệp nào.'))));
    }
    this.node.replaceChildren(pane);
  }

  uploader() {
    const form = el('form', { class: 'pilot-evidence-upload' });
    const slots = this.evidence.slots || [];
    let select = null;
    if (slots.length) {
      select = el('select', { class: 'form-control pilot-evidence-slot-choice', 'aria-label': 'Tiêu chí của tệp' },
        el('option', { value: '' }, '— Chọn tiêu chí của tệp —'),
        slots.map(slot => el('option', { value: slot.key }, slot.label)));
      form.append(el('label', { class: 'pilot-evidence-label' }, 'Tiêu chí', select));
    }
    const files = el('input', { type: 'file', multiple: true, accept: ACCEPT, class: 'pilot-evidence-input' });
    const camera = el('input', { type: 'file', accept: 'image/*', capture: 'environment', class: 'pilot-evidence-camera' });
    const choose = el('label', { class: 'btn btn-default pilot-evidence-choose' }, 'Chọn tệp…', files);
    const photo = el('label', { class: 'btn btn-default pilot-evidence-photo' }, 'Chụp ảnh', camera);
    this.progress = el('progress', { max: '100', value: '0', class: 'pilot-evidence-progress', hidden: true });
    form.append(el('div', { class: 'pilot-evidence-buttons' }, choose, photo), this.progress,
      el('p', { class: 'pilot-evidence-hint' }, 'PDF, Word, Excel, ảnh JPEG, PNG hoặc HEIC; chọn được nhiều tệp một lúc.'));
    [files, camera].forEach(input => input.addEventListener('change', () => {
      if (input.files.length) {
        this.upload([...input.files], select ? select.value : '', select).finally(() => { input.value = ''; });
      }
    }));
    return form;
  }

  upload(chosen, slot, select) {
    if (select && !slot) {
      this.status.replaceChildren(message('Hãy chọn tiêu chí của tệp trước khi đính kèm.', 'danger'));
      select.focus();
      return Promise.resolve();
    }
    const body = new FormData();
    chosen.forEach(file => body.append('file', file, file.name));
    if (slot) {
      body.append('slot', slot);
    }
    this.status.replaceChildren(message('Đang tải lên ' + chosen.length + ' tệp…', 'info'));
    this.progress.hidden = false;
    this.progress.value = 0;
    return new Promise(resolve => {
      const request = new XMLHttpRequest();
      request.open('POST', API + '/tasks/' + encodeURIComponent(this.taskId) + '/files');
      request.withCredentials = true;
      request.setRequestHeader('Accept', 'application/json');
      request.setRequestHeader('X-XSRF-TOKEN', xsrfToken());
      request.upload.onprogress = event => {
        if (event.lengthComputable) {
          this.progress.value = Math.round(100 * event.loaded / event.total);
        }
      };
      request.onload = async () => {
        this.progress.hidden = true;
        let answer = null;
        try {
          answer = JSON.parse(request.responseText);
        } catch (e) {
          answer = null;
        }
        if (request.status === 201) {
          await this.load();
          this.status.replaceChildren(message('Đã đính kèm ' + chosen.length + ' tệp' + (slot ? ' cho «' + this.slotLabel(slot) + '»' : '') + '.', 'success'));
        } else {
          this.status.replaceChildren(message((answer && answer.message)
            || 'Không tải lên được tệp (mã lỗi ' + request.status + '). Chưa có tệp nào được lưu.', 'danger'));
        }
        resolve();
      };
      request.onerror = () => {
        this.progress.hidden = true;
        this.status.replaceChildren(message('Mất kết nối khi tải lên; chưa có tệp nào được lưu. Vui lòng thử lại.', 'danger'));
        resolve();
      };
      request.send(body);
    });
  }

  async remove(file, button) {
    if (!window.confirm('Xóa tệp «' + file.name + '» khỏi công việc này?')) {
      return;
    }
    button.disabled = true;
    const response = await fetch(API + file.url.replace(/^\/api/, ''), {
      method: 'DELETE', credentials: 'same-origin', headers: { Accept: 'application/json', 'X-XSRF-TOKEN': xsrfToken() }
    }).catch(() => null);
    if (response && response.status === 204) {
      await this.load();
      this.status.replaceChildren(message('Đã xóa tệp «' + file.name + '».', 'success'));
      return;
    }
    const answer = response ? await response.json().catch(() => null) : null;
    button.disabled = false;
    this.status.replaceChildren(message((answer && answer.message) || 'Không xóa được tệp này.', 'danger'));
  }
}

export default [{
  id: 'pilot-evidence',
  pluginPoint: 'tasklist.task.detail',
  priority: 900,
  label: 'Minh chứng',
  render: (node, { taskId }) => {
    node.classList.add('pilot-evidence-tab');
    new EvidencePane(node, taskId).load();
  }
}];
