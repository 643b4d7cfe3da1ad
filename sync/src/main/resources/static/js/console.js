// Deskbridge sync console: copy buttons and live refresh. No inline scripts anywhere: the pages' CSP
// allows scripts from this origin only.
document.addEventListener('DOMContentLoaded', () => {
  // Copy buttons: data-copy-of names the element whose text (or value) goes to the clipboard.
  document.querySelectorAll('[data-copy-of]').forEach((button) => {
    button.addEventListener('click', async () => {
      const source = document.getElementById(button.dataset.copyOf);
      const text = ('value' in source ? source.value : source.textContent).trim();
      try {
        await navigator.clipboard.writeText(text);
      } catch (e) {
        const range = document.createRange();
        range.selectNodeContents(source);
        const selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        document.execCommand('copy');
      }
      button.textContent = 'Copied';
    });
  });

  // Live refresh: while a page says data-live-refresh="N" (runs queued or running), fetch it again
  // every N seconds and swap in its data-live regions; stop when the fresh page no longer asks for
  // it. Never while the operator types in a form field of a live region.
  const page = document.querySelector('[data-live-refresh]');
  if (!page) {
    return;
  }
  const seconds = Number(page.dataset.liveRefresh) || 3;
  const status = document.getElementById('live-status');
  const later = () => window.setTimeout(refresh, seconds * 1000);
  const typing = () => {
    const active = document.activeElement;
    return active && active.matches('input, select, textarea') && active.closest('[data-live]');
  };
  async function refresh() {
    if (document.hidden || typing()) {
      later();
      return;
    }
    try {
      const response = await fetch(window.location.href, {
        credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'text/html' } });
      if (!response.ok || response.redirected) {
        later();
        return;
      }
      const fresh = new DOMParser().parseFromString(await response.text(), 'text/html');
      document.querySelectorAll('[data-live]').forEach((region) => {
        const replacement = fresh.getElementById(region.id);
        if (replacement) {
          region.replaceWith(document.importNode(replacement, true));
        }
      });
      if (fresh.querySelector('[data-live-refresh]')) {
        later();
      } else if (status) {
        status.textContent = 'Up to date: no run is active.';
      }
    } catch (e) {
      later();
    }
  }
  later();
});
