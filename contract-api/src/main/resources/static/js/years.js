// Contract years to choose from: around the current year in Europe/Amsterdam.
export function currentYear() {
  return Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Amsterdam', year: 'numeric' }).format(new Date()));
}

/** Fills a <select> with last year, this year and next year; this year chosen unless the URL says otherwise. */
export function fillYears(select, chosen) {
  const year = currentYear();
  for (const option of [year - 1, year, year + 1]) {
    const node = document.createElement('option');
    node.value = String(option);
    node.textContent = String(option);
    select.append(node);
  }
  select.value = String(chosen || year);
}
