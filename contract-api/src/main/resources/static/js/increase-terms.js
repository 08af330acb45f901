// The words of an increase request for people: its state, the criteria it names (seed 001, seed 002 §6.2) and the
// reasons a rejection gives (seed 003: the NZa asks why requests were refused). The API's codes stay the keys.

export const STATES = {
  SUBMITTED: 'submitted',
  INFORMATION_REQUESTED: 'information asked',
  COMPLETE: 'complete',
  APPROVED: 'approved',
  REJECTED: 'rejected',
};

export const CRITERIA = {
  WAITING_TIMES: 'waiting times',
  NO_ALTERNATIVE_CARE: 'no alternative care in the region',
  STAFF_CAPACITY: 'staff capacity (FTE)',
  COST_PER_CLIENT: 'cost per client',
  CLIENT_GROWTH: 'growth of clients',
  CARE_STANDARDS: 'care standards',
  REGIONAL_COOPERATION: 'regional cooperation',
  PRODUCTION_MONITOR: 'production monitor delivered',
  INSURED_GROWTH: 'growth of insured persons',
  UNFORESEEN_CIRCUMSTANCES: 'unforeseen circumstances',
};

export const REJECTION_REASONS = {
  ALTERNATIVE_CARE_AVAILABLE: 'alternative care available in the region',
  DUTY_OF_CARE_MET: 'duty of care met without it',
  COST_NOT_JUSTIFIED: 'cost per client not justified',
  PRODUCTION_MONITOR_MISSING: 'production monitor missing',
  INCOMPLETE_REQUEST: 'request incomplete',
  CARE_STANDARDS_NOT_MET: 'care standards not met',
  NO_GROWTH_OR_UNFORESEEN_CIRCUMSTANCES: 'no growth nor unforeseen circumstances',
  NO_FINANCIAL_ROOM: 'no financial room',
  OTHER: 'other (see the grounds)',
};

/** A code in words, the code itself where the page does not know it (a newer API). */
export function words(table, code) {
  return table[code] || code.toLowerCase().replaceAll('_', ' ');
}
