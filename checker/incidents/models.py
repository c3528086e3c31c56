"""The incident model: one event as the corpus reports it (built by incidents/build.py)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from checker.models import Frozen, Location


class Incident(Frozen):
    """One event as the corpus reports it: what happened, where and when, and the sentences of
    every outlet that report it (incidents/build.py)."""

    id: str = Field(description="stable id: a hash of the first report's event, place and day")
    event: str = Field(description="what happened: 'attack' (people killed or hurt), 'abducted' …")
    means: list[str] = Field([], description="how, as the reports say: air, shelling, bombing …")
    place: Location | None = Field(None, description="where, at the most specific level known")
    place_source: Literal["sentence", "article", "none"] = Field(
        "none", description="whether the place is the sentence's own or its article's lead"
    )
    first_day: dt.date | None = Field(None, description="earliest day the reports allow")
    last_day: dt.date | None = Field(None, description="latest day the reports allow")
    dated_by: Literal["text", "publication", "none"] = Field(
        "none", description="whether a sentence's own words date it, or only its report's date"
    )
    rows: list[int] = Field(description="index rows of its sentences, in report order")
    outlets: list[str] = Field(description="outlets that report it, sorted")
