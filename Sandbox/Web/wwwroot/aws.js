'use strict';
// The AWS side: executions with their steps (and a person's controls over a running or waiting step), the audit log.
const Aws = (() => {
  const { el } = Mrkdwn;

  function badge(status) {
    return el('span', 'status status-' + String(status).toLowerCase(), [status]);
  }

  function control(label, decision, step, onStep) {
    const b = el('button', 'step-control ' + decision.toLowerCase(), [label]);
    b.type = 'button';
    b.addEventListener('click', () => onStep(step.id, decision));
    return b;
  }

  function stepRow(step, onStep) {
    const row = el('li', 'step');
    row.dataset.step = step.name;
    row.append(el('span', 'step-name', [step.name]), el('span', 'step-action', [step.action]), badge(step.status));
    if (step.held) row.append(el('span', 'held', ['held']));
    if (step.status === 'InProgress' || step.status === 'Waiting') {
      const controls = el('span', 'step-controls');
      controls.append(control('Succeed', 'Success', step, onStep), control('Fail', 'Failed', step, onStep));
      // An approval waits for a signal: it can end as a console action or its timeout would end it, not be held.
      if (step.action === 'aws:approve') controls.append(control('Time out', 'TimedOut', step, onStep));
      else if (!step.held) controls.append(control('Hold', 'hold', step, onStep));
      row.append(controls);
    }
    if (step.failure) row.append(el('div', 'step-failure', [step.failure]));
    return row;
  }

  function execution(e, dir, onStep) {
    const card = el('section', 'execution');
    card.dataset.executionId = e.id;
    const params = Object.entries(e.parameters || {}).map(([k, v]) => k + ' ' + (dir.users[v] ? '@' + dir.users[v] : v)).join(' · ');
    card.append(
      el('div', 'execution-head', [el('b', null, [e.document + ' v' + e.version]), badge(e.status)]),
      el('div', 'execution-params', [params]),
      el('div', 'execution-id', [e.id + ' · ' + e.start + (e.end ? '–' + e.end : '') + ' UTC']));
    if (e.failure) card.append(el('div', 'step-failure', [e.failure]));
    card.append(el('ol', 'steps', e.steps.map((s) => stepRow(s, onStep))));
    return card;
  }

  function auditLine(entry, dir) {
    const time = String(entry.time || '').slice(11, 19);
    const who = entry.user ? '@' + (dir.users[entry.user] || entry.user) : '';
    const what = [entry.service, entry.version].filter(Boolean).join(' ');
    const li = el('li', 'audit-' + String(entry.event), [
      el('span', 'audit-time', [time]),
      el('b', null, [entry.event + ' ']), el('span', 'audit-outcome', [entry.outcome]),
      ' ' + [who, what].filter(Boolean).join(' '),
    ]);
    if (entry.reason) li.append(el('div', 'audit-reason', [entry.reason]));
    return li;
  }

  function render(state, dir, onStep) {
    const list = document.getElementById('executions');
    list.replaceChildren(...(state.executions.length
      ? state.executions.map((e) => execution(e, dir, onStep))
      : [el('p', 'empty', ['No executions yet: ask @deploybot to run a deploy.'])]));
    const audit = document.getElementById('audit');
    const atBottom = audit.scrollHeight - audit.scrollTop - audit.clientHeight < 40;
    audit.replaceChildren(...state.audit.map((a) => auditLine(a, dir)));
    if (atBottom) audit.scrollTop = audit.scrollHeight;
  }

  return { render };
})();
