// redline review: the page works without this script (forms post and the
// server redirects back); with it, decisions are sent in the background and
// the page is brought up to date in place, the filters apply as they
// change, the keys j/k/a/r work and the side-by-side panes scroll together.
//
// After a decision on one change or on ticked ones, the page is patched
// rather than reloaded (a draft with 1,000 changes makes a page of about
// 1 MB, which takes a browser far longer to parse than a decision may
// take): the decided changes' marks go from the redline, the later changes
// are renumbered as the server renumbered them, and the server's count of
// changes left is checked against the page's. When they disagree, after a
// comment, after a bulk decision, after a refusal and ten seconds after
// the last decision, the page is reloaded from the server in place.
(function () {
  'use strict';
  var R = window.redlineReview = { lastDecisionMs: null, decisions: 0, patched: 0, reloaded: 0 };
  var current = 0; // index of the selected change among the visible ones
  var queue = Promise.resolve();
  var idle = null;

  function all(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }
  function visible() { return all('li.change').filter(function (li) { return !li.hidden; }); }

  // index holds the page's changes and redline marks, so that a patch
  // touches them without querying the document again. The page's
  // attributes keep the numbers the page was built with (its original
  // numbers); after a patch only the numbers shown change, and a form's
  // numbers are translated to the server's current ones when it is sent.
  // entries are the list items and their replies (el, original number o,
  // current number n, the .num label); marks are the redline's elements
  // with the change each belongs to (a numbered mark starts a change; the
  // pieces of a mark split over lines, and an attached comment, follow it
  // with no number of their own).
  var index = { entries: [], marks: [], cur: {}, orig: {} };
  function buildIndex() {
    index.entries = all('li.change, li.change .reply').map(function (el) {
      var n = +el.dataset.n;
      return { el: el, o: n, n: n, reply: el.classList.contains('reply'), num: el.querySelector('.num') };
    });
    index.marks = [];
    all('.doc').forEach(function (art) {
      var n = 0;
      all('sup.critic-number, ins.critic, del.critic, mark.critic, .critic-comment', art).forEach(function (el) {
        if (el.tagName === 'SUP') n = parseInt(el.title.replace('change ', ''), 10);
        el.setAttribute('data-c', n);
        index.marks.push({ el: el, o: n, n: n });
      });
    });
    numbering();
  }
  function numbering() {
    index.cur = {}; index.orig = {};
    index.entries.forEach(function (e) { index.cur[e.o] = e.n; index.orig[e.n] = e.o; });
  }
  // current is a number as the server now numbers the change the page
  // numbered o.
  function current_(o) { return index.cur[o] === undefined ? o : index.cur[o]; }

  function select(i, scroll) {
    var list = visible();
    all('.current, .current-mark').forEach(function (el) { el.classList.remove('current', 'current-mark'); });
    if (list.length === 0) { current = 0; return; }
    current = Math.max(0, Math.min(i, list.length - 1));
    var li = list[current];
    li.classList.add('current');
    all('.doc [data-c="' + li.dataset.n + '"]').forEach(function (el, k) {
      el.classList.add(el.tagName === 'SUP' ? 'current' : 'current-mark');
      if (scroll && k === 0) el.scrollIntoView({ block: 'center' });
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

  function reload() {
    var main = document.querySelector('main'), panel = document.querySelector('.panel');
    var top = main ? main.scrollTop : 0, ptop = panel ? panel.scrollTop : 0;
    return fetch(pageURL(), { cache: 'no-store' }).then(function (res) { return res.text(); }).then(function (html) {
      var doc = new DOMParser().parseFromString(html, 'text/html');
      document.body.replaceWith(doc.body);
      R.reloaded++;
      start();
      var m = document.querySelector('main'), p = document.querySelector('.panel');
      if (m) m.scrollTop = top;
      if (p) p.scrollTop = ptop;
    });
  }

  // renumber gives the number a change keeps once the sorted numbers gone
  // are resolved.
  function renumber(gone) {
    return function (n) {
      var k = 0;
      while (k < gone.length && gone[k] < n) k++;
      return n - k;
    };
  }

  // patch applies a decision the server made to the page; it returns false
  // when the page cannot follow it and must be reloaded.
  function patch(data, accept) {
    var gone = data.changes.slice().sort(function (a, b) { return a - b; });
    var isGone = {}; gone.forEach(function (n) { isGone[index.orig[n]] = true; });
    var to = renumber(gone);
    var ok = true;
    index.entries = index.entries.filter(function (e) {
      if (isGone[e.o]) {
        if (!e.reply && all('.reply', e.el).some(function (r) { return !isGone[+r.dataset.n]; })) ok = false;
        e.el.remove();
        return false;
      }
      var m = to(e.n);
      if (m !== e.n) {
        if (e.num) e.num.textContent = m;
        e.n = m;
      }
      return true;
    });
    var emptied = [];
    index.marks = index.marks.filter(function (k) {
      var el = k.el;
      if (isGone[k.o]) {
        var parent = el.parentNode;
        var keep = el.tagName === 'MARK' || (el.tagName === 'INS' && accept) || (el.tagName === 'DEL' && !accept);
        if (keep) el.replaceWith.apply(el, Array.prototype.slice.call(el.childNodes));
        else el.remove();
        emptied.push(parent);
        return false;
      }
      var m = to(k.n);
      if (m !== k.n) {
        if (el.tagName === 'SUP') el.textContent = m;
        k.n = m;
      }
      return true;
    });
    numbering();
    emptied.forEach(function (p) {
      if (p && p.isConnected && /^(P|LI|H[1-6]|BLOCKQUOTE)$/.test(p.tagName) && p.textContent.trim() === '' && !p.querySelector('[data-c]')) p.remove();
    });
    all('input[name="version"]').forEach(function (v) { v.value = data.version; });
    document.body.dataset.version = data.version;
    document.getElementById('progress').textContent = data.resolved + ' of ' + data.total + ' resolved';
    document.getElementById('left').textContent = data.remaining + (data.remaining === 1 ? ' change' : ' changes') + ' left';
    return ok && index.entries.length === data.remaining && data.remaining > 0;
  }

  // translate rewrites a form's change numbers (the page's own) as the
  // server now numbers them.
  function translate(fd) {
    var out = new URLSearchParams();
    fd.forEach(function (v, k) {
      if (typeof v !== 'string') return;
      var m = /^text-(\d+)$/.exec(k);
      if (m) k = 'text-' + current_(+m[1]);
      if ((k === 'n' || k === 'after') && /^\d+$/.test(v) && v !== '0') v = String(current_(+v));
      if (k === 'do' && (m = /^(accept|reject):(\d+)$/.exec(v))) v = m[1] + ':' + current_(+m[2]);
      out.append(k, v);
    });
    return out;
  }

  // send posts a form in the background; decisions queue one after another.
  function send(action, body, what) {
    queue = queue.then(function () {
      var t0 = performance.now(), data;
      clearTimeout(idle);
      return fetch(action, { method: 'POST', body: body, headers: { 'Accept': 'application/json' }, cache: 'no-store' })
        .then(function (res) { return res.json(); })
        .then(function (d) {
          data = d;
          R.requestMs = performance.now() - t0;
          if (d.ok && (what === 'one' || what === 'selected') && patch(d, d.action === 'accepted')) {
            R.patched++;
            select(current, false);
            R.patchMs = performance.now() - t0 - R.requestMs;
            idle = setTimeout(function () { queue = queue.then(reload); }, 10000);
            return null;
          }
          return reload();
        })
        .then(function () {
          notice(data.message, !data.ok);
          R.lastDecisionMs = performance.now() - t0;
          R.decisions++;
          document.body.dataset.decisions = String(R.decisions);
        })
        .catch(function (err) { notice('the review server cannot be reached (' + err + '): it may have stopped', true); });
    });
    return queue;
  }

  document.addEventListener('submit', function (e) {
    var form = e.target;
    if (form.hasAttribute('data-plain')) return;
    e.preventDefault();
    if (form.method.toLowerCase() === 'get') { applyFilters(); return; }
    var btn = e.submitter;
    var action = (btn && btn.getAttribute('formaction')) || form.getAttribute('action');
    var fd = new FormData(form);
    var what = 'other';
    if (btn && btn.name) {
      fd.append(btn.name, btn.value);
      if (btn.name === 'do') what = btn.value.indexOf(':') > 0 ? 'one' : btn.value.split('-')[1];
    }
    send(action, translate(fd), what);
  });

  function applyFilters() {
    var f = document.querySelector('form.filters');
    if (!f) return;
    var want = { author: f.author.value, office: f.office.value, kind: f.kind.value };
    all('li.change').forEach(function (li) {
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
    if (!e.target.closest) return;
    var mark = e.target.closest('.doc [data-c]');
    var li = e.target.closest('li.change');
    var list = visible();
    if (mark) {
      var n = mark.getAttribute('data-c');
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
    Array.prototype.forEach.call(panes, function (pane, i) {
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
        quiet = other;
        other.scrollTop += twin.getBoundingClientRect().top - other.getBoundingClientRect().top - (sup.getBoundingClientRect().top - top);
      }, { passive: true });
    });
  }

  function start() {
    document.body.classList.add('js');
    if (R.decisions) document.body.dataset.decisions = String(R.decisions);
    buildIndex();
    applyFilters();
    bindPanes();
    select(current, false);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
