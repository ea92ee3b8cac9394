// eventx report: draws the index and one document at a time from the embedded JSON.
"use strict";
(function () {
  const DATA = JSON.parse(document.getElementById("eventx-data").textContent);
  const PAGE = 50;
  const COLOURS = {
    CONSULT: "#2b6cb0", AGREE: "#2f855a", REQUEST: "#b7791f", SUPPORT: "#38a169",
    COOPERATE: "#319795", AID: "#805ad5", SANCTION: "#c53030", REJECT: "#dd6b20",
    ACCUSE: "#d53f8c", THREATEN: "#742a2a",
  };
  const state = { types: new Set(), statuses: new Set(), country: "", focus: null, page: 0, current: -1 };

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "text") node.textContent = value;
      else if (key === "cls") node.className = value;
      else node.setAttribute(key, value === true ? "" : value);
    }
    for (const child of children || []) {
      if (child !== null && child !== undefined) node.append(child);
    }
    return node;
  }

  function filtering() {
    return state.types.size > 0 || state.statuses.size > 0 || state.country !== "" || state.focus !== null;
  }

  function matches(ev) {
    return (state.types.size === 0 || state.types.has(ev.type)) &&
      (state.statuses.size === 0 || state.statuses.has(ev.status)) &&
      (state.country === "" || ev.countries.includes(state.country)) &&
      (state.focus === null || (state.focus.kind === "actor" ? ev.keys.includes(state.focus.key) : ev.venue === state.focus.key));
  }

  function visibleDocs() {
    const out = [];
    DATA.docs.forEach((doc, index) => {
      const shown = doc.events.filter((i) => matches(DATA.events[i])).length;
      if (!filtering() || shown > 0) out.push([index, shown]);
    });
    return out;
  }

  function counted(values) {
    const counts = new Map();
    for (const value of values) counts.set(value, (counts.get(value) || 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  }

  function chips(container, values, chosen, kind) {
    for (const [value, count] of counted(values)) {
      const chip = el("button", { type: "button", cls: "chip", "data-filter": kind,
        "data-value": value, "aria-pressed": "false" },
        [value, el("span", { cls: "n", text: String(count) })]);
      if (kind === "type") chip.style.borderColor = COLOURS[value] || "";
      chip.addEventListener("click", () => {
        if (chosen.has(value)) chosen.delete(value); else chosen.add(value);
        chip.setAttribute("aria-pressed", String(chosen.has(value)));
        changed();
      });
      container.append(chip);
    }
  }

  function setUpFilters() {
    chips(document.getElementById("type-filters"), DATA.events.map((e) => e.type), state.types, "type");
    chips(document.getElementById("status-filters"), DATA.events.map((e) => e.status), state.statuses, "status");
    const select = document.getElementById("country-filter");
    for (const [code, count] of counted(DATA.events.flatMap((e) => e.countries))) {
      select.append(el("option", { value: code, text: code + " (" + count + ")" }));
    }
    select.addEventListener("change", () => { state.country = select.value; changed(); });
    // Clicking an actor in the network or a place on the map shows only its events.
    const focus = (kind, key, name) => {
      state.focus = state.focus && state.focus.key === key && state.focus.kind === kind ? null : { kind, key, name };
      drawFocus();
      changed();
      if (state.focus) document.getElementById("index").scrollIntoView({ block: "start" });
    };
    for (const node of document.querySelectorAll("svg.network .node")) {
      node.addEventListener("click", () => focus("actor", node.dataset.key, node.dataset.name));
    }
    for (const spot of document.querySelectorAll("svg.worldmap .venue")) {
      spot.addEventListener("click", () => focus("place", spot.dataset.place, spot.dataset.name));
    }
    document.getElementById("focus-chip").addEventListener("click", () => { state.focus = null; drawFocus(); changed(); });
    document.getElementById("clear-filters").addEventListener("click", () => {
      state.types.clear(); state.statuses.clear(); state.country = ""; select.value = "";
      state.focus = null; drawFocus();
      for (const chip of document.querySelectorAll(".chip")) chip.setAttribute("aria-pressed", "false");
      changed();
    });
    document.getElementById("prev-page").addEventListener("click", () => { state.page -= 1; drawIndex(); });
    document.getElementById("next-page").addEventListener("click", () => { state.page += 1; drawIndex(); });
  }

  function drawFocus() {
    const box = document.getElementById("focus-filter");
    box.hidden = state.focus === null;
    if (state.focus) document.getElementById("focus-chip").textContent = state.focus.kind + ": " + state.focus.name + " ✕";
    for (const node of document.querySelectorAll("svg.network .node, svg.worldmap .venue")) {
      const key = node.dataset.key || node.dataset.place;
      node.classList.toggle("focused", state.focus !== null && state.focus.key === key);
    }
  }

  function changed() {
    const docs = visibleDocs();
    const shown = docs.reduce((sum, [, n]) => sum + n, 0);
    document.getElementById("filter-count").textContent = filtering()
      ? shown + " event(s) in " + docs.length + " document(s) match" : "";
    state.page = 0;
    if (!docs.some(([index]) => index === state.current)) {
      state.current = docs.length ? docs[0][0] : -1;
      drawDocument();
    } else {
      applyToCards();
    }
    drawIndex();
  }

  function drawIndex() {
    const docs = visibleDocs();
    const pages = Math.max(1, Math.ceil(docs.length / PAGE));
    state.page = Math.min(Math.max(state.page, 0), pages - 1);
    const body = document.getElementById("index-rows");
    body.replaceChildren();
    for (const [index, shown] of docs.slice(state.page * PAGE, (state.page + 1) * PAGE)) {
      const doc = DATA.docs[index];
      const label = filtering() ? shown + " / " + doc.events.length : String(doc.events.length);
      const row = el("tr", { cls: "row" + (index === state.current ? " current" : ""), "data-doc": String(index) }, [
        el("td", { text: String(index + 1) }),
        el("td", {}, [el("span", { cls: "doc-title", text: doc.title || doc.snippet || doc.id }),
          doc.title || doc.snippet ? el("span", { cls: "doc-id", text: doc.id }) : null]),
        el("td", { text: doc.date || "" }),
        el("td", { text: label }),
      ]);
      row.addEventListener("click", () => { select(index, true); });
      body.append(row);
    }
    if (!docs.length) body.append(el("tr", {}, [el("td", { colspan: "4", cls: "empty", text: "no document matches" })]));
    document.getElementById("page-info").textContent = "page " + (state.page + 1) + " of " + pages + " · " + docs.length + " document(s)";
    document.getElementById("prev-page").disabled = state.page === 0;
    document.getElementById("next-page").disabled = state.page >= pages - 1;
  }

  function select(index, scroll) {
    state.current = index;
    drawDocument();
    for (const row of document.querySelectorAll("#index-rows tr.row")) {
      row.classList.toggle("current", Number(row.dataset.doc) === index);
    }
    history.replaceState(null, "", "#doc=" + encodeURIComponent(DATA.docs[index].id));
    if (scroll) document.getElementById("document").scrollIntoView({ block: "start" });
  }

  function highlighted(doc) {
    const text = doc.text;
    const spans = doc.mentions.map(([start, end, kind, label]) => ({ start, end, kind, label }));
    for (const i of doc.events) {
      const ev = DATA.events[i];
      spans.push({ start: ev.trigger[0], end: ev.trigger[1], kind: "trigger", id: ev.id });
    }
    // Triggers first: a trigger inside a mention splits nothing, the mention gives way.
    spans.sort((a, b) => a.start - b.start || (a.kind === "trigger" ? -1 : 1));
    const box = el("div", { cls: "doc-text" });
    let at = 0;
    for (const span of spans) {
      if (span.start < at || span.end > text.length) continue;
      box.append(text.slice(at, span.start));
      const piece = text.slice(span.start, span.end);
      if (span.kind === "trigger") {
        box.append(el("span", { cls: "trig", id: "t-" + span.id, title: "trigger" }, [piece]));
      } else {
        box.append(el("span", { cls: "m " + span.kind, title: span.kind + " · " + span.label }, [piece]));
      }
      at = span.end;
    }
    box.append(text.slice(at));
    return box;
  }

  function people(list) {
    if (!list.length) return "—";
    const out = el("span");
    list.forEach(([name, details], i) => {
      if (i) out.append("; ");
      out.append(name);
      if (details) out.append(el("span", { cls: "who-detail", text: " (" + details + ")" }));
    });
    return out;
  }

  function evidence(ev) {
    const quote = el("blockquote");
    const from = ev.trigger[0] - ev.start;
    const to = ev.trigger[1] - ev.start;
    quote.append(ev.sentence.slice(0, from), el("mark", { cls: "trig", text: ev.sentence.slice(from, to) }), ev.sentence.slice(to));
    return quote;
  }

  function card(i, hasText) {
    const ev = DATA.events[i];
    const head = el("div", { cls: "card-head" }, [
      el("span", { cls: "type", text: ev.type }),
      ev.mode ? el("span", { cls: "badge", text: ev.mode }) : null,
      ev.cameo ? el("span", { cls: "badge", title: "CAMEO", text: "CAMEO " + ev.cameo }) : null,
      el("span", { cls: "badge " + ev.status, text: ev.status + (ev.historical ? " · historical" : "") }),
      el("span", { cls: "conf", text: "confidence " + ev.conf.toFixed(2) }),
    ]);
    const rows = [["who", people(ev.who)], ["whom", people(ev.whom)], ["where", ev.where || "—"],
      ["when", ev.when || "—"], ["about", [ev.topics.join(", "), ev.about.length ? " (" + ev.about.join("; ") + ")" : ""].join("") || "—"]];
    if (ev.amount) rows.push(["amount", ev.amount]);
    const facts = el("dl");
    for (const [name, value] of rows) facts.append(el("dt", { text: name }), el("dd", {}, [value]));
    const link = hasText ? el("a", { href: "#t-" + ev.id, text: "show in text" }) : el("span", { text: "offset " + ev.trigger[0] });
    if (hasText) {
      link.addEventListener("click", (event) => {
        event.preventDefault();
        const target = document.getElementById("t-" + ev.id);
        target.scrollIntoView({ block: "center" });
        target.classList.add("flash");
        setTimeout(() => target.classList.remove("flash"), 1500);
      });
    }
    const node = el("article", { cls: "card", "data-type": ev.type, "data-status": ev.status, id: "e-" + ev.id },
      [head, facts, evidence(ev), el("div", { cls: "foot" }, [el("span", { text: ev.rule }), link])]);
    node.style.setProperty("--type", COLOURS[ev.type] || "#718096");
    return node;
  }

  function applyToCards() {
    for (const node of document.querySelectorAll("#document .card")) {
      const ev = DATA.events[Number(node.dataset.index)];
      node.classList.toggle("hidden", !matches(ev));
    }
  }

  function drawDocument() {
    const view = document.getElementById("document");
    view.replaceChildren();
    if (state.current < 0) {
      view.append(el("p", { cls: "empty", text: "No document to show." }));
      return;
    }
    const doc = DATA.docs[state.current];
    const facts = [doc.id, doc.date, doc.events.length + " event(s)"].filter(Boolean).join(" · ");
    const head = el("div", { cls: "doc-head" }, [el("h2", { text: doc.title || doc.id }),
      el("p", {}, [facts, doc.url ? " · " : null, doc.url ? el("a", { href: doc.url, rel: "noopener noreferrer", text: "source" }) : null])]);
    const textSide = el("div", {}, [
      el("div", { cls: "legend-inline" }, [el("span", { cls: "m actor", text: "actor" }), el("span", { cls: "m place", text: "place" }),
        el("span", { cls: "m org", text: "organization" }), el("span", { cls: "trig", text: "trigger" })]),
      doc.text === null ? el("div", { cls: "doc-text" }, [el("p", { cls: "missing", text: "The text is not in this report: it was made from event records." })]) : highlighted(doc),
    ]);
    const cards = el("div", { cls: "cards" });
    for (const i of doc.events) {
      const node = card(i, doc.text !== null);
      node.dataset.index = String(i);
      cards.append(node);
    }
    if (!doc.events.length) cards.append(el("p", { cls: "empty", text: "No events in this document." }));
    view.append(head, el("div", { cls: "doc-body" }, [textSide, cards]));
    applyToCards();
  }

  setUpFilters();
  const wanted = decodeURIComponent((location.hash.match(/^#doc=(.*)$/) || [])[1] || "");
  const found = DATA.docs.findIndex((doc) => doc.id === wanted);
  const firstWithEvents = DATA.docs.findIndex((doc) => doc.events.length > 0);
  state.current = found >= 0 ? found : Math.max(firstWithEvents, DATA.docs.length ? 0 : -1);
  if (found >= 0) state.page = Math.floor(found / PAGE);
  drawDocument();
  drawIndex();
  document.body.dataset.ready = "true";
  document.body.dataset.readyMs = String(Math.round(performance.now()));
})();
