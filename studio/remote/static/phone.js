/* 直播中控台 · 手机遥控. No build step, no CDN, plain ES5 (WeChat's in-app browser included).
 * The token comes once in the address (?token=…, from the console's QR code), is kept on this
 * phone (localStorage) and taken out of the address bar. Presses go over HTTP (each answers with
 * the result); the state comes over a WebSocket that reconnects by itself. */
(function () {
  "use strict";
  var STORE = "studio-console-token";
  var FEEDBACK_MS = 8000, ASK_MS = 5000;
  var token = "";
  var state = null, offset = 0;            // server clock − phone clock (s)
  var feedback = {};                        // key id → {kind, text, until}
  var armed = {};                           // key id → until (ms): "press again to confirm"
  var busy = {};
  var socket = null, retry = 0, retryTimer = null, stopped = false;

  function $(id) { return document.getElementById(id); }

  function readToken() {
    var m = /[?&]token=([^&#]+)/.exec(location.search);
    if (m) {
      token = decodeURIComponent(m[1]);
      try { localStorage.setItem(STORE, token); } catch (e) { /* private mode: keep it in memory */ }
      if (history.replaceState) { history.replaceState(null, "", location.pathname); }
    } else {
      try { token = localStorage.getItem(STORE) || ""; } catch (e) { token = ""; }
    }
  }

  function notice(text) {
    var n = $("notice");
    n.textContent = text || "";
    n.hidden = !text;
  }

  function conn(kind, text) {
    var c = $("conn");
    c.className = "conn conn-" + kind;
    c.textContent = text;
  }

  function mmss(seconds) {
    var s = Math.max(0, Math.round(seconds)), m = Math.floor(s / 60);
    s = s % 60;
    return (m < 10 ? "0" : "") + m + ":" + (s < 10 ? "0" : "") + s;
  }

  function now() { return Date.now() / 1000 + offset; }

  // --- rendering ---------------------------------------------------------------------------

  function renderTop() {
    var o = state.onair, el = $("onair");
    if (o) {
      el.className = "onair sev-" + o.severity;
      el.textContent = o.text + (o.stream_seconds ? " · " + mmss(o.stream_seconds + (now() - state.now)) : "");
    } else {
      el.className = "onair sev-" + (state.show && state.show.live ? "ok" : "idle");
      el.textContent = state.show && state.show.live ? "演出进行中" : "未开播";
    }
    $("target").textContent = "操作对象：" + (state.target || "—");
    var h = state.health;
    $("health").textContent = h ? h.word + (h.kbps ? " · " + Math.round(h.kbps) + " kbit/s" : "") : "—";
  }

  function renderClock() {
    var show = state.show, since = now() - state.now;
    var title = $("onair-title"), time = $("onair-time");
    if (show && show.on_air) {
      var elapsed = show.on_air.elapsed_s + since;
      title.textContent = show.on_air.title;
      time.textContent = mmss(elapsed) + " / " + mmss(show.on_air.target_s);
      time.className = "time" + (elapsed > show.on_air.target_s ? " over" : "");
    } else {
      title.textContent = show ? "—" : "演出未开始";
      time.textContent = "";
    }
    $("next-title").textContent = show && show.next ? show.next.title : "—";
    var list = $("timers");
    list.innerHTML = "";
    var timers = show ? show.timers : [];
    for (var i = 0; i < timers.length; i++) {
      var li = document.createElement("li"), a = document.createElement("span"), b = document.createElement("span");
      a.textContent = timers[i].label;
      b.textContent = mmss(timers[i].remaining_s - since);
      li.appendChild(a); li.appendChild(b);
      list.appendChild(li);
    }
  }

  function keyButton(key) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "key";
    b.id = "key-" + key.id;
    b.setAttribute("data-key", key.id);
    var sc = document.createElement("span"); sc.className = "sc"; sc.textContent = key.shortcut || "";
    var label = document.createElement("span"); label.className = "label";
    var subject = document.createElement("span"); subject.className = "subject";
    var result = document.createElement("span"); result.className = "result"; result.hidden = true;
    b.appendChild(sc); b.appendChild(label); b.appendChild(subject); b.appendChild(result);
    b.addEventListener("click", function () { press(key.id, "run"); });
    var fix = document.createElement("button");   // the one-click fix after a refusal
    fix.type = "button";
    fix.className = "fix";
    fix.id = "fix-" + key.id;
    fix.hidden = true;
    fix.addEventListener("click", function () { press(key.id, "fix"); });
    var cell = document.createElement("div");
    cell.className = "cell";
    cell.appendChild(b); cell.appendChild(fix);
    return cell;
  }

  function renderPad() {
    var pad = $("pad"), keys = state.keys, t = Date.now();
    var ids = [];
    for (var i = 0; i < keys.length; i++) { ids.push(keys[i].id); }
    if (pad.getAttribute("data-ids") !== ids.join(",")) {   // the pad's keys changed: rebuild
      pad.innerHTML = "";
      for (i = 0; i < keys.length; i++) { pad.appendChild(keyButton(keys[i])); }
      pad.setAttribute("data-ids", ids.join(","));
    }
    for (i = 0; i < keys.length; i++) {
      var key = keys[i], b = $("key-" + key.id), f = feedback[key.id];
      if (f && f.until && f.until < t) { f = null; delete feedback[key.id]; }
      var isArmed = armed[key.id] && armed[key.id] > t;
      b.querySelector(".label").textContent = isArmed ? "再按一次确认" : key.label;
      b.querySelector(".subject").textContent = isArmed ? key.label : (key.subject || (key.enabled ? "" : key.why_not));
      var kind = busy[key.id] ? "pending" : f ? f.kind : "";
      var text = busy[key.id] ? "发送中…" : f ? f.text : (key.enabled ? key.last_result : "");
      var r = b.querySelector(".result");
      r.textContent = text || "";
      r.hidden = !text;
      b.className = "key" + (kind ? " " + kind : "");
      b.disabled = !key.enabled && !busy[key.id];
      b.setAttribute("data-state", kind || key.state);
      var fix = $("fix-" + key.id);
      fix.textContent = key.fix ? "🔧 " + key.fix.label : "";
      fix.hidden = !key.fix || busy[key.id];
    }
  }

  function render() {
    if (!state) { return; }
    renderTop();
    renderClock();
    renderPad();
  }

  // --- pressing ------------------------------------------------------------------------------

  function request(method, path, done) {
    var x = new XMLHttpRequest();
    x.open(method, path, true);
    x.setRequestHeader("Authorization", "Bearer " + token);
    x.timeout = 20000;
    x.onload = function () {
      var body = null;
      try { body = JSON.parse(x.responseText); } catch (e) { body = null; }
      done(x.status, body);
    };
    x.onerror = function () { done(0, null); };
    x.ontimeout = function () { done(-1, null); };
    x.send(null);
  }

  var WORDS = { sent: "✓ 已完成", partial: "⚠ 部分完成", refused: "✗ 未发送", failed: "✗ 失败", error: "✗ 未执行" };

  function press(id, what) {
    if (busy[id]) { return; }
    var confirm = what === "run" && armed[id] && armed[id] > Date.now();
    delete armed[id];
    busy[id] = true;
    delete feedback[id];
    render();
    var path = "/api/v1/actions/" + encodeURIComponent(id) + "/" + what + "?source=phone" +
      (confirm ? "&confirmed=1" : "");
    request("POST", path, function (status, body) {
      busy[id] = false;
      var until = Date.now() + FEEDBACK_MS;
      if (status === 401) {
        feedback[id] = { kind: "failed", text: "✗ 令牌无效：请在中控台重新扫码", until: until };
        notice("令牌无效或已更换。请在中控台「遥控」页重新扫描二维码。");
      } else if (status === 429) {
        feedback[id] = { kind: "failed", text: "✗ 按得太快了，稍等再按", until: until };
      } else if (status <= 0) {
        feedback[id] = { kind: "failed", text: "✗ 未送达：与中控台的连接断了（操作未执行）", until: until };
      } else if (body && body.status === "ask") {
        armed[id] = Date.now() + ASK_MS;
        feedback[id] = { kind: "ask", text: "❓ " + body.message, until: Date.now() + ASK_MS };
        setTimeout(render, ASK_MS + 50);
      } else if (body) {
        var kind = body.status === "sent" ? "done" : body.status === "partial" ? "partial" : "failed";
        feedback[id] = { kind: kind, text: (WORDS[body.status] || "") + (body.message ? "：" + body.message : ""),
                         until: until };
      } else {
        feedback[id] = { kind: "failed", text: "✗ 中控台没有给出结果（" + status + "）", until: until };
      }
      if (body && body.key && state) {   // the key as it is now, before the socket says so
        for (var i = 0; i < state.keys.length; i++) { if (state.keys[i].id === id) { state.keys[i] = body.key; } }
      }
      render();
      setTimeout(render, FEEDBACK_MS + 50);
    });
  }

  // --- the live state ------------------------------------------------------------------------

  function connect() {
    if (stopped) { return; }
    if (!token) {
      conn("bad", "未授权");
      notice("请用中控台「遥控」页的二维码打开本页。");
      return;
    }
    conn("wait", retry ? "重新连接中…" : "连接中…");
    var ws;
    try {
      ws = new WebSocket("ws://" + location.host + "/api/v1/ws?token=" + encodeURIComponent(token));
    } catch (e) { schedule(); return; }
    socket = ws;
    ws.onopen = function () { retry = 0; conn("ok", "已连接"); notice(""); };
    ws.onmessage = function (ev) {
      var msg;
      try { msg = JSON.parse(ev.data); } catch (e) { return; }
      if (msg.type === "state") {
        state = msg;
        offset = msg.now - Date.now() / 1000;
        render();
      }
    };
    ws.onclose = function (ev) {
      if (socket !== ws) { return; }
      socket = null;
      if (ev.code === 4001) {
        conn("bad", "令牌已更换");
        notice("中控台更换了遥控令牌。请重新扫描二维码。");
        stopped = true;
        return;
      }
      conn("bad", "连接已断开");
      // Was it the token? A plain request says (a refused WebSocket tells the page nothing).
      request("GET", "/api/v1/state", function (status) {
        if (status === 401) {
          conn("bad", "未授权");
          notice("令牌无效或已更换。请在中控台「遥控」页重新扫描二维码。");
          stopped = true;
        } else {
          schedule();
        }
      });
    };
  }

  function schedule() {
    if (retryTimer || stopped) { return; }
    retry += 1;
    var wait = Math.min(5000, 500 * retry);
    conn("wait", "重新连接中…");
    retryTimer = setTimeout(function () { retryTimer = null; connect(); }, wait);
  }

  readToken();
  connect();
  setInterval(function () { if (state) { renderTop(); renderClock(); } }, 1000);
  document.addEventListener("visibilitychange", function () {   // back from the lock screen
    if (!document.hidden && !socket && !stopped) { retry = 0; if (retryTimer) { clearTimeout(retryTimer); retryTimer = null; } connect(); }
  });
})();
