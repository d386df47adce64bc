// The tablet remote (docs/control-api.md "Tablet remote"). Plain script, no build step.
// The access token (needed on a bind other than 127.0.0.1) comes once from a link's #token=… or the
// login form and stays in localStorage; it is sent only to log in. The session the login opens names
// the person and is sent with every request (X-Remote-Session) and on the WebSocket (?session=).
"use strict";

const HEARTBEAT_MS = 100; // the server's dead-man stops a hold after 300 ms without one
const $ = (id) => document.getElementById(id);
const store = { token: "remote.token", lang: "remote.lang", session: "remote.session" };
let words = {};
let lang = "en";
let state = { cameras: [], events: [] };
let chosen = null; // the camera the pad drives
let socket = null;
let heartbeat = null;
let held = null; // {button, camera}
let unlockTimer = null;

// ---- words ---------------------------------------------------------------------------------------
function say(key, values = {}) {
  const text = words[key] || key;
  return text.replace(/\{(\w+)\}/g, (_all, name) => (name in values ? values[name] : `{${name}}`));
}

async function useLanguage(chosenLang) {
  lang = chosenLang === "id" ? "id" : "en";
  localStorage.setItem(store.lang, lang);
  words = await (await fetch(`/remote/i18n/${lang}.json`)).json();
  document.documentElement.lang = lang;
  document.title = say("title");
  document.querySelectorAll("[data-i18n]").forEach((el) => (el.textContent = say(el.dataset.i18n)));
  document.querySelectorAll("[data-i18n-placeholder]").forEach((el) => (el.placeholder = say(el.dataset.i18nPlaceholder)));
  document.querySelectorAll("[data-lang]").forEach((b) => b.setAttribute("aria-pressed", String(b.dataset.lang === lang)));
  if (!$("control").hidden) render();
}

function firstLanguage() {
  const saved = localStorage.getItem(store.lang);
  if (saved) return saved;
  return (navigator.languages || [navigator.language]).some((l) => /^(id|in)\b/i.test(l)) ? "id" : "en";
}

// ---- HTTP ----------------------------------------------------------------------------------------
async function call(method, path, body, headers = {}) {
  const session = sessionStorage.getItem(store.session);
  const sent = { ...headers };
  if (session && !("Authorization" in sent)) sent["X-Remote-Session"] = session;
  if (body !== undefined) sent["Content-Type"] = "application/json";
  const answer = await fetch(path, { method, headers: sent, body: body === undefined ? undefined : JSON.stringify(body) });
  const data = await answer.json().catch(() => ({ error: answer.statusText }));
  if (answer.status === 401 && data.code === "session") {
    endSession(say("session_ended"));
    throw new Error(say("session_ended"));
  }
  if (!answer.ok) throw Object.assign(new Error(data.error || answer.statusText), { status: answer.status, data });
  return data;
}

function tokenHeader() {
  const token = localStorage.getItem(store.token);
  return token ? { Authorization: `Bearer ${token}` } : {};
}

function tell(text, problem = false) {
  $("status").textContent = text;
  $("status").classList.toggle("problem", problem);
}

// ---- login ---------------------------------------------------------------------------------------
async function showLogin(message = "") {
  $("control").hidden = $("all-stop").hidden = $("logout").hidden = $("link").hidden = true;
  $("login").hidden = false;
  document.body.classList.remove("in");
  $("who").textContent = "";
  $("login-message").textContent = message;
  try {
    const { staff } = await call("GET", "/api/remote/staff", undefined, tokenHeader());
    $("token-row").hidden = true;
    const list = $("staff");
    const before = list.value;
    list.replaceChildren(...staff.map((m) => new Option(m.name, m.id)));
    if (before) list.value = before;
    if (!staff.length) $("login-message").textContent = say("no_staff");
  } catch (error) {
    if (error.status === 401) {
      $("token-row").hidden = false;
      $("login-message").textContent = say(localStorage.getItem(store.token) ? "token_wrong" : "token_needed");
    } else {
      $("login-message").textContent = say("refused", { reason: error.message });
    }
  }
}

async function logIn(event) {
  event.preventDefault();
  const typedToken = $("token").value.trim();
  if (!$("token-row").hidden && typedToken) {
    localStorage.setItem(store.token, typedToken);
    $("token").value = "";
    return showLogin();
  }
  const list = $("staff");
  const pin = $("pin").value;
  $("pin").value = "";
  const name = list.selectedOptions[0] ? list.selectedOptions[0].text : "";
  if (!list.value || !pin) {
    $("login-message").textContent = say("choose");
    return;
  }
  clearInterval(unlockTimer);
  $("login-message").textContent = say("checking", { name });
  $("login-button").disabled = true;
  try {
    const me = await call("POST", "/api/remote/login", { staff: Number(list.value), pin }, tokenHeader());
    sessionStorage.setItem(store.session, me.session);
    await startControl(me.name);
  } catch (error) {
    $("login-message").textContent = refusal(error, name);
  } finally {
    $("login-button").disabled = false;
  }
}

function refusal(error, name) {
  const data = error.data || {};
  switch (data.code) {
    case "wrong_pin":
      return say("wrong_pin", { name, attempts: data.attempts_left });
    case "locked":
      countDown(name, data.wrong, data.seconds);
      return $("login-message").textContent;
    case "inactive":
    case "unknown":
      return say(data.code, { name });
    case "no_log":
      return say("no_log", { reason: error.message });
    default:
      return error.status === 401 ? say("token_wrong") : say("refused", { reason: error.message });
  }
}

function countDown(name, wrong, seconds) {
  const until = Date.now() + seconds * 1000;
  const tick = () => {
    const left = Math.ceil((until - Date.now()) / 1000);
    if (left <= 0) {
      clearInterval(unlockTimer);
      $("login-message").textContent = say("may_try", { name });
    } else {
      $("login-message").textContent = say("locked", { name, wrong, seconds: left });
    }
  };
  clearInterval(unlockTimer);
  unlockTimer = setInterval(tick, 1000);
  tick();
}

function endSession(message) {
  sessionStorage.removeItem(store.session);
  stopHold();
  if (socket) {
    socket.onclose = null;
    socket.close();
    socket = null;
  }
  showLogin(message);
}

// ---- the console ---------------------------------------------------------------------------------
async function startControl(name) {
  $("login").hidden = true;
  document.body.classList.add("in");
  $("control").hidden = $("all-stop").hidden = $("logout").hidden = $("link").hidden = false;
  $("who").textContent = say("logged_in", { name });
  connect();
  loadShots();
}

function connect() {
  const session = encodeURIComponent(sessionStorage.getItem(store.session) || "");
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  tell(say("connecting"));
  socket = new WebSocket(`${scheme}://${location.host}/api/ws?session=${session}`);
  socket.onmessage = (message) => onPush(JSON.parse(message.data));
  socket.onopen = () => showLink(true);
  socket.onclose = () => {
    showLink(false);
    stopHold();
    socket = null;
    setTimeout(() => call("GET", "/api/remote/me").then(connect, () => {}), 1000);
  };
}

function showLink(up) {
  $("link").className = `link ${up ? "up" : "down"}`;
  $("link").textContent = say(up ? "connected" : "lost");
  if (up) tell("");
}

function onPush(event) {
  switch (event.type) {
    case "state":
      state = event;
      if (!chosen || !state.cameras.some((c) => c.id === chosen)) {
        const selected = state.cameras.find((c) => c.selected) || state.cameras[0];
        chosen = selected ? selected.id : null;
      }
      render();
      loadPresets();
      break;
    case "camera": {
      const camera = state.cameras.find((c) => c.id === event.camera);
      if (camera) Object.assign(camera, event);
      render();
      break;
    }
    case "events":
      state.events = event.events;
      loadShots();
      break;
    case "error":
      tell(event.reason, true);
      stopHold(false);
      break;
    default:
      break;
  }
}

function camera(id) {
  return state.cameras.find((c) => c.id === id);
}

function render() {
  $("cameras").replaceChildren(...state.cameras.map(cameraButton));
  const current = camera(chosen);
  $("pad-camera").textContent = current ? current.name : "";
  document.querySelectorAll(".preset").forEach((card) => {
    const number = Number(card.dataset.number);
    card.classList.toggle("current", !!current && current.preset === number && current.motion !== "moving");
    card.classList.toggle("target", !!current && current.target === number && current.motion === "moving");
  });
}

function cameraButton(c) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = `camera ${c.tally}${c.id === chosen ? " chosen" : ""}${c.online ? "" : " offline"}`;
  button.dataset.camera = c.id;
  const notes = [];
  if (!c.online) notes.push(say("offline"));
  if (c.tally === "program" || c.tally === "preview") notes.push(say(c.tally));
  if (c.motion === "moving" && c.target) notes.push(say("moving", { preset: c.presets[c.target] || c.target }));
  if (c.owner && !c.may_move) notes.push(c.owner);
  button.innerHTML = '<span class="tally"></span><span class="name"></span><span class="note"></span>';
  button.querySelector(".name").textContent = `${c.number}  ${c.name}`;
  button.querySelector(".note").textContent = notes.join(" · ");
  button.addEventListener("click", () => choose(c.id));
  return button;
}

async function choose(id) {
  stopHold();
  chosen = id;
  render();
  loadPresets();
  try {
    await call("POST", `/api/cameras/${encodeURIComponent(id)}/select`);
  } catch (error) {
    tell(error.message, true);
  }
}

async function loadPresets() {
  if (!chosen) return;
  const asked = chosen;
  const { presets } = await call("GET", `/api/cameras/${encodeURIComponent(asked)}/presets`);
  if (asked !== chosen) return;
  $("presets").replaceChildren(...presets.map(presetCard));
  if (!presets.length) $("presets").replaceChildren(empty("no_presets"));
  render();
}

function presetCard(p) {
  const card = document.createElement("button");
  card.type = "button";
  card.className = "preset";
  card.dataset.number = p.number;
  const picture = p.thumbnail ? document.createElement("img") : document.createElement("span");
  if (p.thumbnail) {
    picture.src = p.thumbnail;
    picture.alt = "";
  } else {
    picture.className = "blank";
  }
  const label = document.createElement("span");
  label.className = "label";
  label.innerHTML = "<b></b><span></span>";
  label.querySelector("b").textContent = p.number;
  label.querySelector("span").textContent = p.name || say("preset_n", { number: p.number });
  card.append(picture, label);
  card.addEventListener("click", () => act(`/api/cameras/${encodeURIComponent(chosen)}/presets/${p.number}/recall`));
  return card;
}

async function loadShots() {
  const { shots } = await call("GET", "/api/shots").catch(() => ({ shots: [] }));
  $("shots").replaceChildren(...shots.map(shotButton));
  if (!shots.length) $("shots").replaceChildren(empty("no_shots"));
}

function shotButton(s) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "shot";
  button.dataset.key = s.key;
  button.innerHTML = '<span class="key"></span><span class="what"></span>';
  button.querySelector(".key").textContent = s.key;
  const what = [s.camera_name, s.preset_name || (s.preset ? say("preset_n", { number: s.preset }) : ""), s.scene];
  button.querySelector(".what").textContent = what.filter(Boolean).join(" · ");
  button.addEventListener("click", () => act(`/api/shots/${s.key}/fire`));
  return button;
}

function empty(key) {
  const p = document.createElement("p");
  p.className = "empty";
  p.textContent = say(key);
  return p;
}

async function act(path) {
  try {
    await call("POST", path);
    tell("");
  } catch (error) {
    tell(error.message, true);
  }
}

// ---- holds: pointer down moves, up / leave / cancel / hidden page stops ---------------------------
function startHold(event) {
  const button = event.currentTarget;
  event.preventDefault();
  // a touch captures its pointer: let go of it, so that sliding off the button is a pointerleave
  if (button.hasPointerCapture(event.pointerId)) button.releasePointerCapture(event.pointerId);
  if (!chosen || !socket || socket.readyState !== WebSocket.OPEN) return;
  stopHold();
  const speed = Number($("speed").value);
  const zoomSpeed = Math.max(1, Math.min(7, Math.round(speed / 3)));
  const move = {
    type: "hold",
    camera: chosen,
    pan: Number(button.dataset.pan || 0) * speed,
    tilt: Number(button.dataset.tilt || 0) * speed,
    zoom: Number(button.dataset.zoom || 0) * zoomSpeed,
  };
  held = { button, camera: chosen };
  button.classList.add("held");
  socket.send(JSON.stringify(move));
  heartbeat = setInterval(() => socket && socket.send('{"type":"heartbeat"}'), HEARTBEAT_MS);
}

function stopHold(tellServer = true) {
  clearInterval(heartbeat);
  heartbeat = null;
  if (!held) return;
  held.button.classList.remove("held");
  if (tellServer && socket && socket.readyState === WebSocket.OPEN) {
    socket.send(JSON.stringify({ type: "release", camera: held.camera }));
  }
  held = null;
}

document.querySelectorAll(".hold").forEach((button) => {
  button.addEventListener("pointerdown", startHold);
  for (const name of ["pointerup", "pointerleave", "pointercancel"]) button.addEventListener(name, () => stopHold());
  button.addEventListener("contextmenu", (event) => event.preventDefault());
});
document.addEventListener("visibilitychange", () => document.hidden && stopHold());
window.addEventListener("blur", () => stopHold());
window.addEventListener("pagehide", () => stopHold());

// ---- the rest of the page ------------------------------------------------------------------------
$("all-stop").addEventListener("click", async () => {
  stopHold(false);
  try {
    await call("POST", "/api/stop-all");
    tell(say("all_stopped"));
  } catch (error) {
    tell(error.message, true);
  }
});
$("speed").addEventListener("input", () => ($("speed-value").textContent = $("speed").value));
$("login-form").addEventListener("submit", logIn);
$("logout").addEventListener("click", async () => {
  await call("POST", "/api/remote/logout").catch(() => {});
  endSession("");
});
document.querySelectorAll("[data-lang]").forEach((b) => b.addEventListener("click", () => useLanguage(b.dataset.lang)));

async function start() {
  const fromLink = new URLSearchParams(location.hash.slice(1)).get("token");
  if (fromLink) {
    localStorage.setItem(store.token, fromLink);
    history.replaceState(null, "", location.pathname); // not left in the address bar or the history
  }
  await useLanguage(firstLanguage());
  if (sessionStorage.getItem(store.session)) {
    try {
      const me = await call("GET", "/api/remote/me");
      return startControl(me.name);
    } catch (_error) {
      sessionStorage.removeItem(store.session);
    }
  }
  showLogin();
}

start();
