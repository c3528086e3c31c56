"""What the report page is showing, as its URL fragment says:
`#kind=conflict&outlet=trt&incident=inc-…&q=idlib&sort=score&page=2`.

The state lives in the fragment so that a reload, a bookmark, back and forward keep it;
`#findings`, the findings section's own anchor, is the state with nothing chosen. The page's
script (report.js, `fragmentOf`) writes the same fragments as `fragment` here.
"""

from __future__ import annotations

from urllib.parse import quote_plus

# The fragment keys in the order the URL lists them.
STATE_KEYS = ("kind", "outlet", "incident", "q", "sort", "page")
# How the page may order the findings: (value in the URL, label); the first is the default.
SORTS: tuple[tuple[str, str], ...] = (
    ("kind", "kind, then score"),
    ("score", "score"),
    ("gap", "date gap, largest first"),
    ("date", "date, newest first"),
    ("oldest", "date, oldest first"),
)
DEFAULT_SORT = SORTS[0][0]
# The incident facet's value for findings outside any incident.
NO_INCIDENT = "none"
# The fragment of the state with nothing chosen: the findings section's anchor.
EVERYTHING = "#findings"


def fragment(
    *, kind: str = "", outlet: str = "", incident: str = "", q: str = "",
    sort: str = DEFAULT_SORT, page: int = 1,
) -> str:  # fmt: skip
    """The URL fragment of a state, defaults left out, keys in STATE_KEYS order, values
    form-encoded as the script's URLSearchParams encodes them."""
    values = {"kind": kind, "outlet": outlet, "incident": incident, "q": q}
    values |= {"sort": "" if sort == DEFAULT_SORT else sort, "page": "" if page == 1 else str(page)}
    parts = [f"{key}={_form_encode(values[key])}" for key in STATE_KEYS if values[key]]
    return "#" + "&".join(parts) if parts else EVERYTHING


def _form_encode(value: str) -> str:
    # URLSearchParams leaves * unescaped and escapes ~: the other way round from quote_plus.
    return quote_plus(value, safe="*").replace("~", "%7E")
