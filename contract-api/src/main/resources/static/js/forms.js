// What the action forms share: reading what was typed (money, percentages, settings, dates) into the API's terms,
// and running one action at a time with the API's refusal shown in its own words.
import { message, busy, ready } from './dom.js';
import { parseCents } from './money.js';

/** A mistake in what was typed, found before anything is sent. */
export class InputError extends Error {
}

/** Euros as typed ("12.500,00") in integer cents; positive. */
export function centsOf(text, what) {
  const cents = parseCents(text);
  if (cents === null || cents <= 0) {
    throw new InputError(what + ' is not an amount in euros, e.g. 12.500,00');
  }
  return cents;
}

/** "92,50" or "92.5" → "92.50" as the API wants it (a decimal string, never a float). */
export function tariffOf(text, what = 'The tariff') {
  const match = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(String(text).replace(/[%\s]/g, ''));
  if (!match) {
    throw new InputError(what + ' is a percentage with at most two decimals, e.g. 92,50');
  }
  return match[1] + '.' + (match[2] || '').padEnd(2, '0');
}

/** "2, 3" or "2 3" → [2, 3]. */
export function settingsOf(text) {
  const parts = String(text).split(/[\s,;]+/).filter(part => part !== '');
  if (parts.length === 0 || parts.some(part => !/^\d$/.test(part))) {
    throw new InputError('Settings are numbers from 1 to 8, separated by commas, e.g. 2, 3');
  }
  return [...new Set(parts.map(Number))];
}

export function required(text, what) {
  const value = String(text).trim();
  if (!value) {
    throw new InputError(what + ' is required.');
  }
  return value;
}

/** A yyyy-mm-dd from a date input. */
export function dateOf(text, what) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(String(text))) {
    throw new InputError(what + ' is required (a date).');
  }
  return text;
}

/**
 * Runs the form's action when it is submitted: its buttons disabled meanwhile, the page busy; a success message, or
 * the refusal — the problem's own detail — as an error. {@code action} returns the success message (or nothing).
 */
export function onSubmit(form, action) {
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const buttons = [...form.querySelectorAll('button')];
    buttons.forEach(button => { button.disabled = true; });
    message('');
    busy();
    try {
      const done = await action(event.submitter);
      if (done) {
        message(done, 'ok');
      }
    } catch (e) {
      message(e.message);
    } finally {
      buttons.forEach(button => { button.disabled = false; });
      ready();
    }
  });
}
