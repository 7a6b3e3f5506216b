// giclee playground: a form over the public API (Recraft's POST /v1/images/generations).
// The token lives in this browser's localStorage; results and history live in this tab's memory only.

const TOKEN_KEY = "giclee.token";
const MAX_COLORS = 5;
const DEFAULT_COLORS = ["#1f5eff", "#ff6b4a", "#2fbf71", "#ffc53d", "#8e4dff"];
const TYPE_EXTENSIONS = { "image/png": "png", "image/webp": "webp", "image/svg+xml": "svg" };

// Where an API error's field path ("size", "controls.colors.0.rgb", ...) is shown: the id of the form field.
const FIELD_BY_PATH = [
  [/^prompt$/, "prompt"],
  [/^negative_prompt$/, "negative-prompt"],
  [/^model$/, "model"],
  [/^size$/, "size"],
  [/^style$/, "style"],
  [/^substyle$/, "substyle"],
  [/^controls\.background_color\b/, "background"],
  [/^controls(\.colors\b.*)?$/, "colors"],
  [/^random_seed$/, "seed"],
];
const ERROR_FIELDS = ["token", ...new Set(FIELD_BY_PATH.map(([, id]) => id))];
// "a: ...; b: ..." is several phrases only where a known request field starts the next one.
const PHRASE_SPLIT = /;\s+(?=(?:prompt|negative_prompt|model|size|style|substyle|controls|random_seed)[\w.]*: )/;

const $ = (id) => document.getElementById(id);
const form = $("generate-form");
const history = [];
let running = null; // the AbortController of the generation in flight
let descriptions = {}; // model id -> its description, from GET /v1/models

class ApiFailure extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  static async from(response) {
    let body = null;
    try {
      body = await response.json();
    } catch {
      // not JSON: a proxy's page, say; the status line says enough
    }
    const message = body?.message ?? `${response.status} ${response.statusText || "error"}`;
    return new ApiFailure(response.status, body?.code ?? `http_${response.status}`, message);
  }
}

async function api(path, options = {}) {
  const headers = new Headers(options.headers);
  const token = localStorage.getItem(TOKEN_KEY);
  if (token) headers.set("Authorization", `Bearer ${token}`);
  const response = await fetch(path, { ...options, headers });
  if (!response.ok) throw await ApiFailure.from(response);
  return response;
}

// ---- errors next to their fields

function clearErrors() {
  for (const id of [...ERROR_FIELDS, "form"]) {
    const message = $(`${id}-error`);
    message.hidden = true;
    message.textContent = "";
    $(id)?.removeAttribute("aria-invalid");
  }
}

function showError(id, text) {
  const message = $(`${id}-error`);
  message.textContent = message.textContent ? `${message.textContent} ${text}` : text;
  message.hidden = false;
  if (id !== "form") $(id).setAttribute("aria-invalid", "true");
}

function fieldFor(path) {
  return FIELD_BY_PATH.find(([pattern]) => pattern.test(path))?.[1] ?? "form";
}

function showFailure(error) {
  if (error.name === "AbortError") return;
  if (!(error instanceof ApiFailure)) {
    showError("form", `Could not reach the server: ${error.message}`);
    return;
  }
  if (error.status === 401) return showError("token", error.message);
  if (error.code === "invalid_model") return showError("model", error.message);
  if (error.status === 429) return showError("form", `${error.message}. Try again in a few seconds.`);
  const shown = new Set();
  for (const phrase of error.message.split(PHRASE_SPLIT)) {
    const path = phrase.match(/^([\w.]+): /)?.[1] ?? "";
    const id = fieldFor(path);
    showError(id, phrase);
    shown.add(id);
  }
  const first = [...shown].find((id) => id !== "form");
  if (first) $(first).focus();
}

// ---- pickers filled from the API

function fillSelect(select, groups, keep) {
  select.replaceChildren();
  for (const [label, options] of groups) {
    const parent = label ? document.createElement("optgroup") : select;
    if (label) {
      parent.label = label;
      select.append(parent);
    }
    for (const [value, text] of options) parent.append(new Option(text, value));
  }
  if ([...select.options].some((option) => option.value === keep)) select.value = keep;
}

function sizeLabel(size) {
  const [width, height] = size.split("x");
  return height ? `${width} × ${height}` : size;
}

async function loadModels() {
  clearErrors();
  try {
    const { data } = await (await api("/v1/models")).json();
    fillSelect($("model"), [["", data.map((card) => [card.id, card.id])]], $("model").value);
    descriptions = Object.fromEntries(data.map((card) => [card.id, card.description]));
    await loadModel();
  } catch (error) {
    showFailure(error);
  }
}

async function loadModel() {
  const model = $("model").value;
  const spec = await (await api(`/styles?model=${encodeURIComponent(model)}`)).json();
  const pixels = spec.sizes.filter((size) => size.includes("x"));
  const ratios = spec.sizes.filter((size) => size.includes(":"));
  fillSelect(
    $("size"),
    [
      ["Pixels", pixels.map((size) => [size, sizeLabel(size)])],
      ["Aspect ratio", ratios.map((size) => [size, size])],
    ],
    $("size").value || pixels[0],
  );
  const styles = Object.keys(spec.styles);
  fillSelect($("style"), [["", [["", "Default"], ...styles.map((style) => [style, readable(style)])]]], $("style").value);
  $("model-hint").textContent = descriptions[model] ?? "";
  $("model-output").textContent = spec.output;
  $("model-output").hidden = false;
  $("style").dataset.substyles = JSON.stringify(spec.styles);
  loadSubstyles();
}

function loadSubstyles() {
  const substyles = JSON.parse($("style").dataset.substyles || "{}")[$("style").value] ?? [];
  const select = $("substyle");
  fillSelect(select, [["", [["", substyles.length ? "None" : "—"], ...substyles.map((s) => [s, readable(s)])]]], select.value);
  select.disabled = substyles.length === 0;
}

function readable(name) {
  const words = name.replaceAll("_", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

// ---- palette and background

function addColor(value) {
  const list = $("color-list");
  if (list.children.length >= MAX_COLORS) return;
  const item = document.createElement("li");
  item.className = "swatch";
  const input = document.createElement("input");
  input.type = "color";
  input.value = value ?? DEFAULT_COLORS[list.children.length % DEFAULT_COLORS.length];
  const remove = document.createElement("button");
  remove.type = "button";
  remove.className = "remove";
  remove.textContent = "×";
  remove.addEventListener("click", () => {
    item.remove();
    renumberColors();
  });
  item.append(input, remove);
  list.append(item);
  renumberColors();
  input.focus();
}

function renumberColors() {
  const items = [...$("color-list").children];
  items.forEach((item, index) => {
    item.querySelector("input").setAttribute("aria-label", `Palette colour ${index + 1}`);
    item.querySelector("button").setAttribute("aria-label", `Remove palette colour ${index + 1}`);
  });
  $("add-color").disabled = items.length >= MAX_COLORS;
}

function rgb(hex) {
  const value = Number.parseInt(hex.slice(1), 16);
  return { rgb: [(value >> 16) & 255, (value >> 8) & 255, value & 255] };
}

// ---- generating

function requestBody() {
  const body = {
    prompt: $("prompt").value,
    model: $("model").value || undefined,
    size: $("size").value || undefined,
    style: $("style").value || undefined,
    substyle: $("substyle").value || undefined,
    negative_prompt: $("negative-prompt").value || undefined,
    response_format: "url",
  };
  const colors = [...$("color-list").querySelectorAll("input")].map((input) => rgb(input.value));
  const controls = {};
  if (colors.length) controls.colors = colors;
  if ($("background-on").checked) controls.background_color = rgb($("background-color").value);
  if (Object.keys(controls).length) body.controls = controls;
  const seed = $("seed").value.trim();
  if (seed !== "") body.random_seed = Number(seed);
  return body;
}

function aspectOf(size) {
  const [a, b] = (size || "1:1").split(/[x:]/).map(Number);
  return a > 0 && b > 0 ? a / b : 1;
}

function setBusy(busy, size) {
  const frame = $("frame");
  $("generate").disabled = busy;
  $("generate").textContent = busy ? "Generating…" : "Generate";
  $("cancel").hidden = !busy;
  $("progress").hidden = !busy;
  frame.classList.toggle("busy", busy);
  if (busy) {
    frame.classList.remove("empty");
    // the requested shape, scaled to fit, while the server works
    const ratio = aspectOf(size);
    frame.style.aspectRatio = String(ratio);
    frame.style.width = `min(100%, calc(72vh * ${ratio}))`;
    $("placeholder").hidden = true;
    $("result-image").hidden = true;
    $("result-meta").hidden = true;
  } else {
    frame.style.removeProperty("aspect-ratio");
    frame.style.removeProperty("width");
  }
}

function startClock() {
  const started = performance.now();
  const tick = () => {
    $("progress-clock").textContent = `${((performance.now() - started) / 1000).toFixed(1)} s`;
  };
  tick();
  const timer = setInterval(tick, 100);
  return () => {
    clearInterval(timer);
    return (performance.now() - started) / 1000;
  };
}

// One download of the signed URL: with zero retention on, the server deletes the file after it.
async function fetchImage(url, signal) {
  const response = await fetch(url, { signal });
  if (!response.ok) throw await ApiFailure.from(response);
  const blob = await response.blob();
  return { objectUrl: URL.createObjectURL(blob), type: blob.type || response.headers.get("Content-Type") };
}

async function generate(event) {
  event.preventDefault();
  if (running) return;
  clearErrors();
  if (!$("prompt").value) {
    showError("prompt", "Describe the image to generate.");
    $("prompt").focus();
    return;
  }
  const body = requestBody();
  running = new AbortController();
  setBusy(true, body.size);
  const stopClock = startClock();
  try {
    const response = await api("/v1/images/generations", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
      signal: running.signal,
    });
    const seed = response.headers.get("X-Giclee-Seeds")?.split(",")[0] ?? "";
    const { data } = await response.json();
    const image = await fetchImage(data[0].url, running.signal);
    const entry = { ...image, seed, prompt: body.prompt, model: body.model, seconds: stopClock() };
    history.unshift(entry);
    setBusy(false);
    await show(entry);
    renderHistory();
  } catch (error) {
    setBusy(false);
    restoreCurrent();
    showFailure(error);
  } finally {
    stopClock();
    running = null;
  }
}

// ---- result and history

async function show(entry) {
  const img = $("result-image");
  img.alt = entry.prompt;
  img.src = entry.objectUrl;
  img.hidden = false;
  $("placeholder").hidden = true;
  $("frame").classList.remove("empty");
  await img.decode().catch(() => {});
  const extension = TYPE_EXTENSIONS[entry.type] ?? "img";
  $("meta-size").textContent = `${img.naturalWidth} × ${img.naturalHeight}`;
  $("meta-type").textContent = extension.toUpperCase();
  $("meta-seed").textContent = entry.seed || "—";
  $("meta-time").textContent = `${entry.seconds.toFixed(1)} s`;
  $("reuse-seed").disabled = !entry.seed;
  $("reuse-seed").dataset.seed = entry.seed;
  const download = $("download");
  download.href = entry.objectUrl;
  download.download = `giclee-${entry.seed || "image"}-${img.naturalWidth}x${img.naturalHeight}.${extension}`;
  $("result-meta").hidden = false;
  $("result-image").dataset.current = entry.objectUrl;
  for (const button of $("history").querySelectorAll("button")) {
    button.setAttribute("aria-current", String(button.dataset.url === entry.objectUrl));
  }
}

function restoreCurrent() {
  const current = history.find((entry) => entry.objectUrl === $("result-image").dataset.current);
  if (current) show(current);
  else {
    $("placeholder").hidden = false;
    $("frame").classList.add("empty");
  }
}

function renderHistory() {
  const list = $("history");
  list.replaceChildren(
    ...history.map((entry, index) => {
      const item = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.dataset.url = entry.objectUrl;
      button.setAttribute("aria-label", `Show image ${history.length - index}: ${entry.prompt}`);
      button.setAttribute("aria-current", String(entry.objectUrl === $("result-image").dataset.current));
      const thumb = document.createElement("img");
      thumb.src = entry.objectUrl;
      thumb.alt = "";
      button.append(thumb);
      button.addEventListener("click", () => show(entry));
      item.append(button);
      return item;
    }),
  );
  $("clear-history").hidden = history.length === 0;
}

function clearHistory() {
  for (const entry of history) URL.revokeObjectURL(entry.objectUrl);
  history.length = 0;
  const img = $("result-image");
  img.hidden = true;
  img.removeAttribute("src");
  delete img.dataset.current;
  $("result-meta").hidden = true;
  $("placeholder").hidden = false;
  $("frame").classList.add("empty");
  renderHistory();
}

// ---- wiring

function saveToken() {
  const token = $("token").value.trim();
  if (token) localStorage.setItem(TOKEN_KEY, token);
  else localStorage.removeItem(TOKEN_KEY);
  loadModels();
}

$("token").value = localStorage.getItem(TOKEN_KEY) ?? "";
$("token").addEventListener("change", saveToken);
$("token").addEventListener("keydown", (event) => {
  if (event.key === "Enter") $("token").blur(); // blur fires "change"
});
$("token-forget").addEventListener("click", () => {
  $("token").value = "";
  saveToken();
});
$("model").addEventListener("change", () => loadModel().catch(showFailure));
$("style").addEventListener("change", loadSubstyles);
$("add-color").addEventListener("click", () => addColor());
$("background-on").addEventListener("change", () => {
  $("background-color").disabled = !$("background-on").checked;
});
$("reuse-seed").addEventListener("click", () => {
  $("seed").value = $("reuse-seed").dataset.seed;
});
$("cancel").addEventListener("click", () => running?.abort());
$("clear-history").addEventListener("click", clearHistory);
form.addEventListener("submit", generate);
renumberColors();
loadModels();
