// redline review: the page works without this script (forms post and the
// server redirects back); with it, decisions are sent in the background and
// the page is refreshed in place, the filters apply as they change, the
// keys j/k/a/r work and the side-by-side panes scroll together.
(function () {
  'use strict';
  var R = window.redlineReview = { lastDecisionMs: null, decisions: 0, busy: false };
  var current = 0; // index of the selected change among the visible ones

  function visible() {
    return Array.prototype.filter.call(document.querySelectorAll('li.change'), function (li) { return !li.hidden; });
  }
  function marksOf(n) {
    return document.querySelectorAll('sup.critic-number[title="change ' + n + '"]');
  }

  function select(i, scroll) {
    var list = visible();
    document.querySelectorAll('.current, .current-mark').forEach(function (el) { el.classList.remove('current', 'current-mark'); });
    if (list.length === 0) { current = 0; return; }
    current = Math.max(0, Math.min(i, list.length - 1));
    var li = list[current];
    li.classList.add('current');
    marksOf(li.dataset.n).forEach(function (sup) {
      sup.classList.add('current');
      if (sup.nextElementSibling) sup.nextElementSibling.classList.add('current-mark');
      if (scroll) sup.scrollIntoView({ block: 'center' });
    });
    if (scroll) li.scrollIntoView({ block: 'nearest' });
  }

  function notice(text, bad) {
    var p = document.getElementById('notice');
    if (!p) return;
    p.textContent = text || '';
    p.hidden = !text;
    p.classList.toggle('bad', !!bad);
  }

  // The page's address for the current view, without a redirect's message.
  function pageURL() {
    var u = new URL(location.href);
    u.searchParams.delete('msg');
    u.searchParams.delete('n');
    return u.toString();
  }

  function refresh() {
    var main = document.querySelector('main'), panel = document.querySelector('.panel');
    var top = main ? main.scrollTop : 0, ptop = panel ? panel.scrollTop : 0;
    return fetch(pageURL(), { cache: 'no-store' }).then(function (res) { return res.text(); }).then(function (html) {
      var doc = new DOMParser().parseFromString(html, 'text/html');
      document.body.replaceWith(doc.body);
      document.body.classList.add('js');
      applyFilters();
      var m = document.querySelector('main'), p = document.querySelector('.panel');
      if (m) m.scrollTop = top;
      if (p) p.scrollTop = ptop;
      bindPanes();
      select(current, false);
    });
  }

  function send(action, body) {
    if (R.busy) return Promise.resolve();
    R.busy = true;
    var t0 = performance.now(), data;
    return fetch(action, { method: 'POST', body: body, headers: { 'Accept': 'application/json' }, cache: 'no-store' })
      .then(function (res) { return res.json(); })
      .then(function (d) { data = d; return refresh(); })
      .then(function () {
        notice(data.message, !data.ok);
        R.lastDecisionMs = performance.now() - t0;
        R.decisions++;
        document.body.dataset.decisions = String(R.decisions);
      })
      .catch(function (err) { notice('the review server cannot be reached (' + err + '): it may have stopped', true); })
      .then(function () { R.busy = false; });
  }

  document.addEventListener('submit', function (e) {
    var form = e.target;
    if (form.hasAttribute('data-plain')) return;
    e.preventDefault();
    if (form.method.toLowerCase() === 'get') { applyFilters(); return; }
    var btn = e.submitter;
    var action = (btn && btn.getAttribute('formaction')) || form.getAttribute('action');
    var fd = new FormData(form);
    if (btn && btn.name) fd.append(btn.name, btn.value);
    send(action, new URLSearchParams(fd));
  });

  function applyFilters() {
    var f = document.querySelector('form.filters');
    if (!f) return;
    var want = { author: f.author.value, office: f.office.value, kind: f.kind.value };
    document.querySelectorAll('li.change').forEach(function (li) {
      li.hidden = !((!want.author || li.dataset.author === want.author) &&
        (!want.office || li.dataset.office === want.office) &&
        (!want.kind || li.dataset.kind === want.kind));
    });
    var u = new URL(location.href);
    ['author', 'office', 'kind'].forEach(function (k) { if (want[k]) u.searchParams.set(k, want[k]); else u.searchParams.delete(k); });
    history.replaceState(null, '', u.toString());
  }
  document.addEventListener('change', function (e) {
    if (e.target.closest && e.target.closest('form.filters')) { applyFilters(); select(0, true); }
  });

  document.addEventListener('click', function (e) {
    var sup = e.target.closest && e.target.closest('sup.critic-number');
    var li = e.target.closest && e.target.closest('li.change');
    var list = visible();
    if (sup) {
      var n = sup.title.replace('change ', '');
      var i = list.findIndex(function (x) { return x.dataset.n === n; });
      if (i >= 0) select(i, true);
    } else if (li && !e.target.closest('button, textarea, input, summary, label')) {
      select(list.indexOf(li), true);
    }
  });

  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName)) return;
    var li = visible()[current];
    switch (e.key) {
      case 'j': select(current + 1, true); break;
      case 'k': select(current - 1, true); break;
      case 'a': if (li) li.querySelector('button.accept').click(); break;
      case 'r': if (li) li.querySelector('button.reject').click(); break;
      default: return;
    }
    e.preventDefault();
  });

  // Side by side: scrolling one pane brings the other to the same change.
  function bindPanes() {
    var panes = document.querySelectorAll('.sbs .pane');
    if (panes.length !== 2) return;
    var quiet = null;
    panes.forEach(function (pane, i) {
      var other = panes[1 - i];
      pane.addEventListener('scroll', function () {
        if (quiet === pane) { quiet = null; return; }
        var top = pane.getBoundingClientRect().top, sup = null;
        var sups = pane.querySelectorAll('sup.critic-number');
        for (var k = 0; k < sups.length; k++) {
          if (sups[k].getBoundingClientRect().top >= top) { sup = sups[k]; break; }
        }
        if (!sup) return;
        var twin = other.querySelector('sup.critic-number[title="' + sup.title + '"]');
        if (!twin) return;
        var want = sup.getBoundingClientRect().top - top;
        quiet = other;
        other.scrollTop += twin.getBoundingClientRect().top - other.getBoundingClientRect().top - want;
      }, { passive: true });
    });
  }

  function start() {
    document.body.classList.add('js');
    applyFilters();
    bindPanes();
    select(0, false);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
