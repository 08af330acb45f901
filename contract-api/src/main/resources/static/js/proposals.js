// The contract page's proposals side by side: a column per round (the offer is round 0), a row per term, so that
// who proposed what reads across; the round on the table, the accepted one and the signed one are marked.
import { el, clear, dateTime } from './dom.js';
import { euros, tariffs } from './money.js';

const SIDE = { PURCHASER: 'the insurer', PROVIDER: 'the provider' };

function heading(round) {
  return round.round === 0 ? 'Offer' : 'Round ' + round.round;
}

function standing(round) {
  const badges = [];
  switch (round.standing) {
    case 'ON_THE_TABLE':
      badges.push(el('span', { class: 'badge warn' }, 'on the table'));
      break;
    case 'SIGNED':
      badges.push(el('span', { class: 'badge ok' }, 'signed'));
      break;
    case 'CLOSED':
      badges.push(el('span', { class: 'badge muted' }, 'closed unsigned'));
      break;
    default:
      badges.push(el('span', { class: 'badge muted' }, 'superseded'));
  }
  if (round.acceptedAt) {
    badges.push(' ', el('span', { class: 'badge ok accepted' },
      'accepted by ' + round.acceptedBy + ' on ' + dateTime(round.acceptedAt)));
  } else if (round.proposedBy === 'PROVIDER' && round.standing === 'ON_THE_TABLE') {
    badges.push(' ', el('span', { class: 'badge warn' }, 'awaiting the insurer\'s acceptance'));
  }
  return badges;
}

function answerDue(round) {
  if (!round.answerDueAt) {
    return '–';
  }
  const due = dateTime(round.answerDueAt);
  return round.answerOverdue ? [due, ' ', el('span', { class: 'badge bad overdue' }, 'overdue')] : [due];
}

/** The rows: what each shows of a round, with a class to find it by. */
const ROWS = [
  { label: 'Proposed by', name: 'proposed-by', value: r => SIDE[r.proposedBy] || r.proposedBy },
  { label: 'Proposed', name: 'proposed-at', value: r => dateTime(r.proposedAt) },
  { label: 'Ceiling per year', name: 'ceiling', value: r => euros(r.ceilingCents), compare: true },
  { label: 'Tariff (% of the NZa maximum)', name: 'tariffs', value: r => tariffs(r.tariffPercentages), compare: true },
  { label: 'Settings', name: 'settings', value: r => r.settings.join(', '), compare: true },
  { label: 'Insurer answers by', name: 'answer-due', value: answerDue },
  { label: 'Standing', name: 'standing', value: standing },
];

function marked(round) {
  return round.standing === 'ON_THE_TABLE' ? 'on-the-table' : round.standing === 'SIGNED' ? 'signed' : null;
}

/** Shows the rounds in the table; a term that differs from the round before is set in bold. */
export function showProposals(table, rounds) {
  clear(table.tHead).append(el('tr', {}, el('th', { scope: 'col' }, 'Proposal'),
    ...rounds.map(r => el('th', { scope: 'col', 'data-round': r.round, class: marked(r) }, heading(r)))));
  clear(table.tBodies[0]).append(...ROWS.map(row => el('tr', { 'data-row': row.name },
    el('th', { scope: 'row' }, row.label),
    ...rounds.map((round, i) => {
      const value = row.value(round);
      const changed = row.compare && i > 0 && value !== row.value(rounds[i - 1]);
      return el('td', {
        'data-round': round.round,
        class: [row.name, marked(round), changed ? 'changed' : null].filter(Boolean).join(' '),
        title: changed ? 'changed from the round before' : null,
      }, value);
    }))));
}
