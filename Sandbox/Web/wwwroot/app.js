'use strict';
// The page: state arrives as server-sent events (one JSON document per change, for the person acting), and every
// action goes back as a small JSON POST. Nothing is rendered through HTML strings.
(() => {
  const $ = (id) => document.getElementById(id);
  const { el } = Mrkdwn;
  let state = null;
  let source = null;
  // Who acts: chosen in the switcher (or #as=U… in the address); until the first state, the server picks.
  let me = new URLSearchParams(location.hash.slice(1)).get('as') || '';
  let thread = null;
  let peopleKey = '';
  let pendingClick = null;

  const viewer = () => me;

  function toast(text) {
    const t = $('toast');
    t.textContent = text;
    t.hidden = false;
    clearTimeout(toast.timer);
    toast.timer = setTimeout(() => { t.hidden = true; }, 6000);
  }

  async function post(action, body) {
    try {
      const response = await fetch('/api/' + action, {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
      });
      const answer = await response.json().catch(() => ({ ok: false, error: response.statusText }));
      if (!answer.ok) toast(answer.error || 'That did not work.');
      return answer;
    } catch (e) {
      toast('The Sandbox is not reachable: ' + e.message);
      return { ok: false };
    }
  }

  function connect(as) {
    if (source) source.close();
    source = new EventSource('/api/events?viewer=' + encodeURIComponent(as || ''));
    source.onopen = () => { $('connection').textContent = '● live'; $('connection').className = 'connection live'; };
    source.onerror = () => { $('connection').textContent = 'reconnecting…'; $('connection').className = 'connection'; };
    source.onmessage = (event) => {
      const next = JSON.parse(event.data);
      if (me && next.viewer !== me && next.people.some((p) => p.id === me)) return;
      me = next.viewer;
      state = next;
      render();
    };
  }

  function switchTo(id) {
    if (!id || id === me) return;
    me = id;
    history.replaceState(null, '', '#as=' + encodeURIComponent(id));
    connect(id);
  }

  function directory() {
    return {
      users: state.users,
      groups: state.groups,
      channels: Object.fromEntries(state.channels.map((c) => [c.id, c.name])),
    };
  }

  function time(ts) {
    const d = new Date(Number(String(ts).split('.')[0]) * 1000);
    return d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  }

  function avatar(user, name) {
    let hash = 0;
    for (const c of user) hash = (hash * 31 + c.charCodeAt(0)) % 360;
    const node = el('div', 'avatar', [(name || '?').slice(0, 1).toUpperCase()]);
    node.style.setProperty('--hue', String(hash));
    return node;
  }

  function click(message, button) {
    const send = () => post('click', { viewer: viewer(), ts: message.ts, actionId: button.action_id });
    if (!button.confirm) {
      send();
      return;
    }
    const c = button.confirm;
    $('confirm-title').textContent = Mrkdwn.plain(c.title && c.title.text) || 'Are you sure?';
    $('confirm-text').replaceChildren(c.text && c.text.type === 'mrkdwn' ? Mrkdwn.render(c.text.text, directory()) : Mrkdwn.plain(c.text && c.text.text));
    $('confirm-ok').textContent = Mrkdwn.plain(c.confirm && c.confirm.text) || 'Yes';
    $('confirm-ok').className = c.style === 'danger' ? 'danger' : 'primary';
    $('confirm-deny').textContent = Mrkdwn.plain(c.deny && c.deny.text) || 'Cancel';
    pendingClick = send;
    $('confirm').showModal();
  }

  function messageNode(m, dir, replies) {
    const name = dir.users[m.user] || m.user;
    const head = el('div', 'message-head', [el('b', 'author', [name])]);
    if (m.isBot) head.append(el('span', 'app-tag', ['APP']));
    head.append(el('span', 'time', [time(m.ts)]));
    const body = el('div', 'message-body', [head, Blocks.render(m, dir, (b) => click(m, b))]);
    if (m.edits > 0) body.append(el('span', 'edited', ['(edited)']));
    if (m.ephemeral) body.prepend(el('div', 'ephemeral-note', ['👁 Only visible to you']));
    if (replies > 0) {
      const link = el('button', 'replies', [replies === 1 ? '1 reply' : replies + ' replies']);
      link.type = 'button';
      link.addEventListener('click', () => { thread = m.ts; render(); });
      body.append(link);
    }
    const node = el('div', 'message' + (m.ephemeral ? ' ephemeral' : '') + (m.isBot ? ' bot' : ''), [avatar(m.user, name), body]);
    node.dataset.ts = m.ts;
    return node;
  }

  function fill(container, nodes) {
    const atBottom = container.scrollHeight - container.scrollTop - container.clientHeight < 60;
    container.replaceChildren(...nodes);
    if (atBottom) container.scrollTop = container.scrollHeight;
  }

  function renderSidebar(dir) {
    const key = JSON.stringify(state.people);
    if (key !== peopleKey) {
      peopleKey = key;
      $('viewer').replaceChildren(...state.people.map((p) => {
        const o = el('option', null, [p.name + ' — ' + p.roles]);
        o.value = p.id;
        return o;
      }));
      $('people').replaceChildren(...state.people.map((p) => {
        const b = el('button', 'person', [avatar(p.id, p.name), el('span', null, [p.name]), el('small', null, [p.roles])]);
        b.type = 'button';
        b.dataset.person = p.id;
        b.addEventListener('click', () => switchTo(p.id));
        return el('li', null, [b]);
      }));
    }
    $('viewer').value = state.viewer;
    for (const b of document.querySelectorAll('.person')) b.classList.toggle('active', b.dataset.person === state.viewer);
    const me = state.people.find((p) => p.id === state.viewer);
    $('roles').textContent = me ? '@' + me.name + ': ' + me.roles : '';
    $('channels').replaceChildren(...state.channels.map((c) =>
      el('li', c.id === state.channel.id ? 'active' : 'muted', ['# ' + c.name])));
    $('channel-name').textContent = '# ' + state.channel.name;
    $('composer-text').placeholder = 'Message @' + state.bot.name + ' as @' + (dir.users[state.viewer] || '') + ', e.g. run deploy app r-99.1.0';
  }

  function render() {
    const dir = directory();
    renderSidebar(dir);
    const messages = state.messages;
    const top = messages.filter((m) => !m.threadTs || m.threadTs === m.ts);
    const replies = (ts) => messages.filter((m) => m.threadTs === ts && m.ts !== ts && !m.ephemeral).length;
    fill($('messages'), top.length ? top.map((m) => messageNode(m, dir, replies(m.ts)))
      : [el('p', 'empty', ['No messages yet. Say something to @' + state.bot.name + ' below: try help.'])]);
    const pane = $('thread');
    const parent = thread && messages.find((m) => m.ts === thread);
    pane.hidden = !parent;
    document.body.classList.toggle('with-thread', Boolean(parent));
    if (parent) {
      const inThread = messages.filter((m) => m.ts !== thread && m.threadTs === thread);
      const count = replies(thread);
      fill($('thread-messages'), [messageNode(parent, dir, 0), el('div', 'thread-divider', [count === 1 ? '1 reply' : count + ' replies']),
        ...inThread.map((m) => messageNode(m, dir, 0))]);
    }
    const pace = state.stepSeconds === null ? 'manual' : String(state.stepSeconds);
    if (![...$('pace').options].some((o) => o.value === pace)) {
      const o = el('option', null, ['after ' + pace + ' s']);
      o.value = pace;
      $('pace').append(o);
    }
    $('pace').value = pace;
    Aws.render(state, dir, (stepId, decision) => post('step', { stepId, decision }));
  }

  async function say(input, threadTs) {
    const text = input.value.trim();
    if (!text || !state) return;
    const answer = await post('say', { viewer: viewer(), text, threadTs });
    if (answer.ok) {
      input.value = '';
      thread = threadTs || answer.ts;
      render();
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('composer').addEventListener('submit', (e) => { e.preventDefault(); say($('composer-text'), null); });
    $('thread-composer').addEventListener('submit', (e) => { e.preventDefault(); say($('thread-text'), thread); });
    $('thread-close').addEventListener('click', () => { thread = null; render(); });
    $('viewer').addEventListener('change', (e) => switchTo(e.target.value));
    $('pace').addEventListener('change', (e) =>
      post('pace', { seconds: e.target.value === 'manual' ? null : Number(e.target.value) }));
    $('confirm-ok').addEventListener('click', () => {
      const send = pendingClick;
      pendingClick = null;
      $('confirm').close();
      if (send) send();
    });
    $('confirm-deny').addEventListener('click', () => { pendingClick = null; $('confirm').close(); });
    $('confirm').addEventListener('close', () => { pendingClick = null; });
    connect(me);
  });
})();
