// Small behaviours shared by every page. No inline handlers, so the Content-Security-Policy can forbid them.

// Destructive buttons ask once before they act.
document.addEventListener('click', (event) => {
  const button = event.target.closest('button.danger');
  if (button && !window.confirm(button.dataset.confirm || 'Are you sure?')) {
    event.preventDefault();
    event.stopPropagation();
  }
}, true);

// A select marked autosubmit shows its choice at once.
document.addEventListener('change', (event) => {
  if (event.target.matches('select.autosubmit')) {
    event.target.form.submit();
  }
});

// Long uploads say that they are working.
document.addEventListener('submit', (event) => {
  const progress = event.target.querySelector('.progress');
  if (progress) {
    progress.hidden = false;
    event.target.querySelectorAll('button[type=submit]').forEach((b) => { b.disabled = true; });
  }
});

// Table downloads carry the "with case counts" choice.
document.addEventListener('click', (event) => {
  const link = event.target.closest('a.download');
  const counts = document.getElementById('with-counts');
  if (link && counts && counts.checked) {
    event.preventDefault();
    window.location.href = link.href + '?counts=true';
  }
});

/*
 * The study page's coding grid: a cell's tooltip names its case and its domain or step, taken from the table's
 * headers when the pointer first reaches the cell. Written into each of thousands of cells, it made the page heavy.
 */
document.addEventListener('mouseover', (event) => {
  const cell = event.target.closest && event.target.closest('#progress-grid tbody td:not(.state)');
  if (!cell || cell.title) {
    return;
  }
  const grid = cell.closest('table');
  const row = cell.parentElement.cells[0].textContent.trim();
  const column = grid.tHead.rows[0].cells[cell.cellIndex].textContent.trim();
  const pattern = cell.classList.contains('step') ? grid.dataset.stepTitle : grid.dataset.squareTitle;
  cell.title = pattern.replace('{0}', () => row).replace('{1}', () => column).replace('{2}', () => cell.textContent.trim());
});

/*
 * The cross-analysis workspace, keyboard first:
 *   Up/Down (or k/j) move between core ideas, Space selects, 1-9 puts the selection into that category,
 *   u jumps to the next core idea not yet in a category, Escape clears the selection.
 * Core ideas can also be dragged onto a category. Every action submits the page's ordinary forms.
 *
 * A large domain lists thousands of core ideas, so each one carries only its text, its checkbox and its category
 * tags, and what they need beyond that (focus, dragging, the tag menu's links, the categories' edit tools) is added
 * here, once for the page. Past a few hundred core ideas the page lists its cases closed, and a case's core ideas
 * load when its group opens; moving on from a case's last core idea opens the next one.
 */
(() => {
  const workspace = () => document.getElementById('workspace');
  const groups = () => Array.from(document.querySelectorAll('#workspace details.case'));
  const ideasIn = (group) => Array.from(group.querySelectorAll('ul.ideas > li'));
  const ideaOf = (element) => (element && element.closest ? element.closest('#workspace ul.ideas > li') : null);
  const groupOf = (li) => li.closest('details.case');
  const box = (li) => li.querySelector('input[type=checkbox]');
  const checked = () => Array.from(document.querySelectorAll('#workspace ul.ideas input[type=checkbox]:checked'));
  const idOf = (li) => li.dataset.id || box(li).value;
  const textOf = (li) => (li.querySelector('label') || li.firstChild).textContent.trim();
  let focusAfterSwap = null;
  let focusSame = false;

  // Editors' core ideas take the keyboard focus and can be dragged; every category tag opens the menu.
  function prepare(root) {
    const editing = document.getElementById('place-form') !== null;
    root.querySelectorAll('ul.ideas > li').forEach((li) => {
      if (editing) {
        li.tabIndex = 0;
        li.draggable = true;
      }
    });
    root.querySelectorAll('ul.ideas button.g').forEach((tag) => {
      tag.setAttribute('aria-haspopup', 'menu');
      tag.setAttribute('aria-expanded', 'false');
    });
    fillPlacementIdeas();
  }
  function prepareWorkspace() {
    const ws = workspace();
    if (ws) {
      prepare(ws);
    }
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', prepareWorkspace);
  } else {
    prepareWorkspace();
  }

  // A case's core ideas, fetched the first time its group opens when the page left them out.
  function load(group) {
    if (group.querySelector('ul.ideas')) {
      return Promise.resolve(group);
    }
    if (!group.loading) {
      const ws = workspace();
      const url = `${ws.dataset.base}/cases/${group.dataset.case}?subsample=${ws.dataset.subsample}&unplaced=${ws.dataset.unplaced}`;
      group.setAttribute('aria-busy', 'true');
      group.loading = fetch(url).then((response) => {
        if (!response.ok || response.redirected) {
          // Signed out, or the domain is gone: the whole page says why.
          window.location.reload();
          throw new Error(`core ideas not loaded: ${response.status}`);
        }
        return response.text();
      }).then((html) => {
        if (!group.querySelector('ul.ideas')) {
          group.insertAdjacentHTML('beforeend', html);
          prepare(group);
        }
        return group;
      }).finally(() => {
        group.removeAttribute('aria-busy');
        group.loading = null;
      });
    }
    return group.loading;
  }
  function openGroup(group) {
    group.open = true;
    return load(group);
  }
  document.addEventListener('toggle', (event) => {
    const group = event.target;
    if (group.matches && group.matches('#workspace details.case') && group.open) {
      load(group);
    }
  }, true);

  // An in-place update brings back open the cases open now, with their core ideas.
  document.addEventListener('htmx:configRequest', (event) => {
    const ws = workspace();
    if (ws && ws.dataset.lazy === 'true' && ws.contains(event.detail.elt)) {
      const open = groups().filter((g) => g.open).map((g) => g.dataset.case);
      if (open.length > 0) {
        event.detail.headers['X-Open-Cases'] = open.join(',');
      }
    }
  });

  function placeInto(categoryLi) {
    const button = categoryLi && categoryLi.querySelector('button.category-name');
    if (button && checked().length > 0) {
      button.click();
    }
  }

  function focusIn(group, last) {
    openGroup(group).then(() => {
      const items = ideasIn(group);
      const target = last ? items[items.length - 1] : items[0];
      if (target) {
        target.focus();
      }
    });
  }

  function move(li, step) {
    const here = ideasIn(groupOf(li));
    const next = here[here.indexOf(li) + step];
    if (next) {
      next.focus();
      return;
    }
    const all = groups();
    const to = all[all.indexOf(groupOf(li)) + step];
    if (to) {
      focusIn(to, step < 0);
    }
  }

  function nextUnplaced(li) {
    const here = ideasIn(groupOf(li));
    const later = here.slice(here.indexOf(li) + 1).find((i) => i.classList.contains('u'));
    if (later) {
      later.focus();
      return;
    }
    const all = groups();
    const start = all.indexOf(groupOf(li));
    for (let step = 1; step <= all.length; step++) {
      const group = all[(start + step) % all.length];
      if (Number(group.dataset.u) > 0) {
        openGroup(group).then(() => {
          const first = group.querySelector('ul.ideas > li.u');
          if (first) {
            first.focus();
          }
        });
        return;
      }
    }
  }

  // The one menu of category tags: it moves to the tag it serves, so it shows beside it and is next in reading order.
  const menu = () => document.getElementById('tag-menu');
  let menuTag = null;

  function openMenu(tag) {
    const m = menu();
    if (!m) {
      return;
    }
    closeMenu(false);
    menuTag = tag;
    tag.after(m);
    const name = m.querySelector('.menu-name');
    if (name) {
      name.textContent = tag.textContent;
    }
    m.hidden = false;
    tag.setAttribute('aria-expanded', 'true');
    m.querySelector('[role=menuitem]').focus();
  }

  function closeMenu(refocus) {
    const m = menu();
    if (m) {
      m.hidden = true;
    }
    if (menuTag) {
      menuTag.setAttribute('aria-expanded', 'false');
      if (refocus) {
        menuTag.focus();
      }
    }
    menuTag = null;
  }

  function act(item) {
    const tag = menuTag;
    const li = ideaOf(tag);
    const categoryId = tag.value;
    closeMenu(false);
    if (item.dataset.act === 'remove') {
      const form = document.getElementById('remove-form');
      const submit = form.querySelector('button[type=submit]');
      form.querySelector('input[name=idea]').value = idOf(li);
      // htmx, like the browser, posts a form to the formaction of the button that submitted it.
      submit.setAttribute('formaction', `${workspace().dataset.base}/categories/${categoryId}/remove`);
      focusAfterSwap = idOf(li);
      focusSame = true;
      submit.click();
    } else if (item.dataset.act === 'comment') {
      document.getElementById('placement-category').value = categoryId;
      fillPlacementIdeas();
      document.getElementById('placement-idea').value = idOf(li);
      const body = document.getElementById('placement-body');
      body.scrollIntoView({block: 'nearest'});
      body.focus();
    } else if (item.dataset.act === 'show') {
      const category = document.getElementById(`category-${categoryId}`);
      const name = category && category.querySelector('.category-name');
      if (name) {
        if (name.tagName !== 'BUTTON') {
          name.tabIndex = -1;
        }
        name.scrollIntoView({block: 'nearest'});
        name.focus();
      }
    }
  }

  function menuKey(event) {
    const items = Array.from(menu().querySelectorAll('[role=menuitem]'));
    const at = items.indexOf(document.activeElement);
    if (event.key === 'ArrowDown' || event.key === 'j') {
      items[(at + 1) % items.length].focus();
    } else if (event.key === 'ArrowUp' || event.key === 'k') {
      items[(at - 1 + items.length) % items.length].focus();
    } else if (event.key === 'Escape') {
      closeMenu(true);
    } else if (event.key === 'Tab') {
      closeMenu(false);
      return;
    } else {
      return;
    }
    event.preventDefault();
  }

  // One set of edit tools serves every category: opening a category's "Edit" moves them there and fills them in.
  function showTools(details) {
    const tools = document.getElementById('category-tools');
    const li = details.closest('li.category');
    if (!tools || !li) {
      return;
    }
    document.querySelectorAll('#workspace details.category-tools[open]').forEach((d) => { d.open = false; });
    const ws = workspace();
    const id = li.dataset.id;
    const name = li.querySelector('.category-name').textContent;
    const description = li.querySelector(':scope > p.description');
    const named = (template) => template.replace('{0}', name);
    tools.querySelectorAll('form[data-path]').forEach((form) => {
      form.setAttribute('action', `${ws.dataset.base}/categories/${id}${form.dataset.path}`);
    });
    const history = tools.querySelector('a.history-link');
    history.href = ws.dataset.history + id;
    history.setAttribute('aria-label', named(tools.dataset.historyOf));
    tools.querySelector('input[name=version]').value = li.dataset.version;
    tools.querySelector('#category-name').value = name;
    tools.querySelector('#category-description').value = description ? description.textContent : '';
    tools.querySelector('#category-split').value = '';
    tools.querySelector('button.move-up').setAttribute('aria-label', named(tools.dataset.moveUp));
    tools.querySelector('button.move-down').setAttribute('aria-label', named(tools.dataset.moveDown));
    tools.querySelector('button.danger').dataset.confirm = named(tools.dataset.confirm);
    details.appendChild(tools);
    tools.hidden = false;
    if (window.htmx) {
      // htmx reads a boosted form's action when it first sees the form; the actions just changed.
      tools.querySelectorAll('form').forEach((form) => window.htmx.process(form));
    }
  }

  document.addEventListener('click', (event) => {
    const summary = event.target.closest('#workspace li.category > details.category-tools > summary');
    if (summary && !summary.parentElement.open) {
      showTools(summary.parentElement);
    }
    const item = event.target.closest('#tag-menu [role=menuitem]');
    if (item && menuTag) {
      act(item);
      return;
    }
    const tag = event.target.closest('#workspace ul.ideas button.g');
    if (tag) {
      if (tag === menuTag) {
        closeMenu(true);
      } else {
        openMenu(tag);
      }
    } else if (!event.target.closest('#tag-menu')) {
      closeMenu(false);
    }
  });

  document.addEventListener('keydown', (event) => {
    if (event.target.closest && event.target.closest('#tag-menu')) {
      menuKey(event);
      return;
    }
    const li = ideaOf(event.target);
    if (!li || !li.draggable || event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    if (event.key === 'ArrowDown' || event.key === 'j') {
      move(li, 1);
    } else if (event.key === 'ArrowUp' || event.key === 'k') {
      move(li, -1);
    } else if (event.key === ' ' || event.key === 'x') {
      // On the checkbox or a tag, Space does what it does there.
      if (event.target.matches('input, button')) {
        return;
      }
      box(li).checked = !box(li).checked;
    } else if (/^[1-9]$/.test(event.key)) {
      if (checked().length === 0) {
        box(li).checked = true;
      }
      focusAfterSwap = idOf(li);
      focusSame = false;
      placeInto(document.querySelector(`#workspace li.category[data-key="${event.key}"]`));
    } else if (event.key === 'u') {
      nextUnplaced(li);
    } else if (event.key === 'Escape') {
      checked().forEach((b) => { b.checked = false; });
    } else {
      return;
    }
    event.preventDefault();
  });

  document.addEventListener('dragstart', (event) => {
    const li = ideaOf(event.target);
    if (li && box(li)) {
      box(li).checked = true;
      event.dataTransfer.setData('text/plain', idOf(li));
      event.dataTransfer.effectAllowed = 'copy';
    }
  });
  document.addEventListener('dragover', (event) => {
    const target = event.target.closest && event.target.closest('#workspace li.category');
    if (target) {
      event.preventDefault();
      target.classList.add('drop');
    }
  });
  document.addEventListener('dragleave', (event) => {
    const target = event.target.closest && event.target.closest('#workspace li.category');
    if (target) {
      target.classList.remove('drop');
    }
  });
  document.addEventListener('drop', (event) => {
    const target = event.target.closest && event.target.closest('#workspace li.category');
    if (target) {
      event.preventDefault();
      target.classList.remove('drop');
      placeInto(target);
    }
  });

  // Creating or splitting a category takes the selected core ideas along.
  document.addEventListener('submit', (event) => {
    const form = event.target;
    if (form.matches('#new-category, .split-form')) {
      form.querySelectorAll('input.carried').forEach((i) => i.remove());
      checked().forEach((b) => {
        const hidden = document.createElement('input');
        hidden.type = 'hidden';
        hidden.name = 'idea';
        hidden.value = b.value;
        hidden.className = 'carried';
        form.appendChild(hidden);
      });
    }
  }, true);

  // An auditor comments on a placement: the core ideas offered are those listed in the chosen category, by case.
  function fillPlacementIdeas() {
    const category = document.getElementById('placement-category');
    const select = document.getElementById('placement-idea');
    if (!category || !select) {
      return;
    }
    const chosen = select.value;
    select.replaceChildren();
    document.querySelectorAll(`#workspace ul.ideas button.g[value="${category.value}"]`).forEach((tag) => {
      const li = ideaOf(tag);
      const caseCode = groupOf(li).querySelector('.case-code').textContent;
      let group = select.lastElementChild;
      if (!group || group.label !== caseCode) {
        group = document.createElement('optgroup');
        group.label = caseCode;
        select.appendChild(group);
      }
      const text = textOf(li);
      group.appendChild(new Option(text.length > 90 ? `${text.slice(0, 89)}…` : text, idOf(li)));
    });
    select.value = chosen;
  }
  document.addEventListener('change', (event) => {
    if (event.target.id === 'placement-category') {
      fillPlacementIdeas();
    }
  });

  // After an in-place update, keyboard focus returns to where the person was working.
  document.addEventListener('htmx:afterSettle', () => {
    menuTag = null;
    prepareWorkspace();
    if (focusAfterSwap) {
      const all = groups().filter((g) => g.open).flatMap(ideasIn);
      const li = all.find((i) => idOf(i) === focusAfterSwap);
      const next = li ? (focusSame ? li : all[all.indexOf(li) + 1] || li) : all[0];
      if (next) {
        next.focus();
      }
      focusAfterSwap = null;
    }
  });
})();

/*
 * The core ideas page: [ and ] move between domains, { and } between cases; choosing a core idea shows the
 * raw data it abstracts; "Link" buttons take the ticked raw data along.
 */
(() => {
  const nav = document.getElementById('case-nav');
  if (!nav) {
    return;
  }
  document.addEventListener('keydown', (event) => {
    if (event.target.matches('input, textarea, select') || event.ctrlKey || event.altKey || event.metaKey) {
      return;
    }
    const target = {'[': nav.dataset.prevDomain, ']': nav.dataset.nextDomain, '{': nav.dataset.prevCase, '}': nav.dataset.nextCase}[event.key];
    if (target) {
      event.preventDefault();
      window.location.href = target;
    }
  });
  const show = (idea) => {
    document.querySelectorAll('.raw.shown').forEach((r) => r.classList.remove('shown'));
    const ids = (idea.dataset.codings || '').split(' ').filter(Boolean);
    ids.forEach((id) => {
      const raw = document.getElementById('raw-' + id);
      if (raw) {
        raw.classList.add('shown');
      }
    });
    const first = ids.length ? document.getElementById('raw-' + ids[0]) : null;
    if (first) {
      first.scrollIntoView({block: 'nearest'});
    }
  };
  document.querySelectorAll('.core-idea').forEach((idea) => {
    idea.addEventListener('focusin', () => show(idea));
    idea.addEventListener('click', () => show(idea));
  });
  document.addEventListener('click', (event) => {
    const button = event.target.closest('button.carries-coding');
    if (!button) {
      return;
    }
    const form = button.form;
    form.querySelectorAll('input.carried').forEach((i) => i.remove());
    document.querySelectorAll('input[name=coding][form=new-idea]:checked').forEach((box) => {
      const hidden = document.createElement('input');
      hidden.type = 'hidden';
      hidden.name = 'coding';
      hidden.value = box.value;
      hidden.className = 'carried';
      form.appendChild(hidden);
    });
  });
})();

/*
 * The domain list: moving a domain up or down reloads the page. Keyboard focus comes back to the same button of
 * the moved domain, so pressing Enter again keeps moving it, and to the other button once it reaches the end.
 */
(() => {
  const KEY = 'cqr.domain-move';
  document.addEventListener('submit', (event) => {
    const form = event.target;
    if (form.matches('form.move-form') && event.submitter) {
      sessionStorage.setItem(KEY, JSON.stringify({action: form.getAttribute('action'), direction: event.submitter.value}));
    }
  });
  // On load, not earlier: going to the row's #fragment would otherwise take the focus back to the row.
  window.addEventListener('load', () => {
    const saved = sessionStorage.getItem(KEY);
    if (!saved) {
      return;
    }
    sessionStorage.removeItem(KEY);
    const {action, direction} = JSON.parse(saved);
    const form = Array.from(document.querySelectorAll('form.move-form')).find((f) => f.getAttribute('action') === action);
    if (form) {
      const same = form.querySelector(`button[value="${direction}"]`);
      const other = form.querySelector(`button:not([value="${direction}"])`);
      (same && !same.disabled ? same : other).focus();
    }
  });
})();
