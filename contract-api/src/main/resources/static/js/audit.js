// The regulator's audit export: streams GET /api/audit/events, counts the lines as they arrive and shows how far the
// export is (position of the last complete line against X-Audit-Horizon), then offers the file; and the bundle.
import { call } from './api.js';
import { el, clear, message, param, busy, ready } from './dom.js';
import { header } from './nav.js';
import { require } from './session.js';
import { fillYears } from './years.js';
import { fillInsurers } from './insurers.js';

const session = await require('REGULATOR');
header(session);

const insurer = document.getElementById('insurer');
const year = document.getElementById('year');
const progress = document.getElementById('progress');
const progressText = document.getElementById('progress-text');
const stop = document.getElementById('stop');
let running = null;

function megabytes(bytes) {
  return (bytes / 1048576).toLocaleString('nl-NL', { maximumFractionDigits: 1 }) + ' MB';
}

function offer(blob, name, label) {
  const link = el('a', { href: URL.createObjectURL(blob), download: name, id: 'save' }, label);
  clear(document.getElementById('download')).append(link);
  return link;
}

async function exportEvents(event) {
  event.preventDefault();
  const filters = new URLSearchParams({ insurer: insurer.value, year: year.value });
  history.replaceState(null, '', '?' + filters);
  message('');
  clear(document.getElementById('download'));
  document.getElementById('progress-section').hidden = false;
  progress.value = 0;
  progressText.textContent = 'Asking for the export…';
  running = new AbortController();
  stop.hidden = false;
  busy();
  try {
    const response = await call('/api/audit/events?' + filters, {
      headers: { Accept: 'application/x-ndjson' }, signal: running.signal,
    });
    const horizon = Number(response.headers.get('X-Audit-Horizon'));
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    const chunks = [];
    let bytes = 0;
    let lines = 0;
    let partial = '';
    let position = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      bytes += value.length;
      const text = partial + decoder.decode(value, { stream: true });
      const complete = text.lastIndexOf('\n');
      if (complete >= 0) {
        const block = text.slice(0, complete);
        lines += block.split('\n').length;
        const lastLine = block.slice(block.lastIndexOf('\n') + 1);
        position = JSON.parse(lastLine).position;
        partial = text.slice(complete + 1);
      } else {
        partial = text;
      }
      // positions ascend: the last line's position against the horizon says how much of the history is read
      progress.value = horizon > 0 ? Math.min(100, position / horizon * 100) : 0;
      progressText.textContent = lines.toLocaleString('nl-NL') + ' events, ' + megabytes(bytes)
        + ' — at position ' + position + ' of ' + horizon;
    }
    if (partial.trim()) {
      throw new Error('the export broke off in the middle of a line: save nothing and export again');
    }
    progress.value = 100;
    progressText.textContent = 'Done: ' + lines.toLocaleString('nl-NL') + ' events, ' + megabytes(bytes)
      + ', covering the history up to position ' + horizon + ' (X-Audit-Horizon).';
    progressText.dataset.lines = String(lines);
    progressText.dataset.horizon = String(horizon);
    offer(new Blob(chunks, { type: 'application/x-ndjson' }),
      `ggz-audit-${insurer.value}-${year.value}-${horizon}.ndjson`, 'Save the export (' + lines + ' events)');
  } catch (e) {
    message(e.name === 'AbortError' ? 'Export stopped.' : 'The export failed: ' + e.message);
  } finally {
    stop.hidden = true;
    running = null;
    ready();
  }
}

async function downloadBundle() {
  const filters = new URLSearchParams({ insurer: insurer.value, year: year.value });
  message('');
  document.getElementById('progress-section').hidden = false;
  clear(document.getElementById('download'));
  progress.removeAttribute('value'); // indeterminate: a bundle's size is known only at its end
  progressText.textContent = 'Making the bundle…';
  busy();
  try {
    const response = await call('/api/audit/bundle?' + filters);
    const blob = await response.blob();
    progress.value = 100;
    progressText.textContent = 'Bundle ready: ' + megabytes(blob.size) + '.';
    offer(blob, `ggz-audit-${insurer.value}-${year.value}.zip`, 'Save the bundle (zip)').click();
  } catch (e) {
    progress.value = 0;
    message('The bundle failed: ' + e.message);
  } finally {
    ready();
  }
}

async function init() {
  fillYears(year, param('year'));
  await fillInsurers(insurer, param('insurer'));
  document.getElementById('export-form').addEventListener('submit', exportEvents);
  document.getElementById('bundle').addEventListener('click', downloadBundle);
  stop.addEventListener('click', () => running && running.abort());
  ready();
}

init();
