extension ExplorerPage {
    /// The page's script: state ⇄ controls ⇄ address bar, and the requests for figures and
    /// values (one at a time per target; the newest state replaces any waiting one).
    static let script = #"""
"use strict";
// The view's whole state, as the address bar's query holds it (defaults left out).
const DEFAULTS = {
  view: "losses", loss: "minimax,nonsat", player: "g", x: "logit", y: "grad", "real-logit": "0", "ls-target": "1",
  smoothing: "1", probe: "-2", mark: "on", precision: "double", form: "stable", size: "page", font: "sans", games: "minimax,nonsat,r1", steps: "300", lr: "0.1", schedule: "both", gamma: "", lambda: "1", theta: "0.5",
  objectives: "minimax,nonsat,wgan-gp,r1", data: "ring", rates: "shared", "ring-steps": "3000", seed: "1",
};
const state = { ...DEFAULTS };
for (const [k, v] of new URLSearchParams(location.search)) if (k in DEFAULTS) state[k] = v;

const $ = (id) => document.getElementById(id);
const FORMS = ["losses-form", "dirac-form", "distances-form", "training-form"];
const byId = Object.fromEntries(CATALOG.losses.map((l) => [l.id, l]));
const chosen = () => state.loss.split(",").filter((id) => id in byId).map((id) => byId[id]);
const gameList = () => CATALOG.games.filter((g) => state.games.split(",").includes(g.id));

// ---- What the server is asked for, as (name, value) pairs of the command's options.
function plotOptions() {
  const p = [["loss", state.loss]], L = chosen();
  if (state.player === "d") p.push(["player", "d"]);
  p.push(["x", state.x]);
  if (state.y === "loggrad") p.push(["y", "grad"], ["y-scale", "log"]); else p.push(["y", state.y]);
  if (relevant("real-logit") && state["real-logit"] !== "0") p.push(["real-logit", state["real-logit"]]);
  if (relevant("ls-target") && state["ls-target"] !== "1") p.push(["ls-target", state["ls-target"]]);
  if (relevant("smoothing") && state.smoothing !== "1") p.push(["smoothing", state.smoothing]);
  if (relevant("mark") && state.mark === "on") p.push(["mark", state.probe]);
  if (state.size === "column") p.push(["width", "3.3"], ["height", "2.5"]);
  if (state.size === "slides" || state.size === "slides-wide") p.push(["theme", state.size]);
  if (state.font !== "sans") p.push(["font", state.font]);
  return p;
}

function evalOptions() {
  const p = [["loss", state.loss]];
  if (state.player === "d") p.push(["player", "d"], ["real-logit", state.probe], ["fake-logit", state.probe]);
  else p.push(["logit", state.probe]);
  if (relevant("real-logit") && state["real-logit"] !== "0") p.push(["real-logit", state["real-logit"]]);
  if (relevant("ls-target") && state["ls-target"] !== "1") p.push(["ls-target", state["ls-target"]]);
  if (relevant("smoothing") && state.smoothing !== "1") p.push(["smoothing", state.smoothing]);
  if (state.precision !== "double") p.push(["precision", state.precision]);
  return p;
}

function diracOptions() {
  const p = [["loss", state.games]];
  if (state.steps !== DEFAULTS.steps) p.push(["steps", state.steps]);
  if (state.lr !== DEFAULTS.lr) p.push(["lr", state.lr]);
  if (state.schedule !== DEFAULTS.schedule) p.push(["schedule", state.schedule]);
  return p.concat(weightOptions());
}

// The DiracGAN weights that differ from the games' own and apply to the games chosen.
function weightOptions() {
  const p = [];
  if (relevant("gamma") && state.gamma !== "") p.push(["gamma", state.gamma]);
  if (relevant("lambda") && state.lambda !== DEFAULTS.lambda) p.push(["lambda", state.lambda]);
  return p;
}

// Whether a parameter's control applies to the losses chosen.
function relevant(name) {
  const L = chosen();
  switch (name) {
    case "real-logit": return state.player === "g" && L.some((l) => l.relativistic);
    case "ls-target": return state.player === "g" && L.some((l) => l.id === "lsgan");
    case "smoothing": return state.player === "d" && L.length > 0 && L.every((l) => l.bce);
    case "form": return state.player === "g" && L.some((l) => l.id === "minimax" || l.id === "nonsat");
    case "mark": { // the probe within the x axis: ℓ, or D = σ(ℓ) on an axis of D
      const l = Number(state.probe), at = state.x === "logit" ? l : 1 / (1 + Math.exp(-l));
      const [lo, hi] = CATALOG.axes[state.x];
      return lo <= at && at <= hi;
    }
    case "gamma": return gameList().some((g) => g.gamma !== null) && gameList().filter((g) => g.r1).length < 2;
    case "lambda": return state.games.split(",").includes("wgan-gp");
  }
  return true;
}

const query = (options) => options.map(([k, v]) => encodeURIComponent(k) + "=" + encodeURIComponent(v)).join("&");
const shellWord = (w) => (/^[\w.,:=+\/-]+$/.test(w) ? w : "'" + w.replace(/'/g, "'\\''") + "'");
const command = (words, options) =>
  ["gan-losses", ...words, ...options.map(([k, v]) => (v.startsWith("-") ? `--${k}=${v}` : `--${k} ${shellWord(v)}`))].join(" ");

// ---- Loading: one request per target at a time; a newer state waits for it and replaces any other waiting.
const loaders = {};
function load(name, url, show) {
  const l = (loaders[name] ||= { busy: false, next: null });
  l.next = { url, show };
  if (!l.busy) pump(l);
  busy();
}
async function pump(l) {
  l.busy = true;
  while (l.next) {
    const { url, show } = l.next;
    l.next = null;
    try {
      const r = await fetch(url);
      if (r.ok) await show(r, url, null); else await show(null, url, (await r.text()).trim());
    } catch (e) {
      await show(null, url, "the explorer does not answer: is gan-losses serve still running?");
    }
  }
  l.busy = false;
  busy();
}
const busy = () => (document.body.dataset.busy = Object.values(loaders).some((l) => l.busy || l.next) ? "1" : "0");

function showFigure(img, error) {
  return async (response, url, message) => {
    $(error).textContent = message ? "Error: " + message : "";
    img.classList.toggle("stale", !!message);
    if (response) await showImage(img, await response.blob(), url);
  };
}

// Shows `blob` in `img`, larger than print size, the sizes in proportion; `source` names what it is.
async function showImage(img, blob, source) {
  const old = img.src;
  await new Promise((done) => { img.onload = img.onerror = done; img.src = URL.createObjectURL(blob); });
  img.style.width = img.naturalWidth * 1.6 + "px";
  img.dataset.src = source;
  if (old.startsWith("blob:")) URL.revokeObjectURL(old);
}

// The view's PNG, SVG and PDF links: the server's `path`.ext for `opts`, saved as `name`.ext.
function exportLinks(view, path, opts, name) {
  for (const f of ["png", "svg", "pdf"]) {
    const a = $(`${view}-${f}`);
    a.href = `${path}.${f}?` + query(opts);
    a.download = `${name}.${f}`;
  }
}

// `table`'s header row of `titles` and its body of `rows`, each row's first cell its header.
function fillTable(table, titles, rows) {
  const cell = (row, text, scope) => { const th = document.createElement("th"); th.scope = scope; th.textContent = text; row.append(th); };
  const head = table.tHead.insertRow();
  for (const t of titles) cell(head, t, "col");
  for (const [name, ...values] of rows) {
    const r = table.tBodies[0].insertRow();
    cell(r, name, "row");
    for (const v of values) r.insertCell().textContent = v;
  }
}

const number = (v) => (typeof v === "number" ? String(v) : v == null ? "—" : v);

// ---- The losses view.
function renderLosses() {
  const opts = plotOptions();
  const base = state.loss.split(",").join("-") + (state.player === "d" ? "-d" : "") + "-" + (state.y === "loggrad" ? "grad" : state.y) + "-vs-" + state.x;
  load("losses-figure", "figure.svg?" + query(opts), showFigure($("losses-figure"), "losses-error"));
  exportLinks("losses", "figure", opts, base);
  $("losses-command").textContent = command(["plot"], opts) + ` -o ${base}.svg`;
  const eopts = evalOptions();
  const naive = naiveOptions();
  $("losses-eval").textContent = command(["eval"], eopts) + (naive ? "; " + command(["eval"], naive) : "");
  load("probe", "eval.json?" + query(eopts), showValues);
}

// With the textbook formulas asked for: eval --form naive for the chosen losses that have one.
function naiveOptions() {
  const ids = chosen().map((l) => l.id).filter((id) => id === "minimax" || id === "nonsat");
  if (state.form !== "naive" || state.player !== "g" || !ids.length) return null;
  const p = [["loss", ids.join(",")], ["logit", state.probe], ["form", "naive"]];
  if (state.precision !== "double") p.push(["precision", state.precision]);
  return p;
}

async function showValues(response, url, message) {
  const table = $("probe-table"), head = table.tHead, body = table.tBodies[0];
  head.replaceChildren(); body.replaceChildren();
  const l = Number(state.probe), d = 1 / (1 + Math.exp(-l));
  const g = state.player === "g";
  $("probe-title").textContent = g
    ? `At the probe ℓ = ${state.probe} (D = ${d.toPrecision(6)}), in ${state.precision}`
    : `At the probe ℓ_r = ℓ_f = ${state.probe}, in ${state.precision}`;
  if (!response) { $("losses-caption").textContent = message ? "No values: " + message : ""; return; }
  const rows = await response.json();
  const cols = g ? [["value", "L"], ["grad_logit", "∂L/∂ℓ"], ["grad_d", "∂L/∂D"]] : [["value", "L_D"], ["grad_real", "∂L_D/∂ℓ_r"], ["grad_fake", "∂L_D/∂ℓ_f"]];
  const naive = naiveOptions();
  if (naive) {
    const r = await fetch("eval.json?" + query(naive));
    if (r.ok) for (const row of await r.json()) rows.push({ ...row, loss: `${row.loss}, textbook ${row.loss === "nonsat" ? "−log σ(ℓ)" : "log(1 − σ(ℓ))"}` });
  }
  fillTable(table, ["loss", ...cols.map((c) => c[1])], rows.map((row) => [row.loss, ...cols.map(([k]) => number(row[k]))]));
  const said = rows.map((row) => `${row.loss}: ` + cols.map(([k, t]) => `${t} = ${number(row[k])}`).join(", "));
  const what = $("y").selectedOptions[0].textContent, against = $("x").selectedOptions[0].textContent;
  const text = `${what} of ${state.loss.replaceAll(",", ", ")} (${g ? "generator" : "discriminator"}) against ${against}. ${$("probe-title").textContent}: ${said.join("; ")}.`;
  $("losses-figure").alt = text;
  $("losses-caption").textContent = text.slice(0, text.indexOf(". ") + 1);
}

// ---- The DiracGAN view.
function renderDirac() {
  const opts = diracOptions();
  load("dirac-figure", "dirac.svg?" + query(opts), showFigure($("dirac-figure"), "dirac-error"));
  exportLinks("dirac", "dirac", opts, "dirac");
  $("dirac-command").textContent = command(["simulate", "dirac"], opts) + " -o dirac.svg";
  const eopts = [["loss", state.games]].concat(state.lr !== DEFAULTS.lr ? [["lr", state.lr]] : [], weightOptions());
  const schedules = state.schedule === "both" ? "simultaneous (dashed) and alternating (solid) steps" : state.schedule + " steps";
  $("dirac-caption").textContent = `Each game's gradient field on (θ, ψ), with ${state.steps} ${schedules} of size ${state.lr} from (1, 1).`;
  $("dirac-eigen").textContent = command(["simulate", "dirac", "--eigenvalues"], eopts);
  load("eigen", "eigenvalues.csv?" + query(eopts), showEigenvalues);
}

async function showEigenvalues(response, url, message) {
  const table = $("eigen-table");
  table.tHead.replaceChildren(); table.tBodies[0].replaceChildren();
  if (!response) return;
  const [header, ...rows] = (await response.text()).trim().split("\n").map((l) => l.split(","));
  const complex = (re, im) => (re === "" ? "—" : Number(im) === 0 ? re : `${re} ${Number(im) < 0 ? "−" : "+"} ${String(Math.abs(Number(im)))}i`);
  fillTable(table, ["game", "eigenvalue 1", "eigenvalue 2", "simultaneous step", "alternating step"],
            rows.map((c) => [c[0], complex(c[1], c[2]), complex(c[3], c[4]), c[5] || "—", c[6] || "—"]));
}

// ---- The distances view.
function renderDistances() {
  const opts = [["theta", state.theta]];
  load("distances-figure", "distances.svg?" + query(opts), showFigure($("distances-figure"), "distances-error"));
  exportLinks("distances", "distances", opts, "parallel-lines");
  $("distances-command").textContent = command(["distances"], opts) + " -o parallel-lines.svg";
  $("distances-values").textContent = command(["distances"], opts);
  load("distance-values", "distances.json?" + query(opts), showDistances);
}

async function showDistances(response) {
  const table = $("distances-table");
  table.tHead.replaceChildren(); table.tBodies[0].replaceChildren();
  if (!response) return;
  const rows = await response.json();
  fillTable(table, ["distance", "value", "d/dθ"], rows.map((row) => [row.distance, number(row.value), number(row.derivative)]));
  const text = `Two parallel lines θ = ${state.theta} apart: ` + rows.map((r) => `${r.distance} = ${number(r.value)}, d/dθ = ${number(r.derivative)}`).join("; ") + ".";
  $("distances-figure").alt = text;
  $("distances-caption").textContent = text;
}

// ---- The training view: a WebSocket per run, its messages shown as they come.
const training = { socket: null, run: null, status: "idle", step: 0, steps: 0 };

function trainingOptions() {
  const p = [["loss", state.objectives]];
  if (state.data !== DEFAULTS.data) p.push(["data", state.data]);
  if (state.rates !== DEFAULTS.rates) p.push(["rates", state.rates]);
  if (state["ring-steps"] !== DEFAULTS["ring-steps"]) p.push(["steps", state["ring-steps"]]);
  if (state.seed !== DEFAULTS.seed) p.push(["seed", state.seed]);
  return p;
}

function renderTraining() {
  const opts = trainingOptions();
  exportLinks("training", "ring", opts, "ring");
  $("training-command").textContent = command(["simulate", "ring"], opts) + " -o ring.svg";
  if (query(opts) !== training.run) train(query(opts)); // a new run; the same one goes on
}

function train(run) {
  if (training.socket) { training.socket.onmessage = training.socket.onclose = null; training.socket.close(); }
  Object.assign(training, { run, status: "training", step: 0 });
  $("training-error").textContent = "";
  const url = new URL("training?" + run, location.href);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  const socket = (training.socket = new WebSocket(url));
  socket.onmessage = (event) => {
    const m = JSON.parse(event.data);
    if (m.error) { $("training-error").textContent = "Error: " + m.error; trainingStatus("refused"); return; }
    showTraining(m);
  };
  socket.onclose = () => { if (training.status === "training" || training.status === "paused") trainingStatus("lost"); };
  trainingStatus("training");
}

function send(command) {
  if (training.socket?.readyState === WebSocket.OPEN) training.socket.send(command);
}

async function showTraining(m) {
  Object.assign(training, { step: m.step, steps: m.steps });
  const table = $("training-table");
  table.tHead.replaceChildren(); table.tBodies[0].replaceChildren();
  fillTable(table, ["objective", "modes covered", "samples within 3σ"],
            m.objectives.map((o) => [o.id, `${o.modes} of ${o.of}`, (100 * o.share).toFixed(1) + "%"]));
  const said = m.objectives.map((o) => `${o.id} ${o.modes} of ${o.of} modes, ${(100 * o.share).toFixed(1)}% within 3σ`).join("; ");
  const text = `The generator's samples over the modes (grey) at step ${m.step} of ${m.steps}: ${said}.`;
  $("training-figure").alt = text;
  $("training-caption").textContent = m.done
    ? `Done: the figure of the command line, the samples at a quarter, half, three quarters and all of the ${m.steps} steps.`
    : `Each objective's samples at step ${m.step} of ${m.steps}.`;
  if (m.done) trainingStatus("done");
  await showImage($("training-figure"), new Blob([m.figure], { type: "image/svg+xml" }), `step ${m.step}`);
  document.body.dataset.trainingStep = m.step;
  trainingStatus(training.status);
}

function trainingStatus(status) {
  training.status = status;
  document.body.dataset.training = status;
  const words = { training: "training", paused: "paused", done: "done", refused: "refused", lost: "stopped: the explorer does not answer" };
  $("training-status").textContent = training.steps ? `Step ${training.step} of ${training.steps}: ${words[status]}` : words[status];
  $("train-pause").textContent = status === "paused" ? "Resume" : "Pause";
  $("train-pause").disabled = $("train-step").disabled = !(status === "training" || status === "paused");
}

$("train-pause").addEventListener("click", () => {
  const resume = training.status === "paused";
  send(resume ? "resume" : "pause");
  trainingStatus(resume ? "training" : "paused");
});
$("train-step").addEventListener("click", () => { send("step"); trainingStatus("paused"); });
$("train-again").addEventListener("click", () => train(training.run ?? query(trainingOptions())));

// ---- Controls ⇄ state ⇄ address bar.
function checkboxes(container, items, key) {
  for (const item of items) {
    const label = document.createElement("label"), box = document.createElement("input");
    box.type = "checkbox"; box.value = item.id; box.name = key;
    label.append(box, " " + item.id);
    label.title = item.label;
    $(container).append(label);
  }
}

function syncControls() {
  for (const form of FORMS) {
    for (const el of $(form).elements) {
      if (!el.name) continue;
      if (el.type === "radio") el.checked = state[el.name] === el.value;
      else if (el.type === "checkbox") el.checked = state[el.name].split(",").includes(el.value);
      else el.value = state[el.name];
    }
    for (const out of $(form).querySelectorAll("output")) out.textContent = state[out.htmlFor.value];
  }
  // γ left to the games: the slider stands at the first chosen game's own, and says so.
  const own = gameList().find((g) => g.gamma !== null);
  if (state.gamma === "") {
    $("gamma").value = own ? own.gamma : 1;
    $("gamma").labels[0].querySelector("output").textContent = "each game's own";
  }
  $("gamma-reset").disabled = state.gamma === "" || !relevant("gamma");
  for (const name of ["real-logit", "ls-target", "smoothing", "form", "mark", "gamma", "lambda"]) {
    const on = relevant(name);
    $(name).disabled = !on;
    for (const el of [$(name), $(name).labels[0], $(name + "-note")]) el?.classList.toggle("inactive", !on);
  }
  for (const tab of document.querySelectorAll("[role=tab]")) {
    const on = tab.dataset.view === state.view;
    tab.setAttribute("aria-selected", on);
    tab.tabIndex = on ? 0 : -1;
    $(tab.dataset.view).hidden = !on;
  }
}

function writeAddress() {
  const q = Object.entries(state).filter(([k, v]) => v !== DEFAULTS[k]);
  history.replaceState(null, "", q.length ? "?" + query(q) : location.pathname);
}

function update() {
  syncControls();
  writeAddress();
  if (state.view === "losses") renderLosses();
  else if (state.view === "dirac") renderDirac();
  else if (state.view === "training") renderTraining();
  else renderDistances();
}

function read(event) {
  const el = event.target;
  if (!el.name) return;
  if (el.type === "checkbox") {
    const boxes = [...el.form.elements].filter((b) => b.name === el.name && b.checked).map((b) => b.value);
    if (!boxes.length) { el.checked = true; return; } // at least one stays chosen
    state[el.name] = boxes.join(",");
  } else state[el.name] = el.value;
  update();
}

checkboxes("loss-list", CATALOG.losses, "loss");
checkboxes("game-list", CATALOG.games, "games");
checkboxes("objective-list", CATALOG.objectives, "objectives");
for (const form of FORMS) {
  $(form).addEventListener("input", read);
  $(form).addEventListener("submit", (e) => e.preventDefault());
}
for (const tab of document.querySelectorAll("[role=tab]")) {
  tab.addEventListener("click", () => { state.view = tab.dataset.view; update(); });
  tab.addEventListener("keydown", (e) => {
    if (e.key !== "ArrowRight" && e.key !== "ArrowLeft") return;
    const tabs = [...document.querySelectorAll("[role=tab]")], i = tabs.indexOf(tab);
    const next = tabs[(i + (e.key === "ArrowRight" ? 1 : tabs.length - 1)) % tabs.length];
    state.view = next.dataset.view; update(); next.focus();
  });
}
$("gamma-reset").addEventListener("click", () => { state.gamma = ""; update(); $("gamma").focus(); });
$("copy-link").addEventListener("click", async () => {
  try { await navigator.clipboard.writeText(location.href); $("copy-link").textContent = "Link copied"; }
  catch { prompt("The link to this view:", location.href); }
  setTimeout(() => ($("copy-link").textContent = "Copy link"), 1500);
});
update();
"""#
}
