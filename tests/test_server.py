"""The review page over real HTTP: a uvicorn server in a thread, requests through httpx."""

from __future__ import annotations

import re
import threading

import httpx
import pytest
from review_corpus import fresh_index, live_server

from checker import review
from checker.server.app import create_app

TOKEN_RE = re.compile(r'name="csrf_token" value="([0-9a-f]+)"')


@pytest.fixture
def site(tmp_path_factory, tmp_path):
    index_path = fresh_index(tmp_path_factory, tmp_path)
    review.sync(index_path=index_path)
    with live_server(create_app(index_path=index_path, reviewer="desk")) as base_url:
        yield index_path, base_url


def client(base_url: str) -> httpx.Client:
    return httpx.Client(base_url=base_url, follow_redirects=False, timeout=30)


def session_token(browser: httpx.Client, finding_id: int) -> str:
    page = browser.get(f"/findings/{finding_id}")
    assert page.status_code == 200
    return TOKEN_RE.search(page.text).group(1)


def finding_between(index_path, *outlets):
    return next(
        f for f in review.list_findings(index_path=index_path) if set(f.outlets) == set(outlets)
    )


def test_queue_page_lists_and_filters_findings(site):
    index_path, base_url = site
    with client(base_url) as browser:
        page = browser.get("/")
        assert page.status_code == 200
        assert page.text.count('<tr data-id="') == 5
        duplicates = browser.get("/", params={"kind": "duplicate"})
        assert duplicates.text.count('<tr data-id="') == 2
        delta = browser.get("/", params={"outlet": "Delta Post", "status": "open"})
        assert delta.text.count('<tr data-id="') == 1
        assert "Delta Post" in delta.text


def test_finding_page_highlights_both_sentences_and_escapes_article_text(site):
    index_path, base_url = site
    finding = finding_between(index_path, "Alpha News", "Beta Times")
    assert finding.kind == "conflict"
    with client(base_url) as browser:
        page = browser.get(f"/findings/{finding.id}")
    assert page.status_code == 200
    assert '<mark class="this">' + finding.pair.a.text + "</mark>" in page.text
    assert '<mark class="this">' + finding.pair.b.text + "</mark>" in page.text
    assert "&lt;script&gt;alert(&#34;pwned&#34;)&lt;/script&gt;" in page.text
    assert '<script>alert("pwned")' not in page.text


def test_session_cookie_is_httponly_and_samesite_strict(site):
    _, base_url = site
    with client(base_url) as browser:
        cookie = browser.get("/").headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie


def test_state_changes_without_the_right_csrf_token_are_refused(site):
    index_path, base_url = site
    url = "/findings/1/verdict"
    with client(base_url) as stranger:
        assert stranger.post(url, data={"action": "confirm"}).status_code == 403
    with client(base_url) as browser, client(base_url) as other:
        token = session_token(browser, 1)
        other_token = session_token(other, 1)
        assert other_token != token
        for data in ({"action": "confirm"}, {"action": "confirm", "csrf_token": other_token}):
            assert browser.post(url, data=data).status_code == 403
        cross_site = browser.post(
            url,
            data={"action": "confirm", "csrf_token": token},
            headers={"Origin": "http://evil.example"},
        )
        assert cross_site.status_code == 403
        assert review.show(index_path=index_path, finding=1).finding.status == "open"
        accepted = browser.post(url, data={"action": "confirm", "csrf_token": token})
        assert accepted.status_code == 303
        assert accepted.headers["location"].startswith("/findings/2")
    assert review.show(index_path=index_path, finding=1).finding.status == "confirmed"


def test_verdict_by_header_token_returns_json(site):
    index_path, base_url = site
    with client(base_url) as browser:
        token = session_token(browser, 2)
        response = browser.post(
            "/findings/2/verdict",
            data={"action": "dismiss", "reason": "same-event-update", "note": "revised toll"},
            headers={"X-CSRF-Token": token, "Accept": "application/json"},
        )
    assert response.status_code == 200
    body = response.json()
    assert (body["status"], body["reason"], body["note"], body["reviewer"]) == (
        "dismissed",
        "same-event-update",
        "revised toll",
        "desk",
    )


def test_unknown_finding_is_a_404_page(site):
    _, base_url = site
    with client(base_url) as browser:
        page = browser.get("/findings/999")
    assert page.status_code == 404 and "no finding &#39;999&#39;" in page.text


def test_two_reviewers_at_once_lose_neither_action(site):
    index_path, base_url = site
    rounds = 8
    barrier = threading.Barrier(2)
    statuses: list[int] = []

    def reviewer(name: str, action: str) -> None:
        with client(base_url) as browser:
            token = session_token(browser, 3)
            for _ in range(rounds):
                barrier.wait()
                response = browser.post(
                    "/findings/3/verdict",
                    data={
                        "action": action,
                        "reason": "false-alarm",
                        "reviewer": name,
                        "csrf_token": token,
                    },
                )
                statuses.append(response.status_code)

    threads = [
        threading.Thread(target=reviewer, args=("ana", "confirm")),
        threading.Thread(target=reviewer, args=("bo", "dismiss")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert statuses == [303] * (2 * rounds)
    detail = review.show(index_path=index_path, finding=3)
    verdicts = [e for e in detail.events if e.action in ("confirmed", "dismissed")]
    assert len(verdicts) == 2 * rounds
    assert sorted({(e.reviewer, e.action) for e in verdicts}) == [
        ("ana", "confirmed"),
        ("bo", "dismissed"),
    ]
    last = verdicts[-1]
    assert (detail.finding.status, detail.finding.reviewer) == (last.status, last.reviewer)
