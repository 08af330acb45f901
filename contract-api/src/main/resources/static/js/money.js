// Money arrives as integer euro cents; it is only ever formatted here, with string operations (no floating point).

/** 123456789 → "€ 1.234.567,89" (Dutch notation: dot for thousands, comma for cents). */
export function euros(cents) {
  if (cents === null || cents === undefined) {
    return '–';
  }
  const negative = cents < 0;
  const digits = String(Math.abs(cents)).padStart(3, '0');
  const whole = digits.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return (negative ? '− ' : '') + '€ ' + whole + ',' + digits.slice(-2);
}

/** Whole euros only, for chart axes: 250000000 → "€ 2.500.000". */
export function wholeEuros(cents) {
  const full = euros(cents);
  return full.slice(0, full.lastIndexOf(','));
}

/**
 * What a purchaser types, in cents: "12.500,00", "12500", "12500,5", "€ 12.500". A comma is the decimal sign;
 * dots are thousands separators. Null when it is not an amount.
 */
export function parseCents(text) {
  const cleaned = String(text).replace(/[€\s]/g, '');
  const match = /^(\d{1,3}(?:\.\d{3})*|\d+)(?:,(\d{1,2}))?$/.exec(cleaned);
  if (!match) {
    return null;
  }
  const whole = match[1].replace(/\./g, '');
  const fraction = (match[2] || '').padEnd(2, '0');
  const cents = Number(whole + fraction);
  return Number.isSafeInteger(cents) ? cents : null;
}

/** A percentage as the API gives it (a decimal number, one or two places): 71.35 → "71,4 %". */
export function percent(value) {
  if (value === null || value === undefined) {
    return '–';
  }
  return Number(value).toLocaleString('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 }) + ' %';
}

/** A tariff as the API gives it (a percentage of the NZa maximum, two places): 92.5 → "92,50 %". */
export function tariff(value) {
  if (value === null || value === undefined) {
    return '–';
  }
  return Number(value).toLocaleString('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) + ' %';
}

/** The tariff per setting ({"2": 92.5, "3": 95}): one figure when they are the same, else one per setting. */
export function tariffs(bySetting) {
  const entries = Object.entries(bySetting || {}).sort(([a], [b]) => Number(a) - Number(b));
  const values = new Set(entries.map(([, value]) => tariff(value)));
  if (values.size === 1) {
    return [...values][0] + (entries.length > 1 ? ' for every setting' : '');
  }
  return entries.map(([setting, value]) => 'setting ' + setting + ': ' + tariff(value)).join(', ');
}
