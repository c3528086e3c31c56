/* The report page's navigation: search, facets, sort and pages over the findings embedded
   as JSON (page_data.py), the state kept in the URL fragment (page_state.py) so that reload,
   bookmarks, back and forward keep it. Cards are built with DOM calls and text nodes only:
   no string from the report ever becomes markup. What it draws for the state with nothing
   chosen is what the server drew (cards.py, page_nav.py), element for element. */
"use strict";
(() => {
  document.documentElement.classList.remove("no-js");
  const data = JSON.parse(document.getElementById("report-data").textContent);
  const FACETS = ["kind", "outlet", "incident"];
  const KEYS = [...FACETS, "q", "sort", "page"];
  const DEFAULT_SORT = data.sorts[0];
  const EVERYTHING = "#findings";
  const SEARCH_PAUSE_MS = 120;  // wait for a pause in typing before filtering again
  const PAGER_REACH = 2;  // pages named either side of the current one (page_nav.py)

  const fold = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
    .toLowerCase().replace(/\s+/g, " ");
  const findings = data.findings.map((finding, order) => {
    const a = data.sentences[finding.a], b = data.sentences[finding.b];
    const articles = [data.articles[a.article], data.articles[b.article]];
    const dates = articles.map((article) => article.date).filter(Boolean).sort();
    const outlets = [...new Set(articles.map((article) => article.outlet))];
    return {
      finding, order, a, b, articles, outlets,
      incident: finding.incident === null ? data.no_incident : finding.incident,
      earliest: dates[0] || "", latest: dates[dates.length - 1] || "", haystack: null,
    };
  });
  // What a search looks through, folded on the first search rather than at load.
  const haystack = (item) => (item.haystack ??= fold(
    [item.a.text, item.b.text, ...item.outlets, item.finding.place || ""].join("\n")));
  const definitions = Object.fromEntries(data.kinds.map((kind) => [kind.name, kind.definition]));
  const byOrder = (x, y) => x.order - y.order;
  const compareText = (x, y) => (x < y ? -1 : x > y ? 1 : 0);
  // Each sort of page_state.SORTS; ties keep the reading order. Undated findings come last.
  const SORTS = {
    kind: byOrder,
    score: (x, y) => y.finding.score - x.finding.score || byOrder(x, y),
    gap: (x, y) => (y.finding.days_apart ?? -1) - (x.finding.days_apart ?? -1) || byOrder(x, y),
    date: (x, y) => compareText(y.latest, x.latest) || byOrder(x, y),
    oldest: (x, y) => compareText(x.earliest || "~", y.earliest || "~") || byOrder(x, y),
  };
  const formatCount = (count) => String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

  // --- the state and its fragment -------------------------------------------------------
  function blankState() {
    return {kind: "", outlet: "", incident: "", q: "", sort: DEFAULT_SORT, page: 1};
  }

  function readState() {
    const hash = location.hash.replace(/^#/, "");
    const state = blankState();
    const legacy = /^kind-(\w+)$/.exec(hash);  // the kind anchors of earlier reports
    if (legacy) return {...state, kind: legacy[1]};
    const params = new URLSearchParams(hash);
    for (const key of [...FACETS, "q"]) state[key] = params.get(key) || "";
    if (data.sorts.includes(params.get("sort"))) state.sort = params.get("sort");
    const page = parseInt(params.get("page"), 10);
    if (page > 0) state.page = page;
    return state;
  }

  function fragmentOf(state) {
    const params = new URLSearchParams();
    for (const key of KEYS) {
      const value = state[key];
      const isDefault = (key === "sort" && value === DEFAULT_SORT) || (key === "page" && value === 1);
      if (value && !isDefault) params.set(key, String(value));
    }
    const text = params.toString();
    return text ? `#${text}` : EVERYTHING;
  }

  const linkTo = (state, changes) => fragmentOf({...state, page: 1, ...changes});

  // --- choosing the findings ------------------------------------------------------------
  const FACET_TEST = {
    kind: (item, value) => item.finding.kind === value,
    outlet: (item, value) => item.outlets.includes(value),
    incident: (item, value) => item.incident === value,
  };

  function select(state) {
    const terms = fold(state.q).split(" ").filter(Boolean);
    const searched = findings.filter((item) =>
      terms.every((term) => haystack(item).includes(term)));
    const passes = (item, skip) => FACETS.every((facet) =>
      facet === skip || !state[facet] || FACET_TEST[facet](item, state[facet]));
    // A facet counts what the search and the other facets leave, so that choosing one of
    // its values never empties its own list.
    const counts = {}, totals = {};
    for (const facet of FACETS) {
      counts[facet] = new Map();
      totals[facet] = 0;
      for (const item of searched) {
        if (!passes(item, facet)) continue;
        totals[facet] += 1;
        for (const value of facetValues(item, facet)) {
          counts[facet].set(value, (counts[facet].get(value) || 0) + 1);
        }
      }
    }
    const matching = searched.filter((item) => passes(item, null)).sort(SORTS[state.sort]);
    return {matching, counts, totals};
  }

  function facetValues(item, facet) {
    if (facet === "outlet") return item.outlets;
    return [facet === "kind" ? item.finding.kind : item.incident];
  }

  // --- drawing --------------------------------------------------------------------------
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value !== null && value !== undefined) node.setAttribute(name, value);
    }
    for (const child of children) if (child !== null && child !== undefined) node.append(child);
    return node;
  }

  // incidents.gap_phrase
  const gapPhrase = (days) =>
    (days === null ? "undated" : days === 0 ? "same day" : `${days} days apart`);

  function card(item) {
    const finding = item.finding;
    const context = el("p", {class: "context"},
      el("span", {class: "badge"}, finding.kind),
      el("span", {class: "days"}, gapPhrase(finding.days_apart)),
      el("span", {class: "place"}, finding.place || "place unknown"));
    if (finding.incident !== null) {
      const href = linkTo(blankState(), {incident: finding.incident});
      context.append(el("a", {class: "incident-link", href}, `incident ${finding.incident}`));
    }
    const compared = finding.compared || [null, null];
    return el("article", {class: `finding kind-${finding.kind}`},
      el("div", {class: "finding-head"},
        el("div", {class: "headline"}, el("p", {class: "reason"}, finding.reason), context),
        el("p", {class: "scores"},
          el("span", {class: "score"}, `similarity ${finding.similarity_text}`),
          el("span", {class: "score"}, `score ${finding.score_text}`))),
      el("div", {class: "sides"},
        side(item.a, item.articles[0], compared[0]), side(item.b, item.articles[1], compared[1])),
      finding.compared ? comparedLine(finding.compared) : null,
      el("p", {class: "fingerprint"}, "fingerprint ", el("code", {}, finding.fingerprint)));
  }

  function side(sentence, article, figure) {
    const where = el("span", {class: "where"}, "doc ", el("code", {}, article.doc),
      ` [${sentence.start}:${sentence.end}]`);
    if (article.source) {
      const line = sentence.line === null ? "" : `:${sentence.line}`;
      where.append(" · ", el("code", {}, article.source + line));
    }
    return el("figure", {class: "side"},
      quote(sentence, figure && figure.mark),
      el("figcaption", {},
        el("strong", {class: "outlet"}, article.outlet), " · ",
        article.date ? el("time", {}, article.date) : "undated",
        article.title ? el("span", {class: "title"}, article.title) : null,
        where));
  }

  // The sentence with its figures marked: the compared one first, then each quantity that
  // overlaps nothing marked before it (cards.marked_spans).
  function quote(sentence, comparedMark) {
    const spans = comparedMark ? [[comparedMark[0], comparedMark[1], true]] : [];
    for (const [start, end] of sentence.marks) {
      const overlaps = spans.some(([taken, takenEnd]) => start < takenEnd && taken < end);
      if (!overlaps) spans.push([start, end, false]);
    }
    spans.sort((x, y) => x[0] - y[0]);
    const node = el("blockquote");
    let cursor = 0;
    for (const [start, end, isCompared] of spans) {
      node.append(sentence.text.slice(cursor, start),
        el("mark", isCompared ? {class: "compared"} : {}, sentence.text.slice(start, end)));
      cursor = end;
    }
    node.append(sentence.text.slice(cursor));
    return node;
  }

  function comparedLine([first, second]) {
    return el("p", {class: "compared-line"}, "Compared ", el("mark", {}, first.text),
      ` ${first.interval} with `, el("mark", {}, second.text), ` ${second.interval}`);
  }

  const count = (number) => el("span", {class: "count"}, formatCount(number));
  const current = (picked) => (picked ? "true" : null);

  function kindFacet(state, chosen) {
    const chips = [el("a", {class: state.kind ? "chip" : "chip selected",
      href: linkTo(state, {kind: ""}), "aria-current": current(!state.kind)},
    "All ", count(chosen.totals.kind))];
    for (const {name} of data.kinds) {
      const number = chosen.counts.kind.get(name) || 0;
      const picked = state.kind === name;
      const label = [el("span", {class: "dot"}), `${name} `, count(number)];
      if (!number && !picked) {
        chips.push(el("span", {class: `chip empty kind-${name}`}, ...label));
        continue;
      }
      chips.push(el("a", {class: `chip kind-${name}${picked ? " selected" : ""}`,
        href: linkTo(state, {kind: picked ? "" : name}), "aria-current": current(picked)},
      ...label));
    }
    document.getElementById("facet-kind").replaceChildren(...chips);
    document.getElementById("kind-definition").textContent = definitions[state.kind] || "";
  }

  // An outlet or incident facet: "all …", then each value that holds a finding (or is chosen).
  function listFacet(key, everything, values, state, chosen) {
    const entries = [entry(everything, null, chosen.totals[key], linkTo(state, {[key]: ""}),
      !state[key])];
    for (const [value, label] of values) {
      const number = chosen.counts[key].get(value) || 0;
      const picked = state[key] === value;
      if (!number && !picked) continue;
      entries.push(entry(label, label, number, linkTo(state, {[key]: picked ? "" : value}), picked));
    }
    document.querySelector(`#facet-${key} ul`).replaceChildren(...entries);
  }

  function entry(label, title, number, href, picked) {
    const link = el("a", {class: picked ? "selected" : null, href, "aria-current": current(picked),
      title}, el("span", {class: "label"}, label), count(number));
    return el("li", {}, link);
  }

  // Previous, the first and last pages and PAGER_REACH either side of this one, next
  // (page_nav.pager and page_numbers).
  function pager(state, pageCount) {
    const nav = document.getElementById("pager");
    if (pageCount <= 1) return nav.replaceChildren();
    const page = state.page;
    const step = (to, rel, text) => (to >= 1 && to <= pageCount
      ? el("a", {class: "step", href: fragmentOf({...state, page: to}), rel}, text)
      : el("span", {class: "step disabled"}, text));
    const items = [step(page - 1, "prev", "← Previous")];
    const wanted = new Set([1, pageCount]);
    const last = Math.min(pageCount, page + PAGER_REACH);
    for (let number = Math.max(1, page - PAGER_REACH); number <= last; number++) wanted.add(number);
    let previous = 0;
    for (const number of [...wanted].sort((x, y) => x - y)) {
      if (number - previous > 1) items.push(el("span", {class: "gap"}, "…"));
      items.push(number === page
        ? el("span", {class: "current", "aria-current": "page"}, String(number))
        : el("a", {href: fragmentOf({...state, page: number})}, String(number)));
      previous = number;
    }
    items.push(step(page + 1, "next", "Next →"));
    nav.replaceChildren(...items);
  }

  function showing(first, last, total) {
    const text = total === 0 ? "No findings to show."
      : `${formatCount(first)}–${formatCount(last)} of ${formatCount(total)} findings`;
    document.getElementById("showing").textContent = text;
  }

  function render(state) {
    const began = performance.now();
    const chosen = select(state);
    const pageCount = Math.max(1, Math.ceil(chosen.matching.length / data.page_size));
    state.page = Math.min(state.page, pageCount);
    const start = (state.page - 1) * data.page_size;
    const page = chosen.matching.slice(start, start + data.page_size);
    document.getElementById("cards").replaceChildren(...page.map(card));
    kindFacet(state, chosen);
    listFacet("outlet", "all outlets", outletValues, state, chosen);
    listFacet("incident", "all incidents", incidentValues, state, chosen);
    showing(start + 1, start + page.length, chosen.matching.length);
    pager(state, pageCount);
    search.value = state.q;
    sort.value = state.sort;
    document.body.dataset.renders = String(Number(document.body.dataset.renders || 0) + 1);
    performance.measure("report-render", {start: began});
  }

  const outletValues = data.outlets.map((outlet) => [outlet, outlet]);
  const incidentValues = [...data.incidents.map((incident) => [incident.id, incident.label]),
    [data.no_incident, "no incident"]];

  // --- events ---------------------------------------------------------------------------
  const search = document.getElementById("search");
  const sort = document.getElementById("sort");
  const findingsTop = document.getElementById("findings");
  let typing = false;  // one history entry per search, not one per key
  let pause = 0;

  search.addEventListener("input", () => {
    clearTimeout(pause);
    pause = setTimeout(() => {
      const state = {...readState(), q: search.value, page: 1};
      history[typing ? "replaceState" : "pushState"](null, "", fragmentOf(state));
      typing = true;
      render(state);
    }, SEARCH_PAUSE_MS);
  });
  sort.addEventListener("change", () => {
    location.hash = fragmentOf({...readState(), sort: sort.value, page: 1});
  });
  window.addEventListener("hashchange", () => {
    typing = false;
    render(readState());
    // A pager link at the foot of the list, or an incident's link above it, brings the
    // reader to the head of the list.
    const top = findingsTop.getBoundingClientRect().top;
    if ((top < 0 || top > innerHeight) && location.hash !== EVERYTHING) findingsTop.scrollIntoView();
  });
  window.addEventListener("popstate", () => { typing = false; });
  // The server drew the state with nothing chosen; any other is drawn now.
  const first = readState();
  if (fragmentOf(first) !== EVERYTHING) render(first);
  search.value = first.q;
  sort.value = first.sort;
  performance.mark("report-ready");
})();
