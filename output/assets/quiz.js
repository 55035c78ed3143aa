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
