// Generated from templates/ by `QUIZC_RECORD=1 swift test --filter DefaultTemplatesTests`; do not edit.

/// The repository's `templates/` folder, compiled in so `quizc` works without it on disk.
enum DefaultTemplates {
    static let files: [String: String] = [
        "assets/quiz.css": ##"""
/* quizc default theme: light and dark via prefers-color-scheme; every colour pair meets WCAG AA. */
:root {
  --bg: #f4f6fb;
  --surface: #ffffff;
  --surface-2: #eef1f8;
  --text: #1b2333;
  --muted: #4f5b70;
  --border: #d6dce8;
  --accent: #4a3fd1;
  --accent-text: #ffffff;
  --accent-soft: #e9e7ff;
  --good: #17743d;
  --good-soft: #e3f6ea;
  --bad: #b3261e;
  --bad-soft: #fde8e6;
  --warn: #8a5300;
  --warn-soft: #fff3d6;
  --focus: #1a5fd6;
  --code-bg: #1e2433;
  --code-text: #e6e9f2;
  --shadow: 0 1px 2px rgba(20, 30, 60, .06), 0 8px 24px rgba(20, 30, 60, .08);
  --radius: 16px;
  --font: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  --mono: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #10131b;
    --surface: #181d29;
    --surface-2: #222939;
    --text: #e8ebf3;
    --muted: #a8b1c5;
    --border: #333c52;
    --accent: #9d95ff;
    --accent-text: #14112e;
    --accent-soft: #2a2752;
    --good: #5fd68f;
    --good-soft: #123222;
    --bad: #ff8a80;
    --bad-soft: #3a1a1a;
    --warn: #ffc862;
    --warn-soft: #3a2c0c;
    --focus: #8ab4ff;
    --code-bg: #0b0e15;
    --code-text: #e6e9f2;
    --shadow: 0 1px 2px rgba(0, 0, 0, .4), 0 8px 24px rgba(0, 0, 0, .35);
  }
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: var(--bg); color: var(--text);
  font: 17px/1.6 var(--font);
}
a { color: var(--accent); text-underline-offset: 2px; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; border-radius: 6px; }
.sr-only {
  position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
.skip-link { position: absolute; left: -999px; top: 8px; background: var(--surface); padding: 8px 12px; z-index: 10; }
.skip-link:focus { left: 8px; }

.site-header, main, .site-footer { max-width: 860px; margin: 0 auto; padding: 0 20px; }
.site-header { display: flex; align-items: center; height: 64px; }
.brand { display: inline-flex; align-items: center; gap: 10px; font-weight: 700; color: var(--text); text-decoration: none; font-size: 18px; }
.brand-mark {
  display: inline-grid; place-items: center; width: 32px; height: 32px; border-radius: 10px;
  background: var(--accent); color: var(--accent-text); font-weight: 800;
}
.site-footer { color: var(--muted); font-size: 14px; padding-top: 32px; padding-bottom: 40px; }
main:focus { outline: none; }

h1 { font-size: clamp(28px, 5vw, 40px); line-height: 1.15; margin: 8px 0 12px; letter-spacing: -.02em; }
h2 { font-size: 22px; line-height: 1.3; margin: 8px 0 12px; letter-spacing: -.01em; }
.lead { font-size: 19px; color: var(--muted); margin: 0 0 16px; }
.eyebrow { margin: 0; font-size: 14px; font-weight: 600; }

.card {
  background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius);
  box-shadow: var(--shadow); padding: 28px; margin: 20px 0;
}

/* Catalog */
.hero { padding: 32px 0 8px; }
.quiz-grid { list-style: none; padding: 0; margin: 16px 0; display: grid; gap: 20px; grid-template-columns: repeat(auto-fill, minmax(320px, 1fr)); }
.quiz-card {
  background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius);
  box-shadow: var(--shadow); padding: 24px; display: flex; flex-direction: column; gap: 12px;
}
.quiz-card h2 { margin: 0; }
.quiz-card h2 a { color: var(--text); text-decoration: none; }
.quiz-card h2 a:hover { color: var(--accent); }
.quiz-desc { margin: 0; color: var(--muted); }
.quiz-card .btn { align-self: flex-start; margin-top: auto; }
.quiz-intro .chips { margin-top: 12px; }
.quiz-intro .quiz-badge { margin-top: 14px; }
.quiz-badge { margin: 0; font-weight: 650; display: inline-flex; align-items: center; gap: 8px; color: var(--warn); }

.quiz-stats { display: flex; flex-wrap: wrap; gap: 12px 28px; margin: 8px 0; }
.quiz-stats div { display: flex; flex-direction: column; }
.quiz-stats dt { font-size: 13px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); font-weight: 600; }
.quiz-stats dd { margin: 0; font-weight: 600; }

.chips, .tags { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 8px; }
.chip {
  display: inline-flex; align-items: center; padding: 2px 10px; border-radius: 999px; font-size: 13px; font-weight: 650;
  background: var(--surface-2); color: var(--text); border: 1px solid var(--border); white-space: nowrap;
}
.chip-beginner { background: var(--good-soft); color: var(--good); border-color: transparent; }
.chip-intermediate { background: var(--accent-soft); color: var(--accent); border-color: transparent; }
.chip-advanced { background: var(--warn-soft); color: var(--warn); border-color: transparent; }
.chip-expert { background: var(--bad-soft); color: var(--bad); border-color: transparent; }
.tags li { font-size: 14px; color: var(--muted); }

/* Buttons */
.btn {
  display: inline-flex; align-items: center; justify-content: center; gap: 8px; min-height: 46px; padding: 0 22px;
  border-radius: 12px; border: 2px solid transparent; font: inherit; font-weight: 700; cursor: pointer; text-decoration: none;
  transition: transform .08s ease, background-color .15s ease;
}
.btn:active { transform: translateY(1px); }
.btn-primary { background: var(--accent); color: var(--accent-text); box-shadow: 0 3px 0 rgba(0, 0, 0, .18); }
.btn-primary:hover { filter: brightness(1.08); }
.btn-primary:disabled { opacity: .55; cursor: not-allowed; }
.btn-ghost { background: transparent; color: var(--accent); border-color: var(--border); }
.actions { display: flex; flex-wrap: wrap; gap: 12px; margin-top: 20px; align-items: center; }

/* Quiz */
.questions { list-style: none; padding: 0; margin: 0; }
.q-meta { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; font-size: 14px; }
.q-progress { font-weight: 700; color: var(--muted); margin-right: 4px; }
.q-spacer { flex: 1; }
.q-timer, .q-attempts {
  font-weight: 650; font-variant-numeric: tabular-nums; padding: 2px 10px; border-radius: 999px;
  background: var(--surface-2); color: var(--text);
}
.q-timer.is-low { background: var(--bad-soft); color: var(--bad); }
.prompt pre, .details-body pre, .computed pre, pre.code {
  background: var(--code-bg); color: var(--code-text); border-radius: 12px; padding: 16px 18px; overflow-x: auto;
  font: 14.5px/1.55 var(--mono); margin: 16px 0;
}
code { font-family: var(--mono); font-size: .92em; }
:not(pre) > code { background: var(--surface-2); padding: 1px 6px; border-radius: 6px; }
.tok-kw { color: #c792ea; font-weight: 600; }
.tok-str { color: #c3e88d; }
.tok-num { color: #f78c6c; }
.tok-com { color: #8f9bb3; font-style: italic; }
.tok-op { color: #89ddff; }
.tok-name { color: #e6e9f2; }
.tok-builtin { color: #82aaff; }

.instruction { font-weight: 650; margin: 16px 0 8px; display: block; }
.choices { border: 0; padding: 0; margin: 12px 0 0; display: grid; gap: 10px; }
.choice { position: relative; }
.choice input { position: absolute; opacity: 0; width: 1px; height: 1px; }
.choice label {
  display: flex; gap: 14px; align-items: flex-start; padding: 14px 16px; border: 2px solid var(--border);
  border-radius: 14px; background: var(--surface); cursor: pointer; box-shadow: 0 2px 0 var(--border);
  transition: border-color .12s ease, background-color .12s ease;
}
.choice label:hover { border-color: var(--accent); }
.choice input:focus-visible + label { outline: 3px solid var(--focus); outline-offset: 2px; }
.choice input:checked + label { border-color: var(--accent); background: var(--accent-soft); box-shadow: 0 2px 0 var(--accent); }
.choice input:disabled + label { cursor: default; }
.choice-letter {
  flex: none; display: inline-grid; place-items: center; width: 30px; height: 30px; border-radius: 9px;
  border: 2px solid var(--border); font-weight: 800; font-size: 14px; color: var(--muted);
}
.choice input:checked + label .choice-letter { background: var(--accent); border-color: var(--accent); color: var(--accent-text); }
.choice-text { padding-top: 2px; min-width: 0; overflow-wrap: anywhere; }
.choice-text p { margin: 0; }
.choice.is-wrong label { border-color: var(--bad); background: var(--bad-soft); box-shadow: 0 2px 0 var(--bad); }
.answer-text {
  width: 100%; font: 15px/1.5 var(--mono); padding: 12px 14px; border-radius: 12px; border: 2px solid var(--border);
  background: var(--surface); color: var(--text); resize: vertical;
}
.answer-text:focus-visible { border-color: var(--focus); }

.verdict { margin-top: 18px; padding: 14px 18px; border-radius: 14px; font-weight: 700; display: flex; gap: 10px; align-items: center; }
.verdict::before { font-size: 20px; line-height: 1; }
.verdict.is-correct { background: var(--good-soft); color: var(--good); }
.verdict.is-correct::before { content: "✓"; }
.verdict.is-wrong { background: var(--bad-soft); color: var(--bad); }
.verdict.is-wrong::before { content: "✗"; }
.verdict.is-info { background: var(--warn-soft); color: var(--warn); }

details { margin-top: 16px; border: 1px solid var(--border); border-radius: 14px; background: var(--surface-2); }
details > summary { cursor: pointer; padding: 12px 16px; font-weight: 700; list-style-position: inside; }
.details-body { padding: 0 16px 4px; }
.computed { padding: 0 16px 8px; }
.computed-title { margin: 0; font-weight: 700; font-size: 14px; color: var(--muted); }
.explanation { border-color: var(--accent); }

.progress { position: sticky; top: 0; z-index: 5; background: var(--bg); padding: 10px 0 4px; }
.progress-track { height: 12px; border-radius: 999px; background: var(--surface-2); border: 1px solid var(--border); overflow: hidden; }
.progress-fill { height: 100%; width: 0; background: linear-gradient(90deg, var(--accent), #7a6cff); border-radius: 999px; transition: width .3s ease; }
.progress-text { margin: 6px 0 0; font-size: 14px; font-weight: 650; color: var(--muted); }

.results { text-align: center; }
.score-big { font-size: 28px; font-weight: 800; margin: 8px 0 16px; }
.results .actions { justify-content: center; }
.badge-earned { display: grid; place-items: center; gap: 8px; margin: 12px 0; }
.medal {
  width: 104px; height: 104px; border-radius: 50%; display: grid; place-items: center; color: #5a3b00; font-size: 52px;
  background: radial-gradient(circle at 35% 30%, #fff3b0, #f5c542 55%, #c98d12);
  box-shadow: 0 0 0 6px var(--accent-soft), 0 10px 30px rgba(201, 141, 18, .35);
  animation: pop .5s cubic-bezier(.2, 1.6, .4, 1);
}
.not-passed { color: var(--muted); font-weight: 600; }
@keyframes pop { from { transform: scale(.4); opacity: 0; } to { transform: scale(1); opacity: 1; } }

/* Without JavaScript every question is shown; with it, one at a time. */
.js-only { display: none; }
.has-js .js-only { display: revert; }
.has-js .js-only[hidden], [hidden] { display: none !important; }
.has-js .question { display: none; }
.has-js .question.is-current { display: block; }
.has-js .questions.is-hidden { display: none; }

@media (max-width: 560px) {
  body { font-size: 16px; }
  .card { padding: 20px 16px; border-radius: 14px; }
  .site-header, main, .site-footer { padding: 0 12px; }
  .q-spacer { flex-basis: 100%; height: 0; }
  .quiz-grid { grid-template-columns: 1fr; }
  .prompt pre, .details-body pre, pre.code { font-size: 13px; padding: 12px; }
  .btn { width: 100%; }
}
@media (prefers-reduced-motion: reduce) {
  *, *::before, *::after { animation: none !important; transition: none !important; scroll-behavior: auto !important; }
}

"""##,
        "assets/quiz.js": ##"""
/* quizc quiz runtime: one question at a time, per-question timer, attempts, hints, salted-hash answer checks,
   score and badge. Progress lives in localStorage under a key that includes the quiz's content hash. */
(function () {
  'use strict';

  // ---- SHA-256 (pure JS; used when Web Crypto is unavailable, and for the reveal key stream) ----
  var K = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
  ];

  function utf8(text) { return new TextEncoder().encode(text); }

  function sha256Bytes(bytes) {
    var h = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
    var length = bytes.length;
    var padded = new Uint8Array(((length + 9 + 63) >> 6) << 6);
    padded.set(bytes);
    padded[length] = 0x80;
    var view = new DataView(padded.buffer);
    view.setUint32(padded.length - 8, Math.floor(length / 0x20000000));
    view.setUint32(padded.length - 4, (length << 3) >>> 0);
    var w = new Array(64);
    for (var chunk = 0; chunk < padded.length; chunk += 64) {
      for (var i = 0; i < 16; i++) w[i] = view.getUint32(chunk + i * 4);
      for (i = 16; i < 64; i++) {
        var a15 = w[i - 15], a2 = w[i - 2];
        var s0 = ((a15 >>> 7) | (a15 << 25)) ^ ((a15 >>> 18) | (a15 << 14)) ^ (a15 >>> 3);
        var s1 = ((a2 >>> 17) | (a2 << 15)) ^ ((a2 >>> 19) | (a2 << 13)) ^ (a2 >>> 10);
        w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
      }
      var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
      for (i = 0; i < 64; i++) {
        var S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
        var t1 = (hh + S1 + ((e & f) ^ (~e & g)) + K[i] + w[i]) | 0;
        var S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
        var t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
        hh = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
      }
      h[0] = (h[0] + a) | 0; h[1] = (h[1] + b) | 0; h[2] = (h[2] + c) | 0; h[3] = (h[3] + d) | 0;
      h[4] = (h[4] + e) | 0; h[5] = (h[5] + f) | 0; h[6] = (h[6] + g) | 0; h[7] = (h[7] + hh) | 0;
    }
    var out = new Uint8Array(32);
    for (i = 0; i < 8; i++) new DataView(out.buffer).setUint32(i * 4, h[i] >>> 0);
    return out;
  }

  function hex(bytes) {
    var s = '';
    for (var i = 0; i < bytes.length; i++) s += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
    return s;
  }

  function sha256HexFallback(text) { return hex(sha256Bytes(utf8(text))); }

  function sha256Hex(text) {
    if (window.crypto && window.crypto.subtle && window.isSecureContext) {
      return window.crypto.subtle.digest('SHA-256', utf8(text))
        .then(function (buffer) { return hex(new Uint8Array(buffer)); })
        .catch(function () { return sha256HexFallback(text); });
    }
    return Promise.resolve(sha256HexFallback(text));
  }

  window.quizc = { sha256HexFallback: sha256HexFallback };

  var dataElement = document.getElementById('quiz-data');
  if (!dataElement) return;
  var data = JSON.parse(dataElement.textContent);
  document.documentElement.classList.add('has-js');
  document.body.classList.add('has-js');

  // ---- answers ----
  function normalize(text) {
    var lines = text.replace(/\r\n?/g, '\n').split('\n').map(function (line) { return line.replace(/[ \t]+$/, ''); });
    while (lines.length && lines[lines.length - 1] === '') lines.pop();
    return lines.join('\n');
  }

  function keyFor(question, value) { return sha256Hex(data.salt + '\n' + question.id + '\n' + value); }

  function unseal(sealed, question) {
    var stream = sha256Bytes(utf8(data.salt + '\n' + question.id + '\nreveal'));
    var raw = atob(sealed);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i) ^ stream[i % stream.length];
    return new TextDecoder().decode(bytes);
  }

  // ---- state ----
  var params = new URLSearchParams(window.location.search);
  var timescale = parseFloat(params.get('timescale'));
  if (!(timescale > 0)) timescale = 1;

  function freshState() {
    var questions = {};
    data.questions.forEach(function (q) {
      questions[q.id] = { used: 0, status: 'open', remaining: q.time, hint: false };
    });
    return { started: false, finished: false, current: 0, questions: questions };
  }

  function loadState() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(data.storageKey) || 'null');
      if (saved && saved.questions && data.questions.every(function (q) { return saved.questions[q.id]; })) return saved;
    } catch (e) { /* storage unavailable or corrupt: start fresh */ }
    return freshState();
  }

  function saveState() {
    try { window.localStorage.setItem(data.storageKey, JSON.stringify(state)); } catch (e) { /* private mode */ }
  }

  var state = loadState();

  // ---- DOM ----
  var main = document.querySelector('[data-quiz]');
  var intro = main.querySelector('[data-intro]');
  var list = main.querySelector('.questions');
  var progress = main.querySelector('[data-progress]');
  var results = main.querySelector('[data-results]');
  var live = main.querySelector('[data-live]');
  var sections = data.questions.map(function (q) { return document.getElementById('q-' + q.id); });

  function announce(text) {
    live.textContent = '';
    window.setTimeout(function () { live.textContent = text; }, 50);
  }

  function clock(seconds) {
    var s = Math.max(0, Math.ceil(seconds));
    return Math.floor(s / 60) + ':' + (s % 60 < 10 ? '0' : '') + (s % 60);
  }

  function scored() { return data.questions.filter(function (q) { return q.mode !== 'reveal'; }); }
  function correctCount() {
    return scored().filter(function (q) { return state.questions[q.id].status === 'correct'; }).length;
  }
  function passed() {
    var total = scored().length, correct = correctCount();
    if (data.pass.rule === 'all') return correct === total;
    return correct * 100 >= data.pass.percent * total;
  }

  // ---- rendering one question's state ----
  function paint(index) {
    var q = data.questions[index], s = state.questions[q.id], section = sections[index];
    var done = s.status !== 'open';
    section.querySelector('[data-timer]').textContent = done ? clock(s.remaining) + ' left' : clock(s.remaining) + ' remaining';
    section.querySelector('[data-timer]').classList.toggle('is-low', !done && s.remaining <= 10);
    var left = q.attempts - s.used;
    section.querySelector('[data-attempts]').textContent = 'Attempts: ' + left + ' left';
    section.querySelectorAll('input, textarea').forEach(function (input) { input.disabled = done; });
    var check = section.querySelector('[data-check]');
    check.disabled = done;
    check.hidden = done;
    check.textContent = q.mode === 'reveal' ? 'Reveal explanation' : 'Check answer';
    var explanation = section.querySelector('[data-explanation]');
    explanation.hidden = !done;
    if (done) {
      explanation.open = true;
      var output = section.querySelector('[data-output]');
      if (output && q.output) {
        section.querySelector('[data-output-text]').textContent = unseal(q.output, q);
        output.hidden = false;
      }
    }
    var next = section.querySelector('[data-next]');
    next.hidden = !done;
    next.textContent = index === data.questions.length - 1 ? 'See results' : 'Next question';
    var verdict = section.querySelector('[data-verdict]');
    if (s.status === 'correct') setVerdict(verdict, 'is-correct', 'Correct!');
    else if (s.status === 'failed') setVerdict(verdict, 'is-wrong', s.timedOut ? 'Time is up. The explanation is below.' : 'No attempts left. The explanation is below.');
    else if (s.status === 'revealed') setVerdict(verdict, 'is-info', 'Compare your answer with the explanation below.');
  }

  function setVerdict(element, kind, text) {
    element.className = 'verdict ' + kind;
    element.textContent = text;
    element.hidden = false;
  }

  function updateProgress() {
    var total = data.questions.length;
    var done = data.questions.filter(function (q) { return state.questions[q.id].status !== 'open'; }).length;
    main.querySelector('[data-progress-fill]').style.width = (100 * done / total) + '%';
    main.querySelector('[data-progress-text]').textContent = 'Question ' + Math.min(state.current + 1, total) + ' of ' + total;
    main.querySelector('[data-score-text]').textContent = 'Score ' + correctCount() + '/' + scored().length;
  }

  // ---- timer ----
  var timer = null;
  function stopTimer() { if (timer) { window.clearInterval(timer); timer = null; } }
  function startTimer(index) {
    stopTimer();
    var q = data.questions[index], s = state.questions[q.id];
    if (s.status !== 'open') return;
    var last = Date.now(), warned = s.remaining <= 10, ticks = 0;
    timer = window.setInterval(function () {
      var now = Date.now();
      s.remaining = Math.max(0, s.remaining - (now - last) / 1000 * timescale);
      last = now;
      if (!warned && s.remaining <= 10) { warned = true; announce('10 seconds left.'); }
      if (s.remaining <= 0) {
        stopTimer();
        s.status = 'failed';
        s.timedOut = true;
        s.used = q.attempts;
        announce('Time is up. The explanation is shown.');
      }
      if (++ticks % 4 === 0 || s.status !== 'open') saveState();
      paint(index);
      updateProgress();
    }, 250);
  }

  // ---- screens ----
  function show() {
    stopTimer();
    intro.hidden = state.started;
    progress.hidden = !state.started || state.finished;
    list.classList.toggle('is-hidden', !state.started || state.finished);
    results.hidden = !state.finished;
    sections.forEach(function (section, i) { section.classList.toggle('is-current', i === state.current); });
    if (state.finished) {
      var total = scored().length, correct = correctCount();
      var percent = total ? Math.round(100 * correct / total) : 100;
      results.querySelector('[data-final-score]').textContent = 'You scored ' + correct + ' of ' + total + ' (' + percent + '%)';
      var ok = passed();
      results.querySelector('[data-badge]').hidden = !ok;
      results.querySelector('[data-not-passed]').hidden = ok;
      return;
    }
    if (!state.started) return;
    data.questions.forEach(function (q, i) { paint(i); });
    updateProgress();
    startTimer(state.current);
  }

  function focusHeading(element) {
    var heading = element.querySelector('h2');
    heading.setAttribute('tabindex', '-1');
    heading.focus();
  }

  main.querySelector('[data-start]').addEventListener('click', function () {
    state.started = true;
    saveState();
    show();
    focusHeading(sections[state.current]);
  });

  results.querySelector('[data-retry]').addEventListener('click', function () {
    state = freshState();
    state.started = true;
    sections.forEach(function (section) {
      section.querySelectorAll('input').forEach(function (input) { input.checked = false; });
      section.querySelectorAll('textarea').forEach(function (input) { input.value = ''; });
      section.querySelectorAll('.choice').forEach(function (choice) { choice.classList.remove('is-wrong'); });
      section.querySelector('[data-verdict]').hidden = true;
      section.querySelectorAll('details').forEach(function (d) { d.open = false; });
      var output = section.querySelector('[data-output]');
      if (output) output.hidden = true;
    });
    saveState();
    show();
    focusHeading(sections[0]);
  });

  data.questions.forEach(function (q, index) {
    var section = sections[index];
    var form = section.querySelector('[data-answer]');
    var verdict = section.querySelector('[data-verdict]');
    var hint = section.querySelector('[data-hint]');
    if (hint) {
      hint.addEventListener('toggle', function () {
        if (hint.open && !state.questions[q.id].hint) { state.questions[q.id].hint = true; saveState(); }
      });
    }
    section.querySelector('[data-next]').addEventListener('click', function () {
      if (index === data.questions.length - 1) {
        state.finished = true;
        saveState();
        show();
        results.focus();
        announce(results.querySelector('[data-final-score]').textContent);
      } else {
        state.current = index + 1;
        saveState();
        show();
        focusHeading(sections[state.current]);
      }
    });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var s = state.questions[q.id];
      if (s.status !== 'open') return;
      if (q.mode === 'reveal') {
        s.status = 'revealed';
        stopTimer();
        saveState();
        paint(index);
        updateProgress();
        return;
      }
      var value;
      if (q.mode === 'choice') {
        var picked = [];
        section.querySelectorAll('[data-choices] input').forEach(function (input) { if (input.checked) picked.push(Number(input.value)); });
        if (!picked.length) { setVerdict(verdict, 'is-info', 'Choose an answer first.'); announce('Choose an answer first.'); return; }
        picked.sort(function (a, b) { return a - b; });
        value = 'choice:' + picked.join(',');
      } else {
        var text = section.querySelector('[data-text]').value;
        if (!normalize(text)) { setVerdict(verdict, 'is-info', 'Type the output first.'); announce('Type the output first.'); return; }
        value = 'text:' + normalize(text);
      }
      keyFor(q, value).then(function (hash) {
        if (s.status !== 'open') return;
        section.querySelectorAll('.choice').forEach(function (choice) { choice.classList.remove('is-wrong'); });
        if (hash === q.key) {
          s.status = 'correct';
          stopTimer();
          announce('Correct!');
        } else {
          s.used += 1;
          if (q.mode === 'choice') {
            section.querySelectorAll('[data-choices] input').forEach(function (input) {
              if (input.checked) input.parentNode.classList.add('is-wrong');
            });
          }
          if (s.used >= q.attempts) {
            s.status = 'failed';
            stopTimer();
            announce('Not quite. No attempts left. The explanation is shown.');
          } else {
            var left = q.attempts - s.used;
            var message = 'Not quite. Try again: ' + left + (left === 1 ? ' attempt' : ' attempts') + ' left.';
            setVerdict(verdict, 'is-wrong', message);
            announce(message);
          }
        }
        saveState();
        paint(index);
        updateProgress();
        if (s.status !== 'open') section.querySelector('[data-next]').focus();
      });
    });
  });

  show();
})();

"""##,
        "catalog.mustache": ##"""
<main id="main" class="catalog" tabindex="-1">
  <section class="hero">
    <h1>{{site.title}}</h1>
    {{#site.description}}<p class="lead">{{site.description}}</p>{{/site.description}}
  </section>
  <ul class="quiz-grid" aria-label="Quizzes">
  {{#quizzes}}
    <li class="quiz-card">
      <h2><a href="{{url}}">{{title}}</a></h2>
      <p class="quiz-desc">{{description}}</p>
      <dl class="quiz-stats">
        <div><dt>Challenges</dt><dd>{{challengeCountText}}</dd></div>
        <div><dt>Total time</dt><dd>{{totalTimeText}}</dd></div>
      </dl>
      <ul class="chips" aria-label="Difficulty mix">
        {{#difficulties}}<li class="chip chip-{{name}}">{{text}}</li>{{/difficulties}}
      </ul>
      {{#hasTags}}<ul class="tags" aria-label="Tags">{{#tags}}<li>#{{.}}</li>{{/tags}}</ul>{{/hasTags}}
      {{#hasBadge}}<p class="quiz-badge"><svg class="medal-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false"><path d="M7 2h4l1.5 5h-4zM13 2h4l-2.5 5h-4z" fill="currentColor" opacity=".55"/><circle cx="12" cy="15" r="7" fill="currentColor"/><path d="M12 10.6l1.3 2.7 2.9.4-2.1 2 .5 2.9-2.6-1.4-2.6 1.4.5-2.9-2.1-2 2.9-.4z" fill="var(--surface)"/></svg> {{badge}}</p>{{/hasBadge}}
      <a class="btn btn-primary" href="{{url}}" aria-label="Start {{title}}">Start quiz</a>
    </li>
  {{/quizzes}}
  </ul>
</main>

"""##,
        "layout.mustache": ##"""
<!doctype html>
<html lang="{{site.language}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="quizc {{compilerVersion}}">
<title>{{pageTitle}}</title>
<link rel="stylesheet" href="{{root}}assets/quiz.css">
</head>
<body class="{{#isCatalog}}page-catalog{{/isCatalog}}{{#isQuiz}}page-quiz{{/isQuiz}}">
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
  <a class="brand" href="{{root}}index.html"><span class="brand-mark" aria-hidden="true">Q</span>{{site.title}}</a>
</header>
{{{body}}}
<footer class="site-footer">
  <p>Every answer on this site was computed and checked by quizc {{compilerVersion}}.</p>
</footer>
{{#isQuiz}}<script src="{{root}}assets/quiz.js"></script>{{/isQuiz}}
</body>
</html>

"""##,
        "partials/answer-actions.mustache": ##"""
<div class="actions js-only">
  <button type="submit" class="btn btn-primary" data-check>Check answer</button>
</div>

"""##,
        "partials/choices.mustache": ##"""
<fieldset class="choices" data-choices>
  <legend class="sr-only">{{#multiple}}Choose every correct answer{{/multiple}}{{^multiple}}Choose one answer{{/multiple}}</legend>
  {{#choices}}
  <div class="choice">
    <input type="{{inputType}}" id="{{inputID}}" name="{{domID}}-choice" value="{{index}}">
    <label for="{{inputID}}"><span class="choice-letter" aria-hidden="true">{{letter}}</span><span class="choice-text">{{{html}}}</span></label>
  </div>
  {{/choices}}
</fieldset>

"""##,
        "partials/conceptual.mustache": ##"""
<form class="answer" data-answer>
  {{#isChoice}}{{> choices}}{{/isChoice}}
  {{#isReveal}}<p class="instruction">Think about your answer, then reveal the explanation.</p>{{/isReveal}}
  {{> answer-actions}}
</form>

"""##,
        "partials/debug.mustache": ##"""
<form class="answer" data-answer>
  <p class="instruction">What happens when this code runs?</p>
  {{#isChoice}}{{> choices}}{{/isChoice}}
  {{> answer-actions}}
</form>

"""##,
        "partials/multiple-choice.mustache": ##"""
<form class="answer" data-answer>
  {{#isChoice}}{{> choices}}{{/isChoice}}
  {{#isReveal}}<p class="instruction">Think about your answer, then open the explanation.</p>{{/isReveal}}
  {{> answer-actions}}
</form>

"""##,
        "partials/predict-output.mustache": ##"""
<form class="answer" data-answer>
  {{#isChoice}}<p class="instruction">Which output does this code print?</p>{{> choices}}{{/isChoice}}
  {{#isText}}
  <label class="instruction" for="{{domID}}-text">Type exactly what this code prints</label>
  <textarea id="{{domID}}-text" class="answer-text" rows="4" spellcheck="false" autocomplete="off" autocapitalize="off" data-text></textarea>
  {{/isText}}
  {{> answer-actions}}
</form>

"""##,
        "partials/question.mustache": ##"""
<section class="question card" id="{{domID}}" data-question="{{id}}" data-type="{{type}}" aria-labelledby="{{domID}}-title">
  <div class="q-meta">
    <span class="q-progress">{{progressText}}</span>
    <span class="chip chip-label">{{typeLabel}}</span>
    <span class="chip chip-{{difficulty}}">{{difficultyText}}</span>
    <span class="q-spacer"></span>
    <span class="q-timer" data-timer><span class="sr-only">Time limit </span>{{timeText}}</span>
    <span class="q-attempts" data-attempts>{{attemptsText}}</span>
  </div>
  <h2 id="{{domID}}-title">{{title}}</h2>
  <div class="prompt">{{{promptHTML}}}</div>
  {{#isPredictOutput}}{{> predict-output}}{{/isPredictOutput}}
  {{#isMultipleChoice}}{{> multiple-choice}}{{/isMultipleChoice}}
  {{#isDebug}}{{> debug}}{{/isDebug}}
  {{#isConceptual}}{{> conceptual}}{{/isConceptual}}
  <div class="verdict" data-verdict role="status" hidden></div>
  {{#hasHint}}
  <details class="hint" data-hint>
    <summary>Hint</summary>
    <div class="details-body">{{{hintHTML}}}</div>
  </details>
  {{/hasHint}}
  <details class="explanation" data-explanation>
    <summary>Explanation</summary>
    <div class="details-body">{{{explanationHTML}}}</div>
    {{#hasOutput}}<div class="computed js-only" data-output hidden><p class="computed-title">Computed output</p><pre class="code"><code data-output-text></code></pre></div>{{/hasOutput}}
  </details>
  <div class="actions js-only q-nav"><button type="button" class="btn btn-primary" data-next hidden>Next question</button></div>
</section>

"""##,
        "quiz.mustache": ##"""
<main id="main" class="quiz" tabindex="-1" data-quiz>
  {{#quiz}}
  <section class="quiz-intro card" data-intro>
    <p class="eyebrow"><a href="{{root}}index.html">All quizzes</a></p>
    <h1>{{title}}</h1>
    <p class="lead">{{description}}</p>
    <div class="intro-body">{{{introHTML}}}</div>
    <dl class="quiz-stats">
      <div><dt>Challenges</dt><dd>{{challengeCountText}}</dd></div>
      <div><dt>Total time</dt><dd>{{totalTimeText}}</dd></div>
      <div><dt>To pass</dt><dd>{{passText}}</dd></div>
    </dl>
    <ul class="chips" aria-label="Difficulty mix">{{#difficulties}}<li class="chip chip-{{name}}">{{text}}</li>{{/difficulties}}</ul>
    {{#hasBadge}}<p class="quiz-badge"><svg class="medal-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false"><path d="M7 2h4l1.5 5h-4zM13 2h4l-2.5 5h-4z" fill="currentColor" opacity=".55"/><circle cx="12" cy="15" r="7" fill="currentColor"/><path d="M12 10.6l1.3 2.7 2.9.4-2.1 2 .5 2.9-2.6-1.4-2.6 1.4.5-2.9-2.1-2 2.9-.4z" fill="var(--surface)"/></svg> Badge: {{badge}}</p>{{/hasBadge}}
    <div class="actions js-only"><button type="button" class="btn btn-primary" data-start>Start quiz</button></div>
  </section>
  {{/quiz}}
  <div class="progress js-only" data-progress hidden>
    <div class="progress-track" aria-hidden="true"><div class="progress-fill" data-progress-fill></div></div>
    <p class="progress-text"><span data-progress-text></span> · <span data-score-text>Score 0</span></p>
  </div>
  <div class="sr-only" aria-live="polite" aria-atomic="true" data-live></div>
  <ol class="questions">
  {{#challenges}}
    <li>{{> question}}</li>
  {{/challenges}}
  </ol>
  {{#quiz}}
  <section class="results card js-only" data-results hidden tabindex="-1" aria-labelledby="results-title">
    <h2 id="results-title">Quiz complete</h2>
    <p class="score-big" data-final-score></p>
    <div class="badge-earned" data-badge hidden>
      <div class="medal" aria-hidden="true"><span>★</span></div>
      <p><strong>Badge earned:</strong> <span data-badge-name>{{#hasBadge}}{{badge}}{{/hasBadge}}{{^hasBadge}}{{title}}{{/hasBadge}}</span></p>
    </div>
    <p class="not-passed" data-not-passed hidden>Not passed yet. {{passText}}.</p>
    <div class="actions"><button type="button" class="btn btn-primary" data-retry>Retry quiz</button>
      <a class="btn btn-ghost" href="{{root}}index.html">All quizzes</a></div>
  </section>
  {{/quiz}}
  <script type="application/json" id="quiz-data">{{{dataJSON}}}</script>
</main>

"""##,
    ]

    /// The `.mustache` files as `CompiledTemplates(serialized:)` reads them.
    static let compiledTemplates = ##"""
#14:answer-actionst30:<div class="actions js-only">
t81:  <button type="submit" class="btn btn-primary" data-check>Check answer</button>
t7:</div>
#7:catalogt47:<main id="main" class="catalog" tabindex="-1">
t25:  <section class="hero">
t8:    <h1>v-10:site.titlet6:</h1>
t4:    s-16:site.descriptiont16:<p class="lead">v-16:site.descriptiont4:</p>et1:
t13:  </section>
t46:  <ul class="quiz-grid" aria-label="Quizzes">
s-7:quizzest27:    <li class="quiz-card">
t19:      <h2><a href="v-3:urlt2:">v-5:titlet10:</a></h2>
t27:      <p class="quiz-desc">v-11:descriptiont5:</p>
t30:      <dl class="quiz-stats">
t36:        <div><dt>Challenges</dt><dd>v-18:challengeCountTextt12:</dd></div>
t36:        <div><dt>Total time</dt><dd>v-13:totalTimeTextt12:</dd></div>
t12:      </dl>
t53:      <ul class="chips" aria-label="Difficulty mix">
t8:        s-12:difficultiest21:<li class="chip chip-v-4:namet2:">v-4:textt5:</li>et1:
t12:      </ul>
t6:      s-7:hasTagst35:<ul class="tags" aria-label="Tags">s-4:tagst5:<li>#v.0:t5:</li>et5:</ul>et1:
t6:      s-8:hasBadget369:<p class="quiz-badge"><svg class="medal-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false"><path d="M7 2h4l1.5 5h-4zM13 2h4l-2.5 5h-4z" fill="currentColor" opacity=".55"/><circle cx="12" cy="15" r="7" fill="currentColor"/><path d="M12 10.6l1.3 2.7 2.9.4-2.1 2 .5 2.9-2.6-1.4-2.6 1.4.5-2.9-2.1-2 2.9-.4z" fill="var(--surface)"/></svg> v-5:badget4:</p>et1:
t39:      <a class="btn btn-primary" href="v-3:urlt20:" aria-label="Start v-5:titlet17:">Start quiz</a>
t10:    </li>
et8:  </ul>
t8:</main>
#7:choicest40:<fieldset class="choices" data-choices>
t26:  <legend class="sr-only">s-8:multiplet27:Choose every correct answerei-8:multiplet17:Choose one answeret10:</legend>
s-7:choicest23:  <div class="choice">
t17:    <input type="v-9:inputTypet6:" id="v-7:inputIDt8:" name="v-5:domIDt16:-choice" value="v-5:indext3:">
t16:    <label for="v-7:inputIDt49:"><span class="choice-letter" aria-hidden="true">v-6:lettert33:</span><span class="choice-text">u-4:htmlt16:</span></label>
t9:  </div>
et12:</fieldset>
#10:conceptualt34:<form class="answer" data-answer>
t2:  s-8:isChoicep7:choices-et1:
t2:  s-8:isRevealt80:<p class="instruction">Think about your answer, then reveal the explanation.</p>et1:
t2:  p14:answer-actions2:  t8:</form>
#5:debugt34:<form class="answer" data-answer>
t63:  <p class="instruction">What happens when this code runs?</p>
t2:  s-8:isChoicep7:choices-et1:
t2:  p14:answer-actions2:  t8:</form>
#6:layoutt16:<!doctype html>
t12:<html lang="v-13:site.languaget3:">
t7:<head>
t23:<meta charset="utf-8">
t69:<meta name="viewport" content="width=device-width, initial-scale=1">
t48:<meta name="color-scheme" content="light dark">
t38:<meta name="generator" content="quizc v-15:compilerVersiont3:">
t7:<title>v-9:pageTitlet9:</title>
t29:<link rel="stylesheet" href="v-4:roott18:assets/quiz.css">
t8:</head>
t13:<body class="s-9:isCatalogt12:page-cataloges-6:isQuizt9:page-quizet3:">
t54:<a class="skip-link" href="#main">Skip to content</a>
t29:<header class="site-header">
t25:  <a class="brand" href="v-4:roott64:index.html"><span class="brand-mark" aria-hidden="true">Q</span>v-10:site.titlet5:</a>
t10:</header>
u-4:bodyt1:
t29:<footer class="site-footer">
t65:  <p>Every answer on this site was computed and checked by quizc v-15:compilerVersiont6:.</p>
t10:</footer>
s-6:isQuizt13:<script src="v-4:roott25:assets/quiz.js"></script>et1:
t8:</body>
t8:</html>
#15:multiple-choicet34:<form class="answer" data-answer>
t2:  s-8:isChoicep7:choices-et1:
t2:  s-8:isRevealt78:<p class="instruction">Think about your answer, then open the explanation.</p>et1:
t2:  p14:answer-actions2:  t8:</form>
#14:predict-outputt34:<form class="answer" data-answer>
t2:  s-8:isChoicet61:<p class="instruction">Which output does this code print?</p>p7:choices-et1:
s-6:isTextt34:  <label class="instruction" for="v-5:domIDt50:-text">Type exactly what this code prints</label>
t16:  <textarea id="v-5:domIDt117:-text" class="answer-text" rows="4" spellcheck="false" autocomplete="off" autocapitalize="off" data-text></textarea>
et2:  p14:answer-actions2:  t8:</form>
#8:questiont35:<section class="question card" id="v-5:domIDt17:" data-question="v-2:idt13:" data-type="v-4:typet19:" aria-labelledby="v-5:domIDt9:-title">
t23:  <div class="q-meta">
t29:    <span class="q-progress">v-12:progressTextt8:</span>
t34:    <span class="chip chip-label">v-9:typeLabelt8:</span>
t27:    <span class="chip chip-v-10:difficultyt2:">v-14:difficultyTextt8:</span>
t35:    <span class="q-spacer"></span>
t77:    <span class="q-timer" data-timer><span class="sr-only">Time limit </span>v-8:timeTextt8:</span>
t43:    <span class="q-attempts" data-attempts>v-12:attemptsTextt8:</span>
t9:  </div>
t10:  <h2 id="v-5:domIDt8:-title">v-5:titlet6:</h2>
t22:  <div class="prompt">u-10:promptHTMLt7:</div>
t2:  s-15:isPredictOutputp14:predict-output-et1:
t2:  s-16:isMultipleChoicep15:multiple-choice-et1:
t2:  s-7:isDebugp5:debug-et1:
t2:  s-12:isConceptualp10:conceptual-et1:
t64:  <div class="verdict" data-verdict role="status" hidden></div>
s-7:hasHintt35:  <details class="hint" data-hint>
t28:    <summary>Hint</summary>
t30:    <div class="details-body">u-8:hintHTMLt7:</div>
t13:  </details>
et49:  <details class="explanation" data-explanation>
t35:    <summary>Explanation</summary>
t30:    <div class="details-body">u-15:explanationHTMLt7:</div>
t4:    s-9:hasOutputt154:<div class="computed js-only" data-output hidden><p class="computed-title">Computed output</p><pre class="code"><code data-output-text></code></pre></div>et1:
t13:  </details>
t129:  <div class="actions js-only q-nav"><button type="button" class="btn btn-primary" data-next hidden>Next question</button></div>
t11:</section>
#4:quizt54:<main id="main" class="quiz" tabindex="-1" data-quiz>
s-4:quizt47:  <section class="quiz-intro card" data-intro>
t32:    <p class="eyebrow"><a href="v-4:roott32:index.html">All quizzes</a></p>
t8:    <h1>v-5:titlet6:</h1>
t20:    <p class="lead">v-11:descriptiont5:</p>
t28:    <div class="intro-body">u-9:introHTMLt7:</div>
t28:    <dl class="quiz-stats">
t34:      <div><dt>Challenges</dt><dd>v-18:challengeCountTextt12:</dd></div>
t34:      <div><dt>Total time</dt><dd>v-13:totalTimeTextt12:</dd></div>
t31:      <div><dt>To pass</dt><dd>v-8:passTextt12:</dd></div>
t10:    </dl>
t50:    <ul class="chips" aria-label="Difficulty mix">s-12:difficultiest21:<li class="chip chip-v-4:namet2:">v-4:textt5:</li>et6:</ul>
t4:    s-8:hasBadget376:<p class="quiz-badge"><svg class="medal-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false"><path d="M7 2h4l1.5 5h-4zM13 2h4l-2.5 5h-4z" fill="currentColor" opacity=".55"/><circle cx="12" cy="15" r="7" fill="currentColor"/><path d="M12 10.6l1.3 2.7 2.9.4-2.1 2 .5 2.9-2.6-1.4-2.6 1.4.5-2.9-2.1-2 2.9-.4z" fill="var(--surface)"/></svg> Badge: v-5:badget4:</p>et1:
t116:    <div class="actions js-only"><button type="button" class="btn btn-primary" data-start>Start quiz</button></div>
t13:  </section>
et54:  <div class="progress js-only" data-progress hidden>
t110:    <div class="progress-track" aria-hidden="true"><div class="progress-fill" data-progress-fill></div></div>
t106:    <p class="progress-text"><span data-progress-text></span> · <span data-score-text>Score 0</span></p>
t9:  </div>
t78:  <div class="sr-only" aria-live="polite" aria-atomic="true" data-live></div>
t25:  <ol class="questions">
s-10:challengest8:    <li>p8:question-t6:</li>
et8:  </ol>
s-4:quizt107:  <section class="results card js-only" data-results hidden tabindex="-1" aria-labelledby="results-title">
t46:    <h2 id="results-title">Quiz complete</h2>
t47:    <p class="score-big" data-final-score></p>
t49:    <div class="badge-earned" data-badge hidden>
t67:      <div class="medal" aria-hidden="true"><span>★</span></div>
t62:      <p><strong>Badge earned:</strong> <span data-badge-name>s-8:hasBadgev-5:badgeei-8:hasBadgev-5:titleet12:</span></p>
t11:    </div>
t65:    <p class="not-passed" data-not-passed hidden>Not passed yet. v-8:passTextt6:.</p>
t102:    <div class="actions"><button type="button" class="btn btn-primary" data-retry>Retry quiz</button>
t37:      <a class="btn btn-ghost" href="v-4:roott34:index.html">All quizzes</a></div>
t13:  </section>
et49:  <script type="application/json" id="quiz-data">u-8:dataJSONt10:</script>
t8:</main>

"""##
}
