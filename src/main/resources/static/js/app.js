// Small behaviours shared by every page. Kept free of inline handlers so the Content-Security-Policy can forbid them.
document.addEventListener('DOMContentLoaded', () => {
  // Destructive buttons ask once before they act.
  document.querySelectorAll('button.danger').forEach((button) => {
    button.addEventListener('click', (event) => {
      const question = button.dataset.confirm || 'Are you sure?';
      if (!window.confirm(question)) {
        event.preventDefault();
      }
    });
  });
});
