'use strict';
// Block Kit to DOM: sections (text, fields, accessory), header, context, divider, actions with buttons, rich_text, image.
const Blocks = (() => {
  const { el } = Mrkdwn;

  function text(obj, dir) {
    if (!obj) return el('span');
    if (obj.type === 'plain_text') return el('span', 'plain', [Mrkdwn.plain(obj.text)]);
    return Mrkdwn.render(obj.text, dir);
  }

  function button(b, onButton) {
    const node = el('button', 'bk-button' + (b.style ? ' ' + b.style : ''), [Mrkdwn.plain(b.text && b.text.text)]);
    node.type = 'button';
    node.dataset.actionId = b.action_id || '';
    node.addEventListener('click', () => onButton(b));
    return node;
  }

  function element(e, dir, onButton) {
    switch (e && e.type) {
      case 'button': return button(e, onButton);
      case 'image': return el('span', 'bk-image', ['[image: ' + (e.alt_text || '') + ']']);
      case 'mrkdwn': case 'plain_text': return text(e, dir);
      default: return el('span', 'bk-unknown', ['[' + String(e && e.type) + ']']);
    }
  }

  function richText(block, dir) {
    const out = el('div', 'mrkdwn');
    for (const section of block.elements || []) {
      for (const e of section.elements || []) {
        if (e.type === 'user') out.append(el('span', 'mention', ['@' + (dir.users[e.user_id] || e.user_id)]));
        else if (e.type === 'link' && /^https?:\/\//i.test(e.url || '')) {
          const a = el('a', null, [e.text || e.url]);
          a.href = e.url; a.target = '_blank'; a.rel = 'noopener noreferrer';
          out.append(a);
        } else out.append(document.createTextNode(e.text || ''));
      }
    }
    return out;
  }

  function block(b, dir, onButton) {
    switch (b.type) {
      case 'section': {
        const node = el('div', 'bk-section');
        const body = el('div', 'bk-section-body');
        if (b.text) body.append(text(b.text, dir));
        if (b.fields) body.append(el('div', 'bk-fields', b.fields.map((f) => text(f, dir))));
        node.append(body);
        if (b.accessory) node.append(el('div', 'bk-accessory', [element(b.accessory, dir, onButton)]));
        return node;
      }
      case 'header': return el('div', 'bk-header', [Mrkdwn.plain(b.text && b.text.text)]);
      case 'context': return el('div', 'bk-context', (b.elements || []).map((e) => element(e, dir, onButton)));
      case 'divider': return el('hr', 'bk-divider');
      case 'actions': return el('div', 'bk-actions', (b.elements || []).map((e) => element(e, dir, onButton)));
      case 'rich_text': return richText(b, dir);
      case 'image': return el('div', 'bk-image', ['[image: ' + (b.alt_text || '') + ']']);
      default: return el('div', 'bk-unknown', ['[' + String(b.type) + ' block]']);
    }
  }

  /** The message body: its blocks when it has any, else its text. */
  function render(message, dir, onButton) {
    if (Array.isArray(message.blocks) && message.blocks.length > 0) {
      return el('div', 'blocks', message.blocks.map((b) => block(b, dir, onButton)));
    }
    return Mrkdwn.render(message.text, dir);
  }

  return { render };
})();
