/* Explore and Compare pages: progressive enhancement over the plain tables the build writes.
   The data comes from JSON files generated at build time; state lives in the URL query. */
(function () {
  "use strict";

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (k === "text") node.textContent = v;
      else node.setAttribute(k, v);
    });
    (children || []).forEach((c) => node.append(c));
    return node;
  }

  function params() {
    return new URLSearchParams(window.location.search);
  }

  function setParams(p) {
    const query = p.toString();
    const url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    window.history.replaceState(null, "", url);
  }

  async function load(container) {
    const src = new URL(container.dataset.src, window.location.href);
    const response = await fetch(src);
    if (!response.ok) throw new Error("cannot load " + src);
    return { data: await response.json(), base: src };
  }

  /* ---------------------------------------------------------------- Explore */

  const FACETS = [
    ["task", "Task", (r) => r.tasks],
    ["fusion", "Fusion method", (r) => [r.fusion]],
    ["vision", "Vision encoder", (r) => r.vision],
    ["llm", "Language model", (r) => r.llm],
    ["org", "Organization", (r) => r.organizations],
    ["year", "Year", (r) => [String(r.year)]],
    ["open", "Open weights", (r) => [r.open_weights ? "yes" : "no"]],
  ];
  const COLUMNS = [
    ["name", "Model"], ["released", "Released"], ["fusion", "Fusion"],
    ["vision", "Vision encoder"], ["llm", "Language model"], ["tasks", "Tasks"],
  ];

  function initExplore(container) {
    load(container).then(({ data, base }) => {
      const rows = data.entries;
      const p = params();
      const controls = el("form", { class: "vlm-filters", role: "search", "aria-label": "Filter the catalog" });
      const selects = {};
      FACETS.forEach(([key, label, values]) => {
        const options = [...new Set(rows.flatMap(values))].sort((a, b) => a.localeCompare(b));
        const select = el("select", { name: key, id: "vlm-f-" + key }, [el("option", { value: "", text: "Any" })]);
        options.forEach((o) => select.append(el("option", { value: o, text: o })));
        select.value = options.includes(p.get(key)) ? p.get(key) : "";
        selects[key] = select;
        controls.append(el("label", { for: "vlm-f-" + key }, [label, select]));
      });
      const text = el("input", { type: "search", name: "q", id: "vlm-f-q", placeholder: "Filter by text", value: p.get("q") || "" });
      controls.append(el("label", { for: "vlm-f-q" }, ["Text", text]));
      const reset = el("button", { type: "button", class: "md-button", text: "Clear filters" });
      controls.append(reset);
      const count = el("p", { class: "vlm-count", "aria-live": "polite" });
      const table = el("table");
      const head = el("tr");
      COLUMNS.forEach(([key, label]) => {
        const button = el("button", { type: "button", "data-sort": key, text: label });
        head.append(el("th", { scope: "col" }, [button]));
      });
      table.append(el("thead", {}, [head]));
      const body = el("tbody");
      table.append(body);
      let sort = p.get("sort") || "released";
      let dir = p.get("dir") || (sort === "released" ? "desc" : "asc");

      function render() {
        const q = text.value.trim().toLowerCase();
        const shown = rows.filter((r) =>
          FACETS.every(([key, , values]) => !selects[key].value || values(r).includes(selects[key].value)) &&
          (!q || r.search.includes(q)));
        const key = (r) => (Array.isArray(r[sort]) ? r[sort].join(", ") : String(r[sort]));
        shown.sort((a, b) => key(a).localeCompare(key(b), undefined, { numeric: true }) * (dir === "asc" ? 1 : -1));
        body.replaceChildren(...shown.map((r) => el("tr", { "data-slug": r.slug }, [
          el("td", {}, [el("a", { href: new URL(r.url, base).href, text: r.name })]),
          el("td", { text: r.released }), el("td", { text: r.fusion }),
          el("td", { text: r.vision.join(", ") }), el("td", { text: r.llm.join(", ") }),
          el("td", { text: r.tasks.join(", ") }),
        ])));
        count.textContent = shown.length + " of " + rows.length + " models";
        head.querySelectorAll("th").forEach((th) => {
          const k = th.firstChild.dataset.sort;
          th.setAttribute("aria-sort", k === sort ? (dir === "asc" ? "ascending" : "descending") : "none");
        });
        const state = new URLSearchParams();
        FACETS.forEach(([k]) => selects[k].value && state.set(k, selects[k].value));
        if (q) state.set("q", text.value.trim());
        if (sort !== "released" || dir !== "desc") { state.set("sort", sort); state.set("dir", dir); }
        setParams(state);
      }

      controls.addEventListener("change", render);
      text.addEventListener("input", render);
      controls.addEventListener("submit", (e) => e.preventDefault());
      reset.addEventListener("click", () => {
        Object.values(selects).forEach((s) => { s.value = ""; });
        text.value = "";
        render();
      });
      head.addEventListener("click", (e) => {
        const k = e.target.closest("button") && e.target.closest("button").dataset.sort;
        if (!k) return;
        dir = k === sort && dir === "asc" ? "desc" : "asc";
        sort = k;
        render();
      });
      const wrapper = el("div", { class: "md-typeset__scrollwrap vlm-explore-table" }, [el("div", { class: "md-typeset__table" }, [table])]);
      container.replaceChildren(controls, count, wrapper);
      const fallback = document.querySelector(".vlm-static-table");
      if (fallback) fallback.hidden = true;
      render();
    }).catch((err) => { container.textContent = "The filters could not load (" + err.message + "); the full table is below."; });
  }

  /* ---------------------------------------------------------------- Compare */

  const MAX = 4;

  function list(items) {
    return items && items.length ? items.join(", ") : "—";
  }

  function size(p) {
    if (typeof p === "string") return p;
    const s = p.active ? p.total + " total, " + p.active + " active" : p.total;
    return p.variant ? p.variant + ": " + s : s;
  }

  function rowsFor(v) {
    const name = (table) => (id) => (v[table] && v[table][id]) || id;
    const names = (table, ids) => list((ids || []).map(name(table)));
    return [
      ["Released", (e) => e.released],
      ["Organizations", (e) => list(e.organizations)],
      ["Vision encoder", (e) => list(e.vision_encoder)],
      ["Audio encoder", (e) => list(e.audio_encoder)],
      ["Connector", (e) => e.connector],
      ["Language model", (e) => list(e.language_model)],
      ["Output decoder", (e) => list(e.output_decoder)],
      ["Fusion", (e) => name("fusion")(e.fusion)],
      ["Parameters", (e) => list((e.params || []).map(size))],
      ["Resolution", (e) => e.resolution || "—"],
      ["Visual tokens", (e) => e.visual_tokens || "—"],
      ["Input → output", (e) => names("modalities", e.modalities.input) + " → " + names("modalities", e.modalities.output)],
      ["Tasks", (e) => names("tasks", e.tasks)],
      ["Training stages", (e) => (e.training || []).map((s, i) => (i + 1) + ". " + s.stage +
        (s.trainable && s.trainable.length ? " (trains " + s.trainable.join(", ") + ")" : "")).join("\n") || "—"],
      ["Pretraining data", (e) => names("datasets", (e.datasets || {}).pretraining)],
      ["Instruction data", (e) => names("datasets", (e.datasets || {}).instruction)],
      ["Evaluation", (e) => names("datasets", (e.datasets || {}).evaluation)],
    ];
  }

  function initCompare(container) {
    load(container).then(({ data, base }) => {
      const bySlug = Object.fromEntries(data.entries.map((e) => [e.slug, e]));
      const ROWS = rowsFor(data.vocabulary || {});
      const names = data.entries.slice().sort((a, b) => a.name.localeCompare(b.name));
      let chosen = (params().get("m") || "").split(",").filter((s) => bySlug[s]).slice(0, MAX);
      const form = el("form", { class: "vlm-filters", "aria-label": "Choose models to compare" });
      const selects = [];
      for (let i = 0; i < MAX; i++) {
        const select = el("select", { id: "vlm-c-" + i, name: "m" + i }, [el("option", { value: "", text: "—" })]);
        names.forEach((e) => select.append(el("option", { value: e.slug, text: e.name })));
        select.value = chosen[i] || "";
        selects.push(select);
        form.append(el("label", { for: "vlm-c-" + i }, ["Model " + (i + 1), select]));
      }
      const out = el("div", { class: "vlm-compare-out" });

      function render() {
        chosen = [...new Set(selects.map((s) => s.value).filter(Boolean))];
        const state = new URLSearchParams();
        if (chosen.length) state.set("m", chosen.join(","));
        setParams(state);
        if (chosen.length < 2) {
          out.replaceChildren(el("p", { text: "Choose at least two models." }));
          return;
        }
        const models = chosen.map((s) => bySlug[s]);
        const head = el("tr", {}, [el("th", { scope: "col", text: "" }),
          ...models.map((m) => el("th", { scope: "col" }, [el("a", { href: new URL("models/" + m.slug + "/", base).href, text: m.name })]))]);
        const rows = ROWS.map(([label, get]) => el("tr", {}, [el("th", { scope: "row", text: label }),
          ...models.map((m) => el("td", { text: String(get(m)) }))]));
        const table = el("table", {}, [el("thead", {}, [head]), el("tbody", {}, rows)]);
        out.replaceChildren(el("div", { class: "md-typeset__scrollwrap vlm-compare-table" }, [el("div", { class: "md-typeset__table" }, [table])]));
      }

      form.addEventListener("change", render);
      container.replaceChildren(form, out);
      render();
    }).catch((err) => { container.textContent = "The comparison could not load (" + err.message + ")."; });
  }

  function init() {
    const explore = document.getElementById("vlm-explore");
    if (explore) initExplore(explore);
    const compare = document.getElementById("vlm-compare");
    if (compare) initCompare(compare);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);  // Material's instant navigation swaps pages without a reload
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
