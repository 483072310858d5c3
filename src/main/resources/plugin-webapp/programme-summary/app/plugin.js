// Cockpit plugin "Tổng hợp đề án" for the programme "Chính quyền thân thiện vì nhân dân phục vụ":
// a dashboard entry with the province's totals, a page of its own (#/programme-summary) and a link
// in Cockpit's header. It reads GET <cockpit-api>/plugin/programme-summary/<engine>/summary, which
// answers for the logged-in user only what Camunda's authorizations let them read.
//
// Plain JavaScript, no build step. Every text from the server is put into the page as text
// (textContent), never as HTML: lessons learned are typed by officials. Charts are drawn by
// Chart.js, served by the application itself (…/programme-summary/static/app/chart.umd.js); the
// styles are in plugin.css beside this file, which Cockpit loads with it.

const PLUGIN = 'programme-summary';
const ROUTE = '/programme-summary';
const TITLE = 'Tổng hợp đề án';
const AREA_COLOURS = ['#1f77b4', '#2ca02c', '#ff7f0e', '#9467bd', '#d62728'];
const PHASE_COLOURS = {
  planning: '#9ecae1', launched: '#6baed6', reporting: '#3182bd', 'self-assessment': '#fdae6b',
  appraisal: '#fd8d3c', recognised: '#31a354', 'not-passed': '#de2d26', ended: '#969696'
};
const ROLES = {'province-pilot': 'Điểm của tỉnh', 'district-pilot': 'Điểm của huyện', rollout: 'Nhân rộng'};
const LONG_TEXT = 160;

// ---- formatting: Vietnamese numbers and dates --------------------------------------------------

const numberFormat = new Intl.NumberFormat('vi-VN', {maximumFractionDigits: 1});

function num(value) {
  return value === null || value === undefined || Number.isNaN(value) ? '—' : numberFormat.format(value);
}

/** "2023-07-05" → "05/07/2023" (the server's days are yyyy-MM-dd). */
function day(value) {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value || '');
  return match ? `${match[3]}/${match[2]}/${match[1]}` : '—';
}

/** "2024-03" → "03/2024". */
function month(value) {
  const match = /^(\d{4})-(\d{2})/.exec(value || '');
  return match ? `${match[2]}/${match[1]}` : String(value || '');
}

function dateTime(value) {
  const date = value ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) {
    return '—';
  }
  const two = n => String(n).padStart(2, '0');
  return `${two(date.getDate())}/${two(date.getMonth() + 1)}/${date.getFullYear()} ${two(date.getHours())}:${two(date.getMinutes())}`;
}

// ---- building the page without HTML strings ----------------------------------------------------

/** An element with attributes and children; strings become text nodes, never markup. */
function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.substring(2), value);
    } else if (name === 'href') {
      element.setAttribute('href', safeUrl(value));
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    element.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** Only links inside this application: a relative address or this origin's http(s). */
function safeUrl(value) {
  const text = String(value || '');
  if (text.startsWith('#') || (text.startsWith('/') && !text.startsWith('//'))) {
    return text;
  }
  try {
    const url = new URL(text, window.location.href);
    return url.origin === window.location.origin ? url.href : '#' + ROUTE;
  } catch (e) {
    return '#' + ROUTE;
  }
}

// ---- where things are ------------------------------------------------------------------------

function appRoot() {
  const base = document.querySelector('base');
  return (base && base.getAttribute('app-root')) || '/camunda';
}

/**
 * ?province=…&district=…&commune=…, keeping the province a manager chose on the page
 * (#/programme-summary?province=33), if any.
 */
function unitQuery(district, commune) {
  const query = new URLSearchParams();
  const province = pageQuery().get('province');
  if (province) {
    query.set('province', province);
  }
  if (district) {
    query.set('district', district);
  }
  if (commune) {
    query.set('commune', commune);
  }
  const text = query.toString();
  return text ? '?' + text : '';
}

function summaryUrl(api, district) {
  return `${api.cockpitApi}/plugin/${PLUGIN}/${encodeURIComponent(api.engine)}/summary${unitQuery(district)}`;
}

function excelUrl(district) {
  return '/api/programme/summary.xlsx' + unitQuery(district);
}

function pageLink(district, commune) {
  return '#' + ROUTE + unitQuery(district, commune);
}

/** The page's own query (?province=…&district=…&commune=…) from Cockpit's hash address. */
function pageQuery() {
  const hash = window.location.hash || '';
  const at = hash.indexOf('?');
  return new URLSearchParams(at < 0 ? '' : hash.substring(at + 1));
}

function instanceLink(id, url) {
  return url || `#/process-instance/${encodeURIComponent(id)}/runtime`;
}

function taskLink(api, step) {
  return step.tasklistUrl || `${appRoot()}/app/tasklist/${encodeURIComponent(api.engine)}/#/?task=${encodeURIComponent(step.taskId)}`;
}

/** "12,5 KB", "3,2 MB". */
function fileSize(bytes) {
  if (bytes === null || bytes === undefined) {
    return '—';
  }
  if (bytes < 1024) {
    return `${num(bytes)} byte`;
  }
  return bytes < 1024 * 1024 ? `${num(bytes / 1024)} KB` : `${num(bytes / 1024 / 1024)} MB`;
}

// ---- reading ---------------------------------------------------------------------------------

async function readSummary(api, district) {
  const response = await fetch(summaryUrl(api, district), {
    credentials: 'same-origin',
    headers: {Accept: 'application/json', 'X-XSRF-TOKEN': api.CSRFToken || ''}
  });
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    body = null;
  }
  if (!response.ok) {
    const message = body && typeof body.message === 'string' ? body.message
      : response.status === 401 ? 'Vui lòng đăng nhập lại' : 'Chưa đọc được số liệu tổng hợp, vui lòng thử lại sau';
    throw new Error(message);
  }
  return body;
}

/**
 * A commune's evidence files (GET /api/process-instances/{id}/files, the address the summary
 * gives as evidenceUrl), read with the webapps' session: the server answers only what this user
 * may read of the commune.
 */
async function readFiles(url) {
  const response = await fetch(safeUrl(url), {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    body = null;
  }
  if (!response.ok || !Array.isArray(body)) {
    throw new Error(body && typeof body.message === 'string' ? body.message
      : 'Chưa đọc được danh sách tệp minh chứng, vui lòng thử lại sau');
  }
  return body;
}

// ---- Chart.js, from the application ----------------------------------------------------------

let chartLibrary = null;

/**
 * Chart.js's UMD build. Cockpit keeps RequireJS for older plugins, so the build registers itself
 * as an AMD module there and is loaded through it; elsewhere it sets window.Chart.
 */
function loadChart(api) {
  if (!chartLibrary) {
    const url = `${api.cockpitApi}/plugin/${PLUGIN}/static/app/chart.umd.js`;
    chartLibrary = new Promise((resolve, reject) => {
      if (window.Chart) {
        resolve(window.Chart);
      } else if (typeof window.define === 'function' && window.define.amd && typeof window.requirejs === 'function') {
        window.requirejs([url], resolve, reject);
      } else {
        const script = document.createElement('script');
        script.src = url;
        script.onload = () => (window.Chart ? resolve(window.Chart) : reject(new Error('Chart.js')));
        script.onerror = reject;
        document.head.appendChild(script);
      }
    }).catch(error => {
      chartLibrary = null;
      throw error;
    });
  }
  return chartLibrary;
}

/** Draws a chart into its canvas when Chart.js is there; the page stays readable without it. */
function drawChart(api, charts, canvas, config) {
  loadChart(api).then(Chart => {
    if (!canvas.isConnected) {
      return;
    }
    config.options = Object.assign({locale: 'vi-VN', responsive: true, maintainAspectRatio: false,
      animation: false}, config.options || {});
    charts.push(new Chart(canvas, config));
    canvas.setAttribute('data-drawn', 'true');
  }).catch(() => {
    canvas.replaceWith(h('p', {class: 'text-muted'}, 'Không tải được thư viện biểu đồ; số liệu vẫn có trong các bảng.'));
  });
}

function chartBox(title, height, note) {
  const canvas = h('canvas', {role: 'img', 'aria-label': title});
  const box = h('div', {class: 'pilot-summary-chart'},
    h('h4', {}, title), note ? h('p', {class: 'text-muted small'}, note) : null,
    h('div', {style: `position: relative; height: ${height}px;`}, canvas));
  return {box, canvas};
}

// ---- pieces shared by the dashboard and the page -----------------------------------------------

function phaseName(summary, key) {
  const phase = (summary.phases || []).find(p => p.key === key);
  return phase ? phase.name : key;
}

function card(label, value, warn) {
  return h('div', {class: 'pilot-card' + (warn && value > 0 ? ' warn' : '')}, h('b', {}, num(value)), label);
}

/** Pilots and rollout communes of these counts in one phase. */
function inPhase(counts, key) {
  const pilots = (counts && counts.pilotsByPhase) || {};
  const rollouts = (counts && counts.rolloutsByPhase) || {};
  return (pilots[key] || 0) + (rollouts[key] || 0);
}

function totalsCards(summary) {
  const totals = summary.totals || {};
  const byPhase = {};
  for (const phase of summary.phases || []) {
    byPhase[phase.key] = inPhase(totals, phase.key);
  }
  return h('div', {class: 'pilot-cards'},
    card('Xã tham gia', totals.communes),
    card('Xã thí điểm', totals.pilots),
    card('Xã nhân rộng', totals.rollouts),
    card('Đã ra mắt mô hình', ['launched', 'reporting', 'self-assessment', 'appraisal', 'recognised', 'not-passed']
      .reduce((sum, key) => sum + (byPhase[key] || 0), 0)),
    card('Được công nhận', totals.recognised),
    card('Không đạt', totals.notPassed, true),
    card('Việc đang quá hạn', totals.lateNow, true),
    card('Lượt quá hạn', totals.lateTimes, true),
    card('Sự cố chưa xử lý', totals.openIncidents, true));
}

function phaseList(summary) {
  const totals = summary.totals || {};
  return h('ul', {class: 'list-inline'}, (summary.phases || []).map(phase =>
    h('li', {}, `${phase.name}: `, h('b', {}, num(inPhase(totals, phase.key))))));
}

function programmeLine(programme) {
  if (!programme) {
    return h('p', {class: 'text-muted'}, 'Chưa có đề án nào được khởi động.');
  }
  return h('div', {class: 'pilot-programme'},
    h('div', {}, h('b', {}, programme.title || 'Đề án'),
      programme.finished ? ' (đã kết thúc)' : ' (đang thực hiện)'),
    h('div', {}, `Đề án số ${programme.decisionNumber || '—'} ngày ${day(programme.decisionDate)}; `,
      `thời gian thực hiện ${day(programme.periodStart)} – ${day(programme.periodEnd)}; `,
      programme.provinceName || ''));
}

function errorBox(message) {
  return h('div', {class: 'alert alert-danger'}, message);
}

// ---- the dashboard entry --------------------------------------------------------------------

function renderDashboard(node, {api}) {
  const box = h('section', {class: 'pilot-dashboard dashboard'},
    h('h3', {class: 'section-title'}, 'Đề án Chính quyền thân thiện'),
    h('p', {class: 'text-muted'}, 'Đang đọc số liệu…'));
  node.appendChild(box);
  readSummary(api, null).then(summary => {
    box.replaceChildren(
      h('h3', {class: 'section-title'}, 'Đề án Chính quyền thân thiện'),
      programmeLine(summary.programme),
      totalsCards(summary),
      phaseList(summary),
      h('a', {href: pageLink(), class: 'btn btn-default pilot-open-summary'}, 'Xem tổng hợp đề án theo huyện, xã »'));
  }).catch(error => {
    box.replaceChildren(h('h3', {class: 'section-title'}, 'Đề án Chính quyền thân thiện'), errorBox(error.message));
  });
}

// ---- the page -------------------------------------------------------------------------------

/** Districts seen in the last reading of the whole province: the district selector's choices. */
let knownDistricts = [];

function districtSelector(current) {
  const choices = knownDistricts.slice();
  if (current && !choices.some(d => d.code === current.code)) {
    choices.push(current);
  }
  const select = h('select', {class: 'form-control', id: 'pilot-district', 'aria-label': 'Chọn huyện',
    onchange: event => {
      window.location.hash = pageLink(event.target.value);
    }},
  h('option', {value: ''}, 'Toàn tỉnh (mọi huyện được xem)'),
  choices.map(d => h('option', {value: d.code, selected: current && d.code === current.code}, `${d.name} (${d.code})`)));
  return h('label', {for: 'pilot-district', class: 'pilot-district-label'}, 'Huyện: ', select);
}

function countsCells(summary, counts) {
  const pilots = counts.pilotsByPhase || {};
  const rollouts = counts.rolloutsByPhase || {};
  return [
    h('td', {class: 'text-right'}, num(counts.communes)),
    h('td', {class: 'text-right'}, num(counts.pilots)),
    h('td', {class: 'text-right'}, num(counts.rollouts)),
    (summary.phases || []).map(phase => h('td', {class: 'text-right', title: `${phase.name}: thí điểm / nhân rộng`},
      `${num(pilots[phase.key] || 0)} / ${num(rollouts[phase.key] || 0)}`)),
    h('td', {class: 'text-right pilot-pass'}, num(counts.recognised)),
    h('td', {class: 'text-right' + (counts.notPassed ? ' pilot-fail' : '')}, num(counts.notPassed)),
    h('td', {class: 'text-right' + (counts.lateNow ? ' pilot-late' : '')}, `${num(counts.lateNow)} / ${num(counts.lateTimes)}`),
    h('td', {class: 'text-right' + (counts.openIncidents ? ' pilot-late' : '')}, num(counts.openIncidents))
  ];
}

function districtTable(summary) {
  const head = h('tr', {},
    h('th', {}, 'Huyện'), h('th', {}, 'Số xã'), h('th', {}, 'Thí điểm'), h('th', {}, 'Nhân rộng'),
    (summary.phases || []).map(phase => h('th', {title: 'thí điểm / nhân rộng'}, phase.name)),
    h('th', {}, 'Công nhận'), h('th', {}, 'Không đạt'), h('th', {title: 'việc đang quá hạn / số lượt quá hạn'}, 'Quá hạn (hiện nay / lượt)'),
    h('th', {}, 'Sự cố'), h('th', {}, 'Hồ sơ huyện'));
  const rows = (summary.districts || []).map(district => h('tr', {'data-district': district.code},
    h('td', {}, h('a', {href: pageLink(district.code)}, district.name), ` (${district.code})`),
    countsCells(summary, district.counts || {}),
    h('td', {}, district.instanceId
      ? (district.finished ? 'đã kết thúc' : h('a', {href: instanceLink(district.instanceId, district.cockpitUrl)}, 'Mở trong «Theo dõi quy trình»'))
      : '—')));
  const total = h('tr', {class: 'pilot-total'}, h('td', {}, 'Toàn tỉnh'), countsCells(summary, summary.totals || {}), h('td', {}));
  return h('div', {class: 'pilot-scroll'},
    h('table', {class: 'table table-bordered table-condensed cam-table pilot-districts'},
      h('thead', {}, head), h('tbody', {}, rows, total)),
    h('p', {class: 'text-muted small'}, 'Ô theo giai đoạn: số xã thí điểm / số xã nhân rộng.'));
}

function scoreCell(score, area) {
  return h('td', {class: 'text-right', title: area ? area.name : ''},
    score === null || score === undefined ? '—' : `${num(score)}/${num(area ? area.maxPoints : null)}`);
}

/** "Đạt – Tốt", "Đạt", "Không đạt (tổng điểm dưới 80)": the result, with the level when it says more. */
function resultText(commune) {
  if (commune.passed !== true && commune.passed !== false) {
    return '—';
  }
  const result = commune.passed ? 'Đạt' : 'Không đạt';
  const level = commune.ratingLevel || '';
  const text = !level ? result : level.toLowerCase().startsWith(result.toLowerCase()) ? level : `${result} – ${level}`;
  return h('span', {class: commune.passed ? 'pilot-pass' : 'pilot-fail'}, text);
}

function appraiserText(commune) {
  if (!commune.appraiserLevel) {
    return '—';
  }
  const level = commune.appraiserLevel === 'province' ? 'Tỉnh' : 'Huyện';
  const rounds = commune.appraisalRounds > 1 ? ` (${commune.appraisalRounds} lần)` : '';
  return `${level}${commune.appraiserName ? ': ' + commune.appraiserName : ''}${rounds}`;
}

function stepLinks(api, steps) {
  if (!steps || !steps.length) {
    return '—';
  }
  return steps.map((step, index) => [index ? h('br') : null,
    h('a', {href: taskLink(api, step), target: '_blank', rel: 'noopener', class: step.late ? 'pilot-late' : null},
      step.name), step.dueDate ? ` (hạn ${day(step.dueDate)}${step.late ? ', quá hạn' : ''})` : '']);
}

/** A long text collapsed to its beginning, with "Xem thêm" / "Thu gọn". */
function collapsible(text) {
  if (!text) {
    return h('span', {class: 'text-muted'}, 'Chưa có');
  }
  if (text.length <= LONG_TEXT) {
    return h('span', {class: 'pilot-lessons'}, text);
  }
  const shown = h('span', {class: 'pilot-lessons'}, text.substring(0, LONG_TEXT) + '…');
  let open = false;
  const toggle = h('a', {href: '', class: 'pilot-more', role: 'button', onclick: event => {
    event.preventDefault();
    open = !open;
    shown.textContent = open ? text : text.substring(0, LONG_TEXT) + '…';
    toggle.textContent = open ? 'Thu gọn' : 'Xem thêm';
  }}, 'Xem thêm');
  return h('span', {}, shown, ' ', toggle);
}

function communeDetail(api, charts, summary, commune, columns) {
  const reports = commune.reports || [];
  const areas = summary.areas || [];
  const selfScores = (commune.selfScores || []).some(s => s !== null && s !== undefined)
    ? areas.map((area, i) => `TC${area.number}: ${(commune.selfScores || [])[i] === null || (commune.selfScores || [])[i] === undefined
      ? '—' : num(commune.selfScores[i]) + '/' + num(area.maxPoints)}`).join('; ')
    : 'chưa tự chấm';
  const finished = !!commune.endedOn;
  // the recognition decision as the recognition form recorded it (README "Văn bản dự thảo")
  const issued = commune.decision;
  const decision = issued ? `số ${issued.number}${issued.signedOn ? ' ngày ' + day(issued.signedOn) : ''}`
    + `${issued.signer ? ', ' + (issued.signerTitle ? issued.signerTitle + ' ' : '') + issued.signer + ' ký' : ''}` : null;
  const parts = h('td', {colspan: columns},
    h('div', {class: 'row'},
      h('div', {class: 'col-md-6'},
        h('p', {}, h('b', {}, 'Bắt đầu: '), day(commune.startedOn), '; ', h('b', {}, 'ra mắt: '), day(commune.launchDate),
          '; ', h('b', {}, 'công nhận: '), day(commune.recognitionDate), '; ', h('b', {}, 'kết thúc: '), day(commune.endedOn)),
        decision ? h('p', {}, h('b', {}, 'Quyết định công nhận: '), decision) : null,
        h('p', {}, h('b', {}, 'Tự chấm điểm: '), selfScores),
        h('p', {}, h('b', {}, 'Báo cáo định kỳ và mức hài lòng của người dân: '),
          reports.length ? reports.map(r => `Kỳ ${r.number} (${day(r.periodEnd)}): phiếu giấy ${num(r.satisfactionPercent)}%`
            + (r.citizenResponses == null ? '' : `, trực tuyến ${r.citizenResponses} phiếu`
              + (r.citizenSatisfactionPercent == null ? '' : ` (${num(r.citizenSatisfactionPercent)}%)`))).join('; ') : 'chưa có'),
        h('p', {}, h('b', {}, 'Minh chứng theo bước: '), evidenceSteps(commune) || 'chưa có tệp nào'),
        h('p', {}, h('b', {}, 'Bài học kinh nghiệm: '), collapsible(commune.lessons)),
        finished ? h('p', {class: 'text-muted small'},
          'Hồ sơ này đã kết thúc: «Theo dõi quy trình» (bản cộng đồng) không mở được hồ sơ đã kết thúc, số liệu của xã được tổng hợp tại đây.')
          : h('p', {}, h('a', {href: instanceLink(commune.instanceId, commune.cockpitUrl)}, 'Mở hồ sơ đang thực hiện trong «Theo dõi quy trình»'))),
      h('div', {class: 'col-md-6'}, reports.length ? (() => {
        const {box, canvas} = chartBox('Mức hài lòng qua các kỳ báo cáo (%)', 180);
        drawChart(api, charts, canvas, {
          type: 'line',
          data: {labels: reports.map(r => `Kỳ ${r.number} (${day(r.periodEnd)})`),
            datasets: [{label: 'Tỷ lệ hài lòng, phiếu giấy (%)', data: reports.map(r => r.satisfactionPercent), borderColor: '#3182bd', tension: 0},
              {label: 'Tỷ lệ hài lòng, trực tuyến (%)', data: reports.map(r => r.citizenSatisfactionPercent ?? null), borderColor: '#e6550d', tension: 0, spanGaps: false}]},
          options: {scales: {y: {min: 0, max: 100}}}
        });
        return box;
      })() : null)));
  return h('tr', {class: 'pilot-detail', 'data-detail-of': commune.code}, parts);
}

/** "Xây dựng kế hoạch thực hiện mô hình: 2; Ra mắt mô hình và ký cam kết: 3". */
function evidenceSteps(commune) {
  return (commune.evidence || []).map(step => `${step.stepName || step.step}: ${num(step.files)}`).join('; ');
}

/** The commune's files, step by step, each a download link (the server sends them as attachments). */
function evidenceRow(commune, columns) {
  const cell = h('td', {colspan: columns}, h('p', {class: 'text-muted'}, 'Đang đọc danh sách tệp…'));
  readFiles(commune.evidenceUrl).then(files => {
    const steps = new Map();
    for (const file of files) {
      const step = file.taskName || file.taskDefinitionKey || 'Khác';
      if (!steps.has(step)) {
        steps.set(step, []);
      }
      steps.get(step).push(file);
    }
    cell.replaceChildren();
    append(cell, [h('p', {}, h('b', {}, `Minh chứng của ${commune.name}: `), `${num(files.length)} tệp`),
      files.length ? null : h('p', {class: 'text-muted'}, 'Chưa có tệp minh chứng nào.'),
      Array.from(steps.entries()).map(([step, list]) => h('div', {class: 'pilot-evidence-step'},
        h('b', {}, step), h('ul', {}, list.map(file => h('li', {},
          h('a', {href: file.url, download: file.name || '', class: 'pilot-evidence-file'}, file.name),
          ` (${fileSize(file.size)}; ${file.addedByName || file.addedBy || ''}, ${dateTime(file.addedAt)})`)))))]);
  }).catch(error => {
    cell.replaceChildren(errorBox(error.message));
  });
  return h('tr', {class: 'pilot-detail pilot-evidence', 'data-evidence-of': commune.code}, cell);
}

function evidenceCell(commune, columns, row) {
  const count = commune.evidenceFiles || 0;
  if (!count || !commune.evidenceUrl) {
    return h('td', {class: 'text-right text-muted'}, '0 tệp');
  }
  let list = null;
  const toggle = h('a', {href: '', class: 'pilot-evidence-toggle', role: 'button', title: evidenceSteps(commune),
    onclick: event => {
      event.preventDefault();
      if (list) {
        list.remove();
        list = null;
      } else {
        list = evidenceRow(commune, columns);
        row().after(list);
      }
    }}, `${num(count)} tệp`);
  return h('td', {class: 'text-right'}, toggle);
}

function communeTable(api, charts, summary, district, selectedCommune) {
  const areas = summary.areas || [];
  const head = h('tr', {},
    h('th', {title: 'Mã đơn vị hành chính'}, 'Mã xã'), h('th', {}, 'Xã'), h('th', {}, 'Vai trò'), h('th', {}, 'Giai đoạn'),
    areas.map(area => h('th', {title: `${area.name} (tối đa ${num(area.maxPoints)} điểm)`}, `TC${area.number}`)),
    h('th', {}, 'Tổng điểm'), h('th', {}, 'Kết quả, xếp loại'), h('th', {}, 'Thẩm định'),
    h('th', {title: 'việc đang quá hạn / số lượt quá hạn'}, 'Quá hạn'), h('th', {}, 'Sự cố'),
    h('th', {title: 'số tệp minh chứng của xã; bấm để xem và tải từng tệp'}, 'Minh chứng'),
    h('th', {}, 'Việc chưa hoàn thành'), h('th', {}, 'Hồ sơ'));
  const columns = 13 + areas.length;
  const body = h('tbody', {});
  for (const commune of district.communes || []) {
    const finished = !!commune.endedOn;
    let detail = null;
    const toggle = h('a', {href: pageLink(district.code, commune.code), class: 'pilot-commune-toggle', role: 'button',
      title: 'Xem chi tiết xã', onclick: event => {
        event.preventDefault();
        if (detail) {
          detail.remove();
          detail = null;
        } else {
          detail = communeDetail(api, charts, summary, commune, columns);
          row.after(detail);
        }
      }}, commune.name);
    const record = finished
      ? h('a', {href: pageLink(district.code, commune.code), title: 'Hồ sơ đã kết thúc: «Theo dõi quy trình» (bản cộng đồng) không mở được, xem chi tiết trên trang này'}, 'Chi tiết (đã kết thúc)')
      : h('a', {href: instanceLink(commune.instanceId, commune.cockpitUrl)}, 'Mở trong «Theo dõi quy trình»');
    const row = h('tr', {'data-commune': commune.code, class: commune.code === selectedCommune ? 'pilot-selected' : null},
      h('td', {}, commune.code), h('td', {}, toggle),
      h('td', {}, commune.roleName || ROLES[commune.role] || commune.role),
      h('td', {}, commune.phaseName || phaseName(summary, commune.phase)),
      areas.map((area, i) => scoreCell((commune.scores || [])[i], area)),
      h('td', {class: 'text-right'}, commune.totalScore === null || commune.totalScore === undefined ? '—'
        : `${num(commune.totalScore)}/${num(areas.reduce((sum, a) => sum + (a.maxPoints || 0), 0))}`),
      h('td', {}, resultText(commune)),
      h('td', {}, appraiserText(commune)),
      h('td', {class: 'text-right' + (commune.lateNow ? ' pilot-late' : '')}, `${num(commune.lateNow)} / ${num(commune.lateTimes)}`),
      h('td', {class: 'text-right' + (commune.openIncidents ? ' pilot-late' : '')}, num(commune.openIncidents)),
      evidenceCell(commune, columns, () => row),
      h('td', {}, stepLinks(api, commune.openSteps)),
      h('td', {}, record));
    body.appendChild(row);
    if (commune.code === selectedCommune) {
      detail = communeDetail(api, charts, summary, commune, columns);
      body.appendChild(detail);
    }
  }
  return h('div', {class: 'pilot-scroll'},
    h('table', {class: 'table table-bordered table-condensed table-hover cam-table pilot-communes'}, h('thead', {}, head), body),
    h('p', {class: 'text-muted small'}, 'TC1–TC5: điểm thẩm định theo 5 tiêu chí trên điểm tối đa; bấm tên xã để xem báo cáo, mức hài lòng và bài học kinh nghiệm; bấm số tệp ở cột «Minh chứng» để xem và tải tệp minh chứng của xã.'));
}

function districtSection(api, charts, summary, district, open, selectedCommune) {
  const steps = district.openSteps && district.openSteps.length
    ? h('p', {}, h('b', {}, 'Việc chưa hoàn thành của huyện: '), stepLinks(api, district.openSteps)) : null;
  return h('details', {class: 'pilot-district', open, 'data-district-section': district.code},
    h('summary', {}, `${district.name} — ${num((district.communes || []).length)} xã`,
      district.finished ? ' (đã kết thúc)' : ''),
    steps,
    h('p', {}, h('b', {}, 'Bài học kinh nghiệm của huyện: '), collapsible(district.lessons)),
    communeTable(api, charts, summary, district, selectedCommune));
}

function charts(api, list, summary, districtChosen) {
  const row = h('div', {class: 'pilot-charts'});
  const districts = summary.districts || [];
  const phases = summary.phases || [];

  const byPhase = chartBox('Các xã theo giai đoạn, từng huyện', Math.max(220, 60 + 36 * districts.length));
  drawChart(api, list, byPhase.canvas, {
    type: 'bar',
    data: {labels: districts.map(d => d.name),
      datasets: phases.map(phase => ({label: phase.name, backgroundColor: PHASE_COLOURS[phase.key] || '#999',
        data: districts.map(d => inPhase(d.counts, phase.key))}))},
    options: {indexAxis: 'y', scales: {x: {stacked: true, ticks: {precision: 0}, title: {display: true, text: 'số xã'}}, y: {stacked: true}}}
  });
  row.appendChild(byPhase.box);

  const progress = summary.rolloutProgress || [];
  const rollout = chartBox('Tiến độ nhân rộng theo tháng', 260);
  drawChart(api, list, rollout.canvas, {
    type: 'line',
    data: {labels: progress.map(p => month(p.month)), datasets: [
      {label: 'Xã đã bắt đầu', data: progress.map(p => p.started), borderColor: '#6baed6', tension: 0},
      {label: 'Xã đã ra mắt mô hình', data: progress.map(p => p.launched), borderColor: '#fd8d3c', tension: 0},
      {label: 'Xã được công nhận', data: progress.map(p => p.recognised), borderColor: '#31a354', tension: 0}]},
    options: {scales: {y: {beginAtZero: true, ticks: {precision: 0}, title: {display: true, text: 'số xã'}}}}
  });
  row.appendChild(rollout.box);

  // the five areas: every appraised commune of a chosen district, else the pilots of every district
  const communes = districts.flatMap(d => d.communes || [])
    .filter(c => (c.scores || []).some(s => s !== null && s !== undefined))
    .filter(c => districtChosen || c.role !== 'rollout');
  const areas = summary.areas || [];
  if (communes.length) {
    const scores = chartBox('Điểm thẩm định theo 5 tiêu chí (% điểm tối đa)', 300,
      districtChosen ? 'Mọi xã đã được thẩm định của huyện.' : 'Các xã thí điểm; chọn một huyện để xem cả các xã nhân rộng.');
    scores.box.classList.add('wide');
    drawChart(api, list, scores.canvas, {
      type: 'bar',
      data: {labels: communes.map(c => c.name), datasets: areas.map((area, i) => ({
        label: `TC${area.number}: ${area.name}`, backgroundColor: AREA_COLOURS[i % AREA_COLOURS.length],
        data: communes.map(c => {
          const score = (c.scores || [])[i];
          return score === null || score === undefined || !area.maxPoints ? null : Math.round(1000 * score / area.maxPoints) / 10;
        })}))},
      options: {scales: {y: {min: 0, max: 100, title: {display: true, text: '% điểm tối đa'}}},
        plugins: {tooltip: {callbacks: {label: context => {
          const area = areas[context.datasetIndex];
          const score = (communes[context.dataIndex].scores || [])[context.datasetIndex];
          return `TC${area.number}: ${num(score)}/${num(area.maxPoints)} điểm (${num(context.parsed.y)}%)`;
        }}}}}
    });
    row.appendChild(scores.box);
  }
  return row;
}

function renderPage(node, {api}, state) {
  const query = pageQuery();
  const district = query.get('district') || '';
  const commune = query.get('commune') || '';
  const page = h('div', {class: 'pilot-summary', id: 'pilot-summary'},
    h('h2', {}, 'Tổng hợp đề án Chính quyền thân thiện vì nhân dân phục vụ'),
    h('p', {class: 'text-muted'}, 'Đang đọc số liệu…'));
  node.appendChild(page);

  readSummary(api, district).then(summary => {
    if (!district) {
      knownDistricts = (summary.districts || []).map(d => ({code: d.code, name: d.name}));
    }
    const chosen = district ? (summary.districts || []).find(d => d.code === district) || {code: district, name: district} : null;
    const content = [
      h('h2', {}, 'Tổng hợp đề án Chính quyền thân thiện vì nhân dân phục vụ'),
      programmeLine(summary.programme),
      h('div', {class: 'pilot-toolbar'},
        districtSelector(chosen),
        h('a', {href: excelUrl(district), class: 'btn btn-default pilot-excel', download: ''}, 'Tải tệp Excel'),
        h('span', {class: 'text-muted small'}, `Số liệu lúc ${dateTime(summary.generatedAt)}`)),
      totalsCards(summary)
    ];
    if (!(summary.districts || []).length) {
      content.push(h('p', {}, 'Chưa có huyện nào mà tài khoản này được xem.'));
    } else {
      content.push(charts(api, state.charts, summary, !!district),
        h('h3', {}, 'Theo huyện'), districtTable(summary),
        h('h3', {}, 'Theo xã'),
        (summary.districts || []).map(d => districtSection(api, state.charts, summary, d,
          !!district || (summary.districts || []).length === 1 || d.code === commune, commune)));
    }
    page.replaceChildren(...content.flat());
    if (commune) {
      const row = page.querySelector(`tr[data-commune="${CSS.escape(commune)}"]`);
      if (row) {
        row.scrollIntoView({block: 'center'});
      }
    }
  }).catch(error => {
    page.replaceChildren(h('h2', {}, 'Tổng hợp đề án Chính quyền thân thiện vì nhân dân phục vụ'),
      errorBox(error.message), h('p', {}, h('a', {href: pageLink()}, 'Về trang tổng hợp toàn tỉnh')));
  });
}

// ---- the plugins ----------------------------------------------------------------------------

function withCharts(render) {
  const state = {charts: []};
  return {
    render: (node, context) => render(node, context, state),
    unmount: () => {
      state.charts.forEach(chart => chart.destroy());
      state.charts = [];
    }
  };
}

const page = withCharts(renderPage);

export default [
  {
    id: 'programme-summary-dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 100,
    render: renderDashboard
  },
  {
    id: 'programme-summary-navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 100,
    render: node => {
      node.appendChild(h('a', {href: pageLink(), class: 'pilot-nav-summary'}, TITLE));
    },
    properties: {path: ROUTE}
  },
  {
    id: 'programme-summary-page',
    pluginPoint: 'cockpit.route',
    properties: {path: ROUTE, label: TITLE},
    render: page.render,
    unmount: page.unmount
  }
];
