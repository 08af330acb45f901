// The insurers to pick from, for the regulator (who sees every insurer): those that have contracts.
import { get } from './api.js';

/** Distinct insurer codes among the contracts the caller sees, with their number of contracts, by code. */
export async function insurersWithContracts() {
  const contracts = await get('/api/contracts?limit=1000');
  const counts = new Map();
  for (const contract of contracts) {
    counts.set(contract.insurerUzovi, (counts.get(contract.insurerUzovi) || 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => a[0].localeCompare(b[0]))
    .map(([uzovi, contracts]) => ({ uzovi, contracts }));
}

/** Fills a <select> with the insurers; the one in the URL (or the first) chosen. */
export async function fillInsurers(select, chosen) {
  const insurers = await insurersWithContracts();
  for (const insurer of insurers) {
    const option = document.createElement('option');
    option.value = insurer.uzovi;
    option.textContent = insurer.uzovi + ' (' + insurer.contracts + ' contracts)';
    select.append(option);
  }
  if (chosen && insurers.some(i => i.uzovi === chosen)) {
    select.value = chosen;
  }
  return insurers;
}
