"""The report: one self-contained HTML page that shows what a crawl holds.

    report_data(records) -> dict          the figures, computed here (pure, tested as a table)
    render(records, title) -> str         the page: the figures as JSON inside it, and the code that draws them
    write_report(records, path, ...)      written beside PATH and moved into place

The page needs no network and asks for none: its Content-Security-Policy allows no request at all
(`default-src 'none'`), the charts are SVG drawn by the inline script from the embedded data, and
every text from the records reaches the page through `textContent`, never as markup. It shows:
releases per month by field of work (a release filed under two fields counts in each), the most
frequent sources and places, the most quoted speakers with their roles, and every quote in a
table that a search box filters (the search is kept in the address, `report.html#q=water`), each
linking to its release.
"""

from __future__ import annotations

import json
import os
from collections import Counter, defaultdict
from collections.abc import Iterable
from html import escape
from pathlib import Path
from typing import Any

from scraper.export import ExportError, describe_os_error
from scraper.progress import counted

TOP_FIELDS = 8  # fields of work drawn one by one; the rest are summed as "other fields"
TOP_BARS = 15  # sources, places, speakers shown in each bar chart
OTHER_FIELDS = "other fields"
NO_FIELD = "no field given"
DATA_ELEMENT_ID = "report-data"
# Inside <script>, "</script>" or "<!--" would end or confuse the element: JSON may escape them.
SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def report_data(records: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """The figures the page draws, from record dicts (one version of each release)."""
    releases = list(records)
    quotes = [_quote_row(release, quote) for release in releases for quote in release.get("quotes") or []]
    quotes.sort(key=lambda quote: quote["date"] or "", reverse=True)  # the newest first; stable within a release
    return {
        "releases": len(releases),
        "undated": sum(1 for release in releases if not release.get("date")),
        "months": _months_by_field(releases),
        "sources": _top(source for release in releases for source in release.get("sources") or []),
        "places": _top(release["place"] for release in releases if release.get("place")),
        "speakers": _top_speakers(releases),
        "quotes": quotes,
    }


def _top(values: Iterable[str], limit: int = TOP_BARS) -> list[list[Any]]:
    """The most frequent values as [value, count], most frequent first (ties by name)."""
    counts = Counter(values)
    return [[value, count] for value, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]]


def _months_by_field(releases: list[dict[str, Any]]) -> dict[str, Any]:
    """Every month from the first to the last dated release (empty months too), and for each of the
    TOP_FIELDS fields (then "other fields", "no field given") its count per month."""
    dated = [release for release in releases if release.get("date")]
    if not dated:
        return {"labels": [], "series": []}
    months = _month_range(min(r["date"][:7] for r in dated), max(r["date"][:7] for r in dated))
    field_totals = Counter(field for release in dated for field in release.get("fields_of_work") or [])
    drawn = [field for field, _ in sorted(field_totals.items(), key=lambda item: (-item[1], item[0]))[:TOP_FIELDS]]
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for release in dated:
        month = release["date"][:7]
        fields = release.get("fields_of_work") or []
        if not fields:
            counts[NO_FIELD][month] += 1
        for field in dict.fromkeys(fields):  # a field listed twice counts once
            counts[field if field in drawn else OTHER_FIELDS][month] += 1
    names = [name for name in (*drawn, OTHER_FIELDS, NO_FIELD) if counts[name]]
    return {"labels": months, "series": [{"name": name, "counts": [counts[name][m] for m in months]} for name in names]}


def _month_range(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    months: list[str] = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _top_speakers(releases: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The most quoted named speakers: quotes, releases quoting them, and their roles (most used first)."""
    quotes: Counter[str] = Counter()
    in_releases: Counter[str] = Counter()
    roles: dict[str, Counter[str]] = defaultdict(Counter)
    for release in releases:
        named = [quote["speaker"] for quote in release.get("quotes") or [] if quote.get("speaker")]
        quotes.update(named)
        in_releases.update(set(named))
        for speaker in release.get("speakers") or []:
            if speaker.get("role") and speaker["name"] in in_releases:
                roles[speaker["name"]][speaker["role"]] += 1
    ranked = sorted(quotes.items(), key=lambda item: (-item[1], item[0]))[:TOP_BARS]
    return [
        {"name": name, "quotes": count, "releases": in_releases[name], "roles": [role for role, _ in roles[name].most_common()]}
        for name, count in ranked
    ]


def _quote_row(release: dict[str, Any], quote: dict[str, Any]) -> dict[str, Any]:
    roles = {speaker["name"]: speaker.get("role") for speaker in release.get("speakers") or []}
    return {
        "text": quote["text"],
        "speaker": quote.get("speaker"),
        "role": roles.get(quote.get("speaker")),
        "date": release.get("date"),
        "title": release["title"],
        "url": release["url"],
    }


def embedded_json(data: Any) -> str:
    """JSON that is safe inside a <script> element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return "".join(SCRIPT_ESCAPES.get(char, char) for char in text)


def render(records: Iterable[dict[str, Any]], title: str) -> str:
    data = report_data(records)
    return PAGE.format(
        title=escape(title),
        summary=escape(_summary(data)),
        style=STYLE,
        data_id=DATA_ELEMENT_ID,
        data=embedded_json(data),
        script=SCRIPT,
    )


def _summary(data: dict[str, Any]) -> str:
    months = data["months"]["labels"]
    span = f" from {months[0]} to {months[-1]}" if months else ""
    speakers = len({quote["speaker"] for quote in data["quotes"] if quote["speaker"]})
    return (f"{counted(data['releases'], 'release')}{span}, {counted(len(data['quotes']), 'quote')} "
            f"by {counted(speakers, 'named speaker')}")


def write_report(records: Iterable[dict[str, Any]], path: Path, *, title: str, force: bool = False) -> str:
    """Write the report to `path`; the one-line summary of what it shows. ExportError if `path`
    exists (unless `force`) or cannot be written; nothing half-written is left behind."""
    if path.is_dir():
        raise ExportError(f"{path}: is a folder (the report is one HTML file)")
    if path.exists() and not force:
        raise ExportError(f"{path} exists: pass --force to replace it")
    records = list(records)
    page = render(records, title)
    staged = path.with_name(f".{path.name}.{os.getpid()}.part")  # beside PATH: os.replace stays one rename
    try:
        # os.open, not mkstemp: the mode follows the umask (0644 as a rule), as for any file a user writes
        handle = os.open(staged, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as error:
        raise ExportError(f"cannot write {path}: {describe_os_error(error)}") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(page)
        os.replace(staged, path)
    except OSError as error:
        raise ExportError(f"cannot write {path}: {describe_os_error(error)}") from None
    finally:
        if staged.exists():
            staged.unlink()
    return f"{counted(len(records), 'release')}, {counted(sum(len(r.get('quotes') or []) for r in records), 'quote')}"


PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{style}</style>
</head>
<body>
<header><h1>{title}</h1><p id="summary">{summary}</p></header>
<main>
<section><h2>Releases per month, by field of work</h2>
<p class="note">A release filed under two fields counts in each; months without a release are shown empty.</p>
<div id="chart-months" class="chart"></div><div id="legend-months" class="legend"></div></section>
<div class="pair">
<section><h2>Sources</h2><div id="chart-sources" class="chart"></div></section>
<section><h2>Places</h2><div id="chart-places" class="chart"></div></section>
</div>
<section><h2>Most quoted speakers</h2>
<p class="note">Quotes attributed to each person; their role as the releases give it.</p>
<div id="chart-speakers" class="chart"></div></section>
<section><h2>Quotes</h2>
<input id="quote-search" type="search" placeholder="Search quotes, speakers, roles, titles" aria-label="Search quotes">
<p id="quote-count" class="note"></p>
<table id="quotes"><thead><tr><th>Date</th><th>Speaker</th><th>Quote</th><th>Release</th></tr></thead><tbody></tbody></table>
</section>
</main>
<footer id="report-errors" hidden></footer>
<script type="application/json" id="{data_id}">{data}</script>
<script>{script}</script>
</body>
</html>
"""

STYLE = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 1100px; padding: 0 1.2em 3em; color: #1d1d1f; }
h1 { font-size: 1.6em; margin: 1em 0 0.2em; } h2 { font-size: 1.15em; margin: 1.6em 0 0.4em; }
.note, #summary { color: #555; margin: 0.2em 0 0.6em; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 2em; }
.chart svg { display: block; max-width: 100%; }
.chart text { font-size: 12px; fill: #1d1d1f; }
.legend span { display: inline-block; margin: 0 1em 0.3em 0; font-size: 13px; }
.legend i { display: inline-block; width: 0.9em; height: 0.9em; margin-right: 0.3em; vertical-align: -0.1em; }
.empty { color: #777; font-style: italic; }
#quote-search { width: 100%; padding: 0.5em; font-size: 1em; box-sizing: border-box; }
table { border-collapse: collapse; width: 100%; margin-top: 0.5em; }
th, td { text-align: left; vertical-align: top; padding: 0.35em 0.5em; border-bottom: 1px solid #e2e2e2; }
td.date { white-space: nowrap; } td .role { display: block; color: #666; font-size: 0.9em; }
"""

# The drawing code: plain DOM and SVG, no library. Record text only ever goes through textContent.
SCRIPT = r"""
"use strict";
(function () {
  const SVG = "http://www.w3.org/2000/svg";
  const COLORS = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"];
  const MAX_ROWS = 300;
  const errors = document.getElementById("report-errors");
  window.addEventListener("error", function (event) {
    errors.hidden = false;
    errors.textContent += "error: " + event.message + "\n";
  });
  const data = JSON.parse(document.getElementById("report-data").textContent);

  function svg(tag, attributes, parent) {
    const node = document.createElementNS(SVG, tag);
    for (const name in attributes) node.setAttribute(name, attributes[name]);
    if (parent) parent.appendChild(node);
    return node;
  }
  function label(parent, x, y, text, anchor) {
    const node = svg("text", {x: x, y: y, "text-anchor": anchor || "start"}, parent);
    node.textContent = text;
    return node;
  }
  function empty(container, text) {
    const note = document.createElement("p");
    note.className = "empty";
    note.textContent = text;
    container.appendChild(note);
  }

  function stackedMonths(container, legend, months) {
    if (!months.labels.length) { empty(container, "No dated release."); return; }
    const width = 1040, height = 300, left = 36, right = 30, bottom = 40, top = 10;
    const totals = months.labels.map(function (_, i) {
      return months.series.reduce(function (sum, s) { return sum + s.counts[i]; }, 0);
    });
    const most = Math.max(1, Math.max.apply(null, totals));
    const step = (width - left - right) / months.labels.length;
    const chart = svg("svg", {viewBox: "0 0 " + width + " " + height, width: width, height: height, role: "img"}, container);
    const scale = (height - top - bottom) / most;
    label(chart, left - 6, top + 10, String(most), "end");
    label(chart, left - 6, height - bottom, "0", "end");
    svg("line", {x1: left, x2: width - right, y1: height - bottom, y2: height - bottom, stroke: "#999"}, chart);
    const labelEvery = Math.ceil(months.labels.length / 16);
    months.labels.forEach(function (month, i) {
      let y = height - bottom;
      months.series.forEach(function (series, s) {
        const count = series.counts[i];
        if (!count) return;
        const h = count * scale;
        y -= h;
        const bar = svg("rect", {x: left + i * step + step * 0.1, y: y, width: Math.max(1, step * 0.8), height: h,
                                 fill: COLORS[s % COLORS.length], "class": "bar"}, chart);
        svg("title", {}, bar).textContent = month + " · " + series.name + ": " + count;
      });
      if (i % labelEvery === 0) label(chart, left + i * step + step / 2, height - bottom + 16, month, "middle");
    });
    months.series.forEach(function (series, s) {
      const item = document.createElement("span");
      const swatch = document.createElement("i");
      swatch.style.background = COLORS[s % COLORS.length];
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(series.name));
      legend.appendChild(item);
    });
  }

  // rows: [{label, count, detail}] drawn as horizontal bars, longest first
  function bars(container, rows, color) {
    if (!rows.length) { empty(container, "None in these releases."); return; }
    const width = container.clientWidth || 500, row = 22, labelWidth = Math.min(260, width * 0.45);
    const height = rows.length * row + 4;
    const most = Math.max.apply(null, rows.map(function (r) { return r.count; }));
    const chart = svg("svg", {viewBox: "0 0 " + width + " " + height, width: width, height: height, role: "img"}, container);
    rows.forEach(function (r, i) {
      const y = i * row + 2;
      const room = Math.floor(labelWidth / 7);  // characters that fit left of the bars
      const text = label(chart, labelWidth - 6, y + 15, r.label.length > room ? r.label.slice(0, room - 1) + "…" : r.label, "end");
      svg("title", {}, text).textContent = r.label + (r.detail ? " — " + r.detail : "");
      const w = Math.max(2, (width - labelWidth - 40) * r.count / most);
      const bar = svg("rect", {x: labelWidth, y: y + 3, width: w, height: row - 7, fill: color, "class": "bar"}, chart);
      svg("title", {}, bar).textContent = r.label + ": " + r.count;
      label(chart, labelWidth + w + 4, y + 15, String(r.count));
    });
  }

  function speakerRows(speakers) {
    return speakers.map(function (s) {
      const role = s.roles.length ? s.roles[0] : "";
      return {label: role ? s.name + ", " + role : s.name, count: s.quotes,
              detail: s.releases + (s.releases === 1 ? " release" : " releases") + (s.roles.length > 1 ? "; also: " + s.roles.slice(1).join("; ") : "")};
    });
  }

  function safeHref(url) {
    return /^(https?|file):/i.test(url) ? url : null;
  }

  function quoteTable(body, count, search, quotes) {
    function show() {
      const words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
      const matching = quotes.filter(function (q) {
        const haystack = [q.text, q.speaker || "", q.role || "", q.title].join(" ").toLowerCase();
        return words.every(function (w) { return haystack.indexOf(w) >= 0; });
      });
      body.textContent = "";
      matching.slice(0, MAX_ROWS).forEach(function (q) {
        const tr = document.createElement("tr");
        const date = tr.insertCell(); date.className = "date"; date.textContent = q.date || "";
        const who = tr.insertCell(); who.textContent = q.speaker || "(speaker not named)";
        if (q.role) { const role = document.createElement("span"); role.className = "role"; role.textContent = q.role; who.appendChild(role); }
        const text = tr.insertCell(); text.textContent = "“" + q.text + "”";
        const release = tr.insertCell();
        const href = safeHref(q.url);
        const link = document.createElement(href ? "a" : "span");
        if (href) link.href = href;
        link.textContent = q.title;
        release.appendChild(link);
        body.appendChild(tr);
      });
      count.textContent = matching.length + (matching.length === 1 ? " quote" : " quotes") +
        (matching.length > MAX_ROWS ? " (the first " + MAX_ROWS + " shown: search to narrow them)" : "");
    }
    // The search is kept in the address (#q=...), so a filtered table can be bookmarked or sent.
    const initial = /^#q=/.test(location.hash) ? decodeURIComponent(location.hash.slice(3)) : "";
    search.value = initial;
    search.addEventListener("input", function () {
      history.replaceState(null, "", search.value ? "#q=" + encodeURIComponent(search.value) : location.pathname);
      show();
    });
    show();
  }

  stackedMonths(document.getElementById("chart-months"), document.getElementById("legend-months"), data.months);
  bars(document.getElementById("chart-sources"), data.sources.map(function (p) { return {label: p[0], count: p[1]}; }), "#4e79a7");
  bars(document.getElementById("chart-places"), data.places.map(function (p) { return {label: p[0], count: p[1]}; }), "#59a14f");
  bars(document.getElementById("chart-speakers"), speakerRows(data.speakers), "#f28e2b");
  quoteTable(document.querySelector("#quotes tbody"), document.getElementById("quote-count"),
             document.getElementById("quote-search"), data.quotes);
  document.body.setAttribute("data-rendered", "yes");
})();
"""
