"""The stylesheet inlined into the HTML report, so the page needs no outside resource."""

from __future__ import annotations

from checker.models import KIND_ORDER, KINDS

# Accent and tint per colour name of the kind table (checker.models.KINDS): warm for what
# needs checking, cool or grey for what agrees.
PALETTE: dict[str, tuple[str, str]] = {
    "purple": ("#7b1fa2", "#f3e5f5"),
    "red": ("#c62828", "#fdecea"),
    "orange": ("#d35400", "#fdf0e1"),
    "blue": ("#1565c0", "#e6f0fb"),
    "green": ("#2e7d32", "#e8f5e9"),
    "grey": ("#5f6368", "#eeeff1"),
}

_BASE_CSS = """
:root { color-scheme: light; --ink: #1f2328; --muted: #5f6368; --rule: #dcdfe3;
  --paper: #ffffff; --page: #f6f7f9; --kind: #5f6368; --tint: #eeeff1; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--page); color: var(--ink);
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
  sans-serif; }
.page { max-width: 1360px; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
h1 { font-size: 1.9rem; margin: 0 0 .25rem; letter-spacing: -.01em; }
h2 { font-size: 1.35rem; margin: 0 0 .25rem; display: flex; align-items: center; gap: .5rem; }
code { font: .85em/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  background: #eef0f3; padding: .05em .3em; border-radius: 3px; overflow-wrap: anywhere; }
.meta { color: var(--muted); margin: 0 0 1.25rem; }
.stats { display: flex; flex-wrap: wrap; gap: .75rem; margin: 0 0 1.25rem; }
.stats div { background: var(--paper); border: 1px solid var(--rule); border-radius: 8px;
  padding: .6rem 1rem; min-width: 8rem; }
.stats dt { color: var(--muted); font-size: .8rem; text-transform: uppercase;
  letter-spacing: .05em; }
.stats dd { margin: 0; font-size: 1.5rem; font-weight: 600; font-variant-numeric: tabular-nums; }
nav.kinds { display: flex; flex-wrap: wrap; gap: .5rem; margin: 0 0 1rem; }
.chip { display: inline-flex; align-items: center; gap: .4rem; padding: .3rem .8rem;
  border-radius: 999px; border: 1px solid var(--rule); background: var(--paper);
  color: var(--ink); text-decoration: none; font-size: .9rem; }
a.chip:hover, a.chip.selected { border-color: var(--kind); background: var(--tint); }
a.chip.selected { font-weight: 600; box-shadow: inset 0 0 0 1px var(--kind); }
.chip.empty { color: var(--muted); opacity: .6; }
.dot { width: .7rem; height: .7rem; border-radius: 50%; background: var(--kind); flex: none; }
.count { font-variant-numeric: tabular-nums; color: var(--muted); font-weight: 500; }
.definition { color: var(--muted); margin: 0 0 1rem; max-width: 48rem; }
.definition:empty { display: none; }
.finding { background: var(--paper); border: 1px solid var(--rule);
  border-left: 5px solid var(--kind); border-radius: 8px; padding: 1rem 1.25rem; margin: 0 0 1rem; }
.finding-head { display: flex; justify-content: space-between; align-items: baseline; gap: 1rem; }
.reason { font-weight: 600; margin: 0; }
.scores { display: flex; gap: .4rem; margin: 0; white-space: nowrap; }
.score { font-size: .8rem; padding: .1rem .5rem; border-radius: 4px; background: var(--tint);
  color: var(--kind); font-variant-numeric: tabular-nums; }
.sides { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
.side { margin: 0; display: flex; flex-direction: column; justify-content: space-between;
  background: #fbfbfc; border: 1px solid #eceef1; border-radius: 6px; padding: .75rem .9rem; }
.side blockquote { margin: 0 0 .75rem; font: 1.05rem/1.6 Georgia, "Times New Roman", serif; }
.side figcaption { font-size: .85rem; color: var(--muted); }
.outlet { color: var(--ink); }
.title { display: block; font-style: italic; margin: .15rem 0; }
.where { display: block; }
mark { background: var(--tint); color: inherit; border-bottom: 1px dashed var(--kind);
  padding: 0 .1em; border-radius: 2px; }
mark.compared { background: var(--tint); border-bottom: 2px solid var(--kind); font-weight: 600; }
.compared-line { margin: .75rem 0 0; font-size: .9rem; }
.fingerprint { margin: .4rem 0 0; font-size: .75rem; color: var(--muted); }
footer { color: var(--muted); font-size: .8rem; margin-top: 3rem; }
.context { display: flex; flex-wrap: wrap; align-items: center; gap: .35rem .6rem;
  margin: .3rem 0 .75rem; font-size: .85rem; color: var(--muted); }
.badge { font-weight: 600; color: var(--kind); background: var(--tint); padding: .05rem .5rem;
  border-radius: 4px; text-transform: uppercase; font-size: .72rem; letter-spacing: .04em; }
.days, .place { color: var(--ink); }
.incident-link { color: var(--muted); }
details.incident { background: var(--paper); border: 1px solid var(--rule);
  border-radius: 6px; margin: 0 0 .3rem; padding: .3rem .8rem; font-size: .92rem; }
details.incident summary { cursor: pointer; }
details.incident[open] summary { font-weight: 600; }
details.incident p { margin: .4rem 0; font-size: .9rem; }
section.incidents { margin: 0 0 2.5rem; }
.incident table { border-collapse: collapse; width: 100%; font-size: .85rem; }
.incident th, .incident td { border-bottom: 1px solid #ddd; padding: .25rem .4rem;
  text-align: left; vertical-align: top; }
.no-js .needs-js { display: none; }
.controls { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem .75rem;
  margin: 0 0 1rem; }
.controls input, .controls select { font: inherit; padding: .35rem .6rem; border-radius: 6px;
  border: 1px solid var(--rule); background: var(--paper); color: var(--ink); }
.controls input { flex: 1 1 22rem; }
.browse { display: grid; grid-template-columns: 17rem minmax(0, 1fr); gap: 1.5rem;
  align-items: start; }
.facets { position: sticky; top: 1rem; max-height: calc(100vh - 2rem); overflow-y: auto;
  font-size: .85rem; }
.facet h3 { font-size: .8rem; text-transform: uppercase; letter-spacing: .05em;
  color: var(--muted); margin: 0 0 .3rem; }
.facet ul { list-style: none; margin: 0 0 1.25rem; padding: 0; }
.facet a { display: flex; justify-content: space-between; gap: .5rem; padding: .15rem .4rem;
  border-radius: 4px; color: var(--ink); text-decoration: none; }
.facet a:hover { background: #eef0f3; }
.facet a.selected { background: var(--ink); color: var(--paper); }
.facet a.selected .count { color: inherit; }
.facet .label { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
#facet-incident ul { max-height: 24rem; overflow-y: auto; }
.showing { color: var(--muted); margin: 0 0 .75rem; font-variant-numeric: tabular-nums; }
.noscript { background: #fff8e1; border: 1px solid #f0d9a0; border-radius: 6px;
  padding: .6rem .9rem; }
.pager { display: flex; flex-wrap: wrap; gap: .3rem; margin: 1.25rem 0 0; }
.pager a, .pager span { padding: .25rem .65rem; border-radius: 6px; border: 1px solid var(--rule);
  background: var(--paper); color: var(--ink); text-decoration: none;
  font-variant-numeric: tabular-nums; }
.pager .current { background: var(--ink); color: var(--paper); border-color: var(--ink); }
.pager .disabled { opacity: .45; }
.pager .gap { border-color: transparent; background: none; }
.legend { margin: 0 0 1rem; font-size: .9rem; }
.legend summary { cursor: pointer; color: var(--muted); }
.legend dl { display: grid; grid-template-columns: max-content 1fr; gap: .4rem .8rem; }
.legend dd { margin: 0; }
@media (max-width: 980px) { .browse { grid-template-columns: 1fr; }
  .facets { position: static; max-height: none; } }
@media (max-width: 760px) { .sides { grid-template-columns: 1fr; }
  .finding-head { flex-direction: column; gap: 0; } }
@media print { .controls, .facets, .pager, nav.kinds { display: none; } body { background: #fff; }
  .finding { break-inside: avoid; } }
"""


def report_css() -> str:
    """The whole stylesheet: the base rules, then one colour rule per kind."""
    kind_rules = ""
    for kind in KIND_ORDER:
        accent, tint = PALETTE[KINDS[kind].colour]
        kind_rules += f".kind-{kind} {{ --kind: {accent}; --tint: {tint}; }}\n"
    return _BASE_CSS.lstrip("\n") + kind_rules
