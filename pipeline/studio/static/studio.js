// The studio's page: three views over the JSON API, plain DOM, no framework.
"use strict";

const $ = (selector, root = document) => root.querySelector(selector);
const state = { meta: null, chapter: null, lines: [], detail: null, polling: null };

async function api(method, url, body) {
  const options = { method, headers: {} };
  if (body !== undefined) {
    options.headers["Content-Type"] = "application/json";
    options.body = JSON.stringify(body);
  }
  const response = await fetch(url, options);
  const data = await response.json().catch(() => ({ error: `${response.status} ${response.statusText}` }));
  if (!response.ok) throw new Error(data.error || `${response.status}`);
  return data;
}

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === "class") node.className = value;
    else if (key === "style") Object.assign(node.style, value);    // through CSSOM: the page's CSP forbids inline styles
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (value !== null && value !== undefined) node.setAttribute(key, value);
  }
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(child ?? ""));
  return node;
}

// One colour per character, the same on every visit: a hue from the name.
function colour(name) {
  if (!name || name === "narrator") return "#6e7781";
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + ch.codePointAt(0)) >>> 0;
  return `hsl(${hash % 360}, 58%, 40%)`;
}

function clock(seconds) {
  if (seconds === null || seconds === undefined) return "";
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${(seconds - minutes * 60).toFixed(1).padStart(4, "0")}`;
}

// ------------------------------------------------------------------ routing

function show(view) {
  for (const section of document.querySelectorAll(".view")) section.hidden = section.id !== `view-${view}`;
  for (const link of document.querySelectorAll("nav a")) link.classList.toggle("active", link.id === `nav-${view}`);
}

async function route() {
  const [, view, arg] = (location.hash || "#/chapters").split("/");
  try {
    if (view === "script") {
      show("script");
      await openChapter(Number(arg) || 1);
    } else if (view === "cast") {
      show("cast");
      await loadCast();
    } else {
      show("chapters");
      await loadChapters();
    }
  } catch (error) {
    showProblem(error.message);
  }
}

function showProblem(message) {
  const box = $("#script-problem");
  box.textContent = message || "";
  box.hidden = !message;
}

// ------------------------------------------------------------------ chapters

async function loadChapters() {
  const chapters = await api("GET", "/api/chapters");
  const body = $("#chapter-table tbody");
  body.replaceChildren(...chapters.map((c) => {
    const verdictClass = c.verdict && c.verdict.startsWith("publishable") ? "verdict-ok" : "verdict-bad";
    const button = element("button", { type: "button", class: "render-chapter", onclick: async () => {
      button.disabled = true;
      button.textContent = "Rendering…";
      try { await api("POST", `/api/chapters/${c.chapter}/render`, {}); } catch (error) { alert(error.message); }
      await loadChapters();
    } }, c.rendering ? "Rendering…" : "Render");
    button.disabled = Boolean(c.rendering);
    return element("tr", { "data-chapter": c.chapter },
      element("td", {}, element("a", { href: `#/script/${c.chapter}` }, `${c.chapter}`)),
      element("td", {}, c.title, c.problem ? element("div", { class: "error" }, c.problem) : ""),
      element("td", {}, c.rendered ? "yes" : "no"),
      element("td", {}, c.duration_s ? `${(c.duration_s / 60).toFixed(1)} min` : ""),
      element("td", {}, c.integrated_lufs !== null && c.integrated_lufs !== undefined
        ? `${c.integrated_lufs.toFixed(1)} LUFS, ${c.true_peak_dbtp.toFixed(1)} dBTP` : ""),
      element("td", { class: c.verdict ? verdictClass : "" }, c.verdict || (c.rendered ? "not checked" : "")),
      element("td", {}, button));
  }));
}

// ------------------------------------------------------------------ script

async function openChapter(number) {
  state.chapter = number;
  const chapters = await api("GET", "/api/chapters");
  const select = $("#chapter-select");
  select.replaceChildren(...chapters.map((c) => element("option", { value: c.chapter }, `${c.chapter}: ${c.title}`)));
  select.value = String(number);
  await refreshScript();
}

async function refreshScript() {
  const number = state.chapter;
  const [detail, lines] = await Promise.all([api("GET", `/api/chapters/${number}`), api("GET", `/api/chapters/${number}/lines`)]);
  state.detail = detail;
  state.lines = lines;
  $("#script-title").textContent = detail.title;
  showProblem(detail.problem);
  const episode = $("#episode-player");
  if (detail.episode_url && !episode.src.endsWith(detail.episode_url)) episode.src = detail.episode_url;
  const scenes = $("#scenes");
  scenes.replaceChildren(...detail.scenes.map((scene) => {
    const list = element("ol");
    for (const line of lines.filter((l) => l.scene === scene.id)) list.append(renderLine(line));
    return element("section", { class: "scene", "data-scene": scene.id },
      element("div", { class: "scene-head" }, element("strong", {}, scene.place || scene.id),
        element("span", { class: "bed" }, `scene ${scene.id}`),
        element("span", { class: "bed" }, scene.ambience ? `bed: ${scene.ambience}` : "no bed")),
      list);
  }));
  if (detail.render && detail.render.state === "running") pollRender();
}

function flagsOf(line) {
  const flags = [];
  if (line.check) flags.push(element("span", { class: "flag warn", title: line.how ? `decided by ${line.how}` : "the adapter guessed" }, "check"));
  if (line.direction) flags.push(element("span", { class: "flag" }, line.direction));
  if (line.thought) flags.push(element("span", { class: "flag" }, "thought"));
  if (line.pending) flags.push(element("span", { class: "flag warn", title: "the next render synthesizes this line" }, "changed"));
  const qa = line.qa || {};
  if (qa.wer !== undefined && qa.wer !== null) {
    flags.push(element("span", { class: `flag ${qa.wer_flagged ? "bad" : "ok"}`, title: `heard: ${qa.heard || ""}` }, `WER ${qa.wer.toFixed(2)}`));
  }
  if (qa.voice_match !== undefined && qa.voice_match !== null) {
    const title = qa.voice_problem || `similarity to its own voice${qa.nearest_other_voice ? `; nearest other: ${qa.nearest_other_voice} (${qa.nearest_other_match})` : ""}`;
    flags.push(element("span", { class: `flag ${qa.voice_problem ? "bad" : "ok"}`, title }, `voice ${Number(qa.voice_match).toFixed(2)}`));
  }
  if (line.start_s !== null && line.start_s !== undefined) flags.push(element("span", { class: "flag" }, clock(line.start_s)));
  return flags;
}

function renderLine(line) {
  const node = $("#line-template").content.firstElementChild.cloneNode(true);
  node.dataset.id = line.id;
  node.classList.add(line.kind === "sfx" || line.kind === "music" ? "cue" : line.kind);
  node.style.borderLeftColor = line.speaker ? colour(line.speaker) : "transparent";
  const speaker = $(".speaker", node);
  if (line.kind === "sfx" || line.kind === "music" || line.kind === "note") {
    speaker.textContent = line.kind;
    speaker.style.background = "#afb8c1";
  } else {
    speaker.textContent = line.kind === "letter" ? `${line.speaker} (letter)` : line.speaker;
    speaker.style.background = colour(line.speaker);
  }
  $(".flags", node).replaceChildren(...flagsOf(line));
  $(".text", node).textContent = line.name ? line.name : line.text;
  const playLine = $(".play-line", node);
  const playFrom = $(".play-from", node);
  const edit = $(".edit-line", node);
  playLine.hidden = !line.take_url;
  playFrom.hidden = line.start_s === null || line.start_s === undefined || !state.detail.episode_url;
  edit.hidden = !["narration", "dialogue", "letter"].includes(line.kind);
  const playTake = () => {
    if (!line.take_url) return;
    const player = $("#take-player");
    player.src = line.take_url;
    player.play();
    for (const other of document.querySelectorAll(".line.playing")) other.classList.remove("playing");
    node.classList.add("playing");
  };
  playLine.addEventListener("click", playTake);
  $(".text", node).addEventListener("click", playTake);
  playFrom.addEventListener("click", () => {
    const player = $("#episode-player");
    player.currentTime = line.start_s;
    player.play();
  });
  const form = $(".editor", node);
  edit.addEventListener("click", () => openEditor(form, line));
  return node;
}

function openEditor(form, line) {
  form.hidden = false;
  const speakers = state.meta.speakers.includes(line.speaker) ? state.meta.speakers : [...state.meta.speakers, line.speaker];
  form.speaker.replaceChildren(...speakers.map((name) => element("option", { value: name }, name)));
  form.speaker.value = line.speaker || "narrator";
  form.direction.value = line.direction || "";
  form.text.value = line.text;
  $(".error", form).textContent = "";
  const clear = $(".clear-check", form);
  clear.hidden = !line.check;
  clear.onclick = () => save(form, line, { check: false });
  $(".cancel", form).onclick = () => { form.hidden = true; };
  form.onsubmit = (event) => {
    event.preventDefault();
    const changes = {};
    if (form.speaker.value !== (line.speaker || "narrator")) changes.speaker = form.speaker.value;
    if (form.direction.value.trim() !== (line.direction || "")) changes.direction = form.direction.value.trim();
    if (form.text.value !== line.text) changes.text = form.text.value;
    if (Object.keys(changes).length === 0) { form.hidden = true; return; }
    save(form, line, changes);
  };
}

async function save(form, line, changes) {
  try {
    await api("PATCH", `/api/chapters/${state.chapter}/lines/${encodeURIComponent(line.id)}`, changes);
    await refreshScript();
  } catch (error) {
    $(".error", form).textContent = error.message;
  }
}

async function render() {
  const button = $("#render-button");
  button.disabled = true;
  $("#render-status").textContent = "rendering…";
  pollRender();
  try {
    const result = await api("POST", `/api/chapters/${state.chapter}/render`, {});
    $("#render-status").textContent = `rendered: ${result.synthesized} synthesized, ${result.cached} from cache` +
      (result.verdict ? `; QA ${result.verdict}` : "");
    $("#episode-player").src = `/api/chapters/${state.chapter}/episode.mp3?t=${Date.now()}`;
  } catch (error) {
    $("#render-status").textContent = "";
    showProblem(error.message);
  } finally {
    stopPolling();
    button.disabled = false;
    await refreshScript();
  }
}

function pollRender() {
  if (state.polling) return;
  const bar = $("#render-progress");
  bar.hidden = false;
  state.polling = setInterval(async () => {
    try {
      const progress = await api("GET", `/api/chapters/${state.chapter}/render`);
      if (progress.state !== "running") return;
      bar.max = Math.max(1, progress.total || 1);
      bar.value = progress.done || 0;
      $("#render-status").textContent = `${progress.stage}: ${progress.done || 0} of ${progress.total || 0} takes`;
    } catch (error) { /* the render's own answer reports failures */ }
  }, 500);
}

function stopPolling() {
  clearInterval(state.polling);
  state.polling = null;
  $("#render-progress").hidden = true;
}

// ------------------------------------------------------------------ cast

async function loadCast() {
  const cast = await api("GET", "/api/cast");
  $("#character-table tbody").replaceChildren(...cast.characters.map((c) => element("tr", {},
    element("td", {}, element("span", { class: "speaker", style: { background: colour(c.name) } }, c.name)),
    element("td", {}, c.voice), element("td", {}, c.gender), element("td", {}, c.aliases.join(", ")))));
  $("#voice-list").replaceChildren(...cast.voices.map((voice) => voicePanel(voice, cast.fields)));
  loadCloseVoices();
}

// Measuring the voices can take a while the first time (each reads a few sentences), so the
// rest of the view does not wait for it.
async function loadCloseVoices() {
  const list = $("#close-voices");
  list.replaceChildren(element("li", {}, "measuring…"));
  try {
    const pairs = await api("GET", "/api/voices/nearest");
    list.replaceChildren(...pairs.map((pair) => element("li", { class: pair.near_duplicate ? "error" : "" },
      `${pair.voice} — nearest ${pair.nearest}: similarity ${pair.similarity.toFixed(2)}` +
      (pair.near_duplicate ? " (cannot be told apart)" : ""))));
  } catch (error) {
    list.replaceChildren(element("li", {}, error.message));
  }
}

function voicePanel(voice, fields) {
  const changes = {};
  const rows = element("div", { class: "sliders" });
  for (const field of fields) {
    const value = voice.settings[field.key];
    if (value === undefined) continue;
    if (field.kind === "blend") {
      if (voice.engine !== "kokoro") continue;
      // a blend is typed as "jf_alpha:0.6, jm_kumo:0.4"; empty removes it
      const text = value ? Object.entries(value).map(([name, weight]) => `${name}:${weight}`).join(", ") : "";
      const input = element("input", { name: field.key, value: text, title: "voice:weight, voice:weight" });
      input.addEventListener("change", () => { changes[field.key] = parseBlend(input.value); });
      rows.append(element("label", {}, `${field.key} (blend)`), input, element("span"));
      continue;
    }
    const step = field.max - field.min > 50 ? 1 : 0.05;
    const shown = element("span", {}, String(value));
    const input = element("input", { type: "range", min: field.min, max: field.max, step, value, name: field.key });
    input.addEventListener("input", () => {
      shown.textContent = input.value;
      setPath(changes, field.key, Number(input.value));
    });
    rows.append(element("label", { for: `${voice.name}-${field.key}` }, field.key), input, shown);
  }
  if (voice.engine === "kokoro") {
    const blend = element("input", { name: "speaker", value: voice.speaker || "", title: "e.g. jf_alpha:0.6,jm_kumo:0.4" });
    blend.addEventListener("change", () => { changes.speaker = blend.value; });
    rows.append(element("label", {}, "speaker (blend)"), blend, element("span"));
  }
  const sentence = element("input", { value: "Nobody was going to interfere, not this time!", "aria-label": "sentence to audition" });
  const player = element("audio", { controls: "" });
  const message = element("div", { class: "error", role: "alert" });
  const audition = element("button", { type: "button", class: "audition-button", onclick: async () => {
    audition.disabled = true;
    message.textContent = "";
    try {
      const result = await api("POST", `/api/voices/${encodeURIComponent(voice.name)}/preview`, { text: sentence.value, settings: changes });
      player.src = result.url;
      player.play();
    } catch (error) { message.textContent = error.message; }
    audition.disabled = false;
  } }, "Audition");
  const save = element("button", { type: "button", class: "save-voice", onclick: async () => {
    message.textContent = "";
    if (Object.keys(changes).length === 0) { message.textContent = "nothing changed"; return; }
    try {
      await api("PUT", `/api/voices/${encodeURIComponent(voice.name)}`, { settings: changes });
      message.textContent = "";
      save.textContent = "Saved";
      setTimeout(() => { save.textContent = `Save to voices/${voice.name}.yaml`; }, 1500);
    } catch (error) { message.textContent = error.message; }
  } }, `Save to voices/${voice.name}.yaml`);
  return element("details", { class: "voice", "data-voice": voice.name },
    element("summary", {}, element("strong", {}, voice.name), " ",
      element("span", { class: "meta" }, `${voice.engine}${voice.speaker ? " " + voice.speaker : ""}, ${voice.gender} — ${voice.used_by.join(", ") || "unused"}`)),
    voice.description ? element("p", { class: "meta" }, voice.description) : "",
    element("div", { class: "audition" }, sentence, audition, save), player, message, rows);
}

function parseBlend(text) {
  const blend = {};
  for (const part of text.split(",").map((p) => p.trim()).filter(Boolean)) {
    const [name, weight] = part.split(":").map((p) => p.trim());
    blend[name] = weight === undefined ? 1 : Number(weight);
  }
  return Object.keys(blend).length ? blend : null;
}

function setPath(target, key, value) {
  const parts = key.split(".");
  let node = target;
  for (const part of parts.slice(0, -1)) node = node[part] = node[part] || {};
  node[parts[parts.length - 1]] = value;
}

// ------------------------------------------------------------------ start

async function start() {
  state.meta = await api("GET", "/api/meta");
  $("#project").textContent = state.meta.project;
  $("#directions").replaceChildren(...state.meta.directions.map((d) => element("option", { value: d })));
  $("#chapter-select").addEventListener("change", (event) => { location.hash = `#/script/${event.target.value}`; });
  $("#render-button").addEventListener("click", render);
  window.addEventListener("hashchange", route);
  await route();
}

start();
