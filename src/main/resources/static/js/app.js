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
 */
(() => {
  const ideas = () => Array.from(document.querySelectorAll('#workspace li.idea'));
  const box = (li) => li.querySelector('input[type=checkbox]');
  const checked = () => Array.from(document.querySelectorAll('#workspace li.idea input[type=checkbox]:checked'));
  let focusAfterSwap = null;

  function placeInto(categoryLi) {
    const button = categoryLi && categoryLi.querySelector('button.category-name');
    if (button && checked().length > 0) {
      button.click();
    }
  }

  function move(li, step) {
    const all = ideas();
    const next = all[all.indexOf(li) + step];
    if (next) {
      next.focus();
    }
  }

  document.addEventListener('keydown', (event) => {
    const li = event.target.closest && event.target.closest('#workspace li.idea');
    if (!li || event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    if (event.key === 'ArrowDown' || event.key === 'j') {
      move(li, 1);
    } else if (event.key === 'ArrowUp' || event.key === 'k') {
      move(li, -1);
    } else if (event.key === ' ' || event.key === 'x') {
      if (event.target.matches('input')) {
        return;
      }
      box(li).checked = !box(li).checked;
    } else if (/^[1-9]$/.test(event.key)) {
      if (checked().length === 0) {
        box(li).checked = true;
      }
      focusAfterSwap = li.dataset.id;
      placeInto(document.querySelector(`#workspace li.category[data-key="${event.key}"]`));
    } else if (event.key === 'u') {
      const all = ideas();
      const start = all.indexOf(li);
      const next = all.slice(start + 1).concat(all.slice(0, start)).find((i) => i.classList.contains('unplaced'));
      if (next) {
        next.focus();
      }
    } else if (event.key === 'Escape') {
      checked().forEach((b) => { b.checked = false; });
    } else {
      return;
    }
    event.preventDefault();
  });

  document.addEventListener('dragstart', (event) => {
    const li = event.target.closest && event.target.closest('#workspace li.idea');
    if (li) {
      box(li).checked = true;
      event.dataTransfer.setData('text/plain', li.dataset.id);
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

  // After an in-place update, keyboard focus returns to where the person was working.
  document.addEventListener('htmx:afterSettle', () => {
    if (focusAfterSwap) {
      const li = document.querySelector(`#workspace li.idea[data-id="${focusAfterSwap}"]`);
      const all = ideas();
      const next = li ? all[all.indexOf(li) + 1] || li : all[0];
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
