// The coding page: draws codings over the transcript and codes what the person selects, without reloading.
// Offsets are UTF-16 positions in the stored transcript, as the server keeps them.
(() => {
  const root = document.getElementById('coding');
  if (!root) {
    return;
  }
  const editable = root.dataset.editable === 'true';
  const url = root.dataset.url;
  // In an independently coded case the team may code straight into the consensus version.
  const consensusMode = root.dataset.consensus === 'true';
  const status = document.getElementById('coding-status');
  const texts = Array.from(root.querySelectorAll('.ctext'));
  const turns = Array.from(root.querySelectorAll('.cturn'));
  const original = new Map(texts.map((p) => [p, p.textContent]));
  const domainIndex = new Map();
  const domainName = new Map();
  root.querySelectorAll('.domain-keys li').forEach((li) => {
    domainIndex.set(Number(li.dataset.domain), Number(li.dataset.index));
    domainName.set(Number(li.dataset.domain), li.querySelector('.dname').textContent);
  });
  const csrfHeader = document.querySelector('meta[name=_csrf_header]');
  const csrfToken = document.querySelector('meta[name=_csrf]');
  let codings = [];
  let active = null;
  let filter = null;
  const undo = [];

  const say = (text) => { status.textContent = text; };
  const startOf = (p) => Number(p.dataset.start);
  const endOf = (p) => startOf(p) + original.get(p).length;

  async function send(path, body) {
    const headers = {'Content-Type': 'application/json', 'Accept': 'application/json'};
    if (csrfHeader && csrfToken) {
      headers[csrfHeader.content] = csrfToken.content;
    }
    const response = await fetch(url + path, {method: 'POST', headers, body: JSON.stringify(body)});
    if (!response.ok) {
      let detail = 'The change could not be saved.';
      try { detail = (await response.json()).detail || detail; } catch (e) { /* keep the plain message */ }
      say(detail);
      if (response.status === 409) {
        await load();
      }
      throw new Error(detail);
    }
    return response.status === 204 ? null : response.json();
  }

  async function load() {
    const response = await fetch(url + (consensusMode ? '?consensus=true' : ''), {headers: {'Accept': 'application/json'}});
    const data = await response.json();
    codings = data.editable;
    active = codings.find((c) => active && c.id === active.id) || null;
    renderAll();
  }

  // Draws one paragraph: the text cut at every coding edge, each piece coloured by the codings covering it.
  function render(p) {
    const s = startOf(p);
    const e = endOf(p);
    const text = original.get(p);
    const here = codings.filter((c) => c.start < e && c.end > s);
    const cuts = new Set([s, e]);
    here.forEach((c) => { cuts.add(Math.max(s, c.start)); cuts.add(Math.min(e, c.end)); });
    const points = Array.from(cuts).sort((a, b) => a - b);
    const pieces = [];
    for (let i = 0; i < points.length - 1; i++) {
      const a = points[i];
      const b = points[i + 1];
      const covering = here.filter((c) => c.start <= a && c.end >= b);
      const piece = text.slice(a - s, b - s);
      if (covering.length === 0) {
        pieces.push(document.createTextNode(piece));
        continue;
      }
      const span = document.createElement('span');
      const shown = filter ? covering.filter((c) => c.domainId === filter) : covering;
      const domains = new Set(covering.map((c) => c.domainId));
      span.className = 'seg';
      if (shown.length > 0) {
        span.classList.add('dom-' + (domainIndex.get(shown[0].domainId) % 10));
      }
      if (domains.size > 1) {
        span.classList.add('double');
      }
      if (active && covering.some((c) => c.id === active.id)) {
        span.classList.add('active');
      }
      span.dataset.ids = covering.map((c) => c.id).join(' ');
      span.title = Array.from(domains).map((d) => domainName.get(d)).join(' + ');
      span.textContent = piece;
      pieces.push(span);
    }
    p.replaceChildren(...pieces);
    const turn = p.closest('.cturn');
    turn.classList.toggle('dim', filter !== null && !here.some((c) => c.domainId === filter));
    const margin = turn.querySelector('.margin');
    margin.replaceChildren(...here.map((c) => {
      const mark = document.createElement('button');
      mark.type = 'button';
      mark.className = 'mark dom-' + (domainIndex.get(c.domainId) % 10) + (active && active.id === c.id ? ' active' : '');
      mark.dataset.id = c.id;
      mark.textContent = (c.start < s ? '↳ ' : '') + domainName.get(c.domainId);
      mark.tabIndex = -1;
      return mark;
    }));
  }

  function renderAll() {
    texts.forEach(render);
    showActive();
  }

  function renderAround(...spans) {
    texts.filter((p) => spans.some((c) => c && c.start < endOf(p) && c.end > startOf(p))).forEach(render);
    showActive();
  }

  function showActive() {
    const panel = document.getElementById('active-coding');
    // Auditors comment on the coding they select.
    const comment = document.getElementById('coding-comment');
    if (comment) {
      comment.hidden = !active;
      document.getElementById('coding-comment-id').value = active ? active.id : '';
    }
    if (!active) {
      panel.hidden = true;
      return;
    }
    panel.hidden = false;
    const excerpt = texts.filter((p) => active.start < endOf(p) && active.end > startOf(p))
      .map((p) => original.get(p).slice(Math.max(0, active.start - startOf(p)), active.end - startOf(p))).join(' ');
    document.getElementById('active-text').textContent =
      domainName.get(active.domainId) + ': “' + (excerpt.length > 160 ? excerpt.slice(0, 160) + '…' : excerpt) + '”';
    const history = document.getElementById('active-history');
    // The change log follows the consensus only; a judge's private draft has no history.
    history.hidden = active.layer !== 'CONSENSUS';
    history.href = history.dataset.base + active.id;
  }

  // Where a DOM point (node, offset) sits in the transcript, or null outside the text.
  function offsetAt(node, offset) {
    const element = node.nodeType === Node.TEXT_NODE ? node.parentNode : node;
    const p = element.closest && element.closest('.ctext');
    if (!p) {
      return null;
    }
    if (node === p) {
      let count = 0;
      for (let i = 0; i < offset; i++) {
        count += p.childNodes[i].textContent.length;
      }
      return startOf(p) + count;
    }
    let count = 0;
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      if (walker.currentNode === node) {
        return startOf(p) + count + offset;
      }
      count += walker.currentNode.length;
    }
    return startOf(p) + count;
  }

  // The selected span of transcript text, clipped to the text itself (speaker labels are not part of it).
  function selectedSpan() {
    const selection = window.getSelection();
    if (!selection.rangeCount || selection.isCollapsed) {
      return null;
    }
    const range = selection.getRangeAt(0);
    const inside = texts.filter((p) => range.intersectsNode(p));
    if (inside.length === 0) {
      return null;
    }
    const first = inside[0];
    const last = inside[inside.length - 1];
    let start = first.contains(range.startContainer) ? offsetAt(range.startContainer, range.startOffset) : startOf(first);
    let end = last.contains(range.endContainer) ? offsetAt(range.endContainer, range.endOffset) : endOf(last);
    // Trim white space at either end, so a sloppy selection still codes just the words.
    const charAt = (i) => {
      const p = texts.find((t) => i >= startOf(t) && i < endOf(t));
      return p ? original.get(p)[i - startOf(p)] : ' ';
    };
    while (start < end && /\s/.test(charAt(start))) { start++; }
    while (end > start && /\s/.test(charAt(end - 1))) { end--; }
    return end > start ? {start, end} : null;
  }

  function focusedTurn() {
    return document.activeElement && document.activeElement.closest ? document.activeElement.closest('.cturn') : null;
  }

  async function codeInto(domainId) {
    if (!editable) {
      return;
    }
    let span = selectedSpan();
    if (!span) {
      const turn = focusedTurn();
      const p = turn && turn.querySelector('.ctext');
      if (!p) {
        say('Select some text, or move to a speaker turn, first.');
        return;
      }
      span = {start: startOf(p), end: endOf(p)};
    }
    const created = await send('', {domainId, start: span.start, end: span.end, consensus: consensusMode});
    codings.push(created);
    undo.push({type: 'create', id: created.id});
    window.getSelection().removeAllRanges();
    const previous = active;
    active = created;
    renderAround(previous, created);
    say('Coded into ' + domainName.get(domainId) + '.');
    updateUndo();
  }

  async function removeActive() {
    if (!active || !editable) {
      return;
    }
    const gone = active;
    await send('/' + gone.id + '/delete', {version: gone.version});
    codings = codings.filter((c) => c.id !== gone.id);
    undo.push({type: 'delete', coding: gone});
    active = null;
    renderAround(gone);
    say('Removed the coding from ' + domainName.get(gone.domainId) + '.');
    updateUndo();
  }

  async function adjustActive() {
    const span = selectedSpan();
    if (!active || !span || !editable) {
      say('Select a coding, then select its new text, then press A.');
      return;
    }
    const before = active;
    const after = await send('/' + before.id, {version: before.version, start: span.start, end: span.end});
    codings = codings.map((c) => (c.id === after.id ? after : c));
    undo.push({type: 'adjust', before});
    active = after;
    window.getSelection().removeAllRanges();
    renderAround(before, after);
    say('The coding now spans the selected text.');
    updateUndo();
  }

  async function undoLast() {
    const last = undo.pop();
    updateUndo();
    if (!last) {
      return;
    }
    if (last.type === 'create') {
      const coding = codings.find((c) => c.id === last.id);
      if (coding) {
        await send('/' + coding.id + '/delete', {version: coding.version});
        codings = codings.filter((c) => c.id !== coding.id);
        active = null;
        renderAround(coding);
      }
    } else if (last.type === 'delete') {
      const restored = await send('', {domainId: last.coding.domainId, start: last.coding.start, end: last.coding.end,
        consensus: consensusMode});
      // Later undo steps that named the removed coding now name its restored twin.
      undo.forEach((step) => { if (step.type === 'create' && step.id === last.coding.id) { step.id = restored.id; } });
      codings.push(restored);
      const previous = active;
      active = restored;
      renderAround(previous, restored);
    } else if (last.type === 'adjust') {
      const current = codings.find((c) => c.id === last.before.id);
      if (current) {
        const back = await send('/' + current.id, {version: current.version, start: last.before.start, end: last.before.end});
        codings = codings.map((c) => (c.id === back.id ? back : c));
        active = back;
        renderAround(current, back);
      }
    }
    say('Undone.');
  }

  function updateUndo() {
    const button = document.getElementById('undo');
    if (button) {
      button.disabled = undo.length === 0;
    }
  }

  function activate(id) {
    const previous = active;
    active = codings.find((c) => c.id === id) || null;
    renderAround(previous, active);
  }

  root.addEventListener('click', (event) => {
    const into = event.target.closest('button.code-into');
    if (into) {
      codeInto(Number(into.dataset.domain)).catch(() => {});
      return;
    }
    const mark = event.target.closest('button.mark');
    if (mark) {
      activate(Number(mark.dataset.id));
      return;
    }
    const seg = event.target.closest('.seg');
    if (seg && window.getSelection().isCollapsed) {
      // Repeated clicks on a double-coded piece step through its codings.
      const ids = seg.dataset.ids.split(' ').map(Number);
      const next = active && ids.includes(active.id) ? ids[(ids.indexOf(active.id) + 1) % ids.length] : ids[0];
      activate(next);
    }
  });
  document.getElementById('domain-filter').addEventListener('change', (event) => {
    filter = event.target.value ? Number(event.target.value) : null;
    renderAll();
  });
  const bind = (id, action) => {
    const button = document.getElementById(id);
    if (button) {
      button.addEventListener('click', () => action().catch(() => {}));
    }
  };
  bind('remove-coding', removeActive);
  bind('adjust-coding', adjustActive);
  bind('undo', undoLast);

  root.addEventListener('keydown', (event) => {
    if (event.target.matches('input, select, textarea') || event.ctrlKey && event.key !== 'z' || event.altKey || event.metaKey) {
      return;
    }
    const turn = focusedTurn();
    const selection = window.getSelection();
    const key = event.key;
    if ((key === 'ArrowDown' || key === 'j' || key === 'ArrowUp' || key === 'k') && !event.shiftKey && turn) {
      const next = turns[turns.indexOf(turn) + (key === 'ArrowDown' || key === 'j' ? 1 : -1)];
      if (next) {
        next.focus();
        next.scrollIntoView({block: 'nearest'});
      }
    } else if (event.shiftKey && key.startsWith('Arrow') && turn) {
      const p = turn.querySelector('.ctext');
      if (selection.isCollapsed || !p.contains(selection.anchorNode)) {
        selection.collapse(p.firstChild || p, 0);
      }
      const forward = key === 'ArrowRight' || key === 'ArrowDown';
      selection.modify('extend', forward ? 'forward' : 'backward', key === 'ArrowUp' || key === 'ArrowDown' ? 'line' : 'word');
    } else if (/^[1-9]$/.test(key)) {
      const li = root.querySelectorAll('.domain-keys li')[Number(key) - 1];
      if (li) {
        codeInto(Number(li.dataset.domain)).catch(() => {});
      }
    } else if (key === 'Delete' || key === 'Backspace') {
      removeActive().catch(() => {});
    } else if (key === 'a') {
      adjustActive().catch(() => {});
    } else if (key === 'z') {
      undoLast().catch(() => {});
    } else if (key === 'Escape') {
      selection.removeAllRanges();
      active = null;
      renderAll();
    } else {
      return;
    }
    event.preventDefault();
  });

  load();
})();
