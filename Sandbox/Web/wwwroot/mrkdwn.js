'use strict';
// Slack mrkdwn to DOM nodes. Every piece of text becomes a text node (never HTML), links only for http(s) and mailto.
const Mrkdwn = (() => {
  const EMOJI = {
    white_check_mark: '✅', x: '❌', octagonal_sign: '🛑', grey_question: '❔', no_entry: '⛔', information_source: 'ℹ️',
    rocket: '🚀', raised_hand: '✋', arrows_counterclockwise: '🔄', alarm_clock: '⏰', warning: '⚠️', tada: '🎉',
    no_entry_sign: '🚫', memo: '📝', lock: '🔒', hourglass_flowing_sand: '⏳', hourglass: '⌛', checkered_flag: '🏁',
    wave: '👋', eyes: '👀', thumbsup: '👍', heavy_check_mark: '✔️', question: '❓', bulb: '💡', link: '🔗',
  };
  const INLINE = /(`[^`\n]+`)|(<[^<>\n]+>)|((?<![\w*])\*[^*\n]+\*(?![\w*]))|((?<![\w_])_[^_\n]+_(?![\w_]))|((?<![\w~])~[^~\n]+~(?![\w~]))|(:[a-z0-9_+-]+:)/g;

  const decode = (text) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

  function el(tag, className, children) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    for (const child of children || []) node.append(child);
    return node;
  }

  function control(body, dir) {
    const bar = body.indexOf('|');
    const target = bar < 0 ? body : body.slice(0, bar);
    const label = bar < 0 ? null : body.slice(bar + 1);
    if (target.startsWith('@')) return el('span', 'mention', ['@' + (dir.users[target.slice(1)] || label || target.slice(1))]);
    if (target.startsWith('#')) return el('span', 'mention', ['#' + (label || dir.channels[target.slice(1)] || target.slice(1))]);
    if (target.startsWith('!subteam^')) {
      const id = target.slice('!subteam^'.length);
      return el('span', 'mention', ['@' + (dir.groups[id] || (label || id).replace(/^@/, ''))]);
    }
    if (target.startsWith('!')) return el('span', 'mention', ['@' + (label || target.slice(1))]);
    const url = decode(target);
    if (/^(https?:\/\/|mailto:)/i.test(url)) {
      const a = el('a', null, [decode(label || target)]);
      a.href = url;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      return a;
    }
    return document.createTextNode(decode(label || target));
  }

  function inline(text, dir) {
    const out = [];
    let last = 0;
    for (const m of text.matchAll(INLINE)) {
      if (m.index > last) out.push(document.createTextNode(decode(text.slice(last, m.index))));
      const t = m[0];
      if (m[1]) out.push(el('code', null, [decode(t.slice(1, -1))]));
      else if (m[2]) out.push(control(t.slice(1, -1), dir));
      else if (m[3]) out.push(el('b', null, inline(t.slice(1, -1), dir)));
      else if (m[4]) out.push(el('i', null, inline(t.slice(1, -1), dir)));
      else if (m[5]) out.push(el('s', null, inline(t.slice(1, -1), dir)));
      else out.push(document.createTextNode(EMOJI[t.slice(1, -1)] || t));
      last = m.index + t.length;
    }
    if (last < text.length) out.push(document.createTextNode(decode(text.slice(last))));
    return out;
  }

  /** Renders mrkdwn (with ```pre```, > quotes, line breaks) into a new element. */
  function render(text, dir) {
    const root = el('div', 'mrkdwn');
    const parts = String(text || '').split('```');
    parts.forEach((part, i) => {
      if (i % 2 === 1) {
        root.append(el('pre', null, [decode(part.replace(/^\n/, ''))]));
        return;
      }
      let quote = null;
      part.split('\n').forEach((line, n, lines) => {
        if (/^(>|&gt;)( |$)/.test(line)) {
          quote = quote || root.appendChild(el('blockquote'));
          if (quote.childNodes.length) quote.append(el('br'));
          quote.append(...inline(line.replace(/^(>|&gt;) ?/, ''), dir));
          return;
        }
        quote = null;
        root.append(...inline(line, dir));
        if (n < lines.length - 1) root.append(el('br'));
      });
    });
    return root;
  }

  /** A plain_text object's text (emoji shortcodes shown, nothing else interpreted). */
  function plain(text) {
    return String(text || '').replace(/:([a-z0-9_+-]+):/g, (t, name) => EMOJI[name] || t);
  }

  return { render, plain, el, decode };
})();
