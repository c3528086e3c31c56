"""Who may reach the review page (checker.server.access, `checker serve`): requests for
another host name are refused, and a bind beyond loopback needs --allow-remote and a token."""

from __future__ import annotations

import re

import httpx
import pytest
import uvicorn
from review_corpus import fresh_index, live_server
from typer.testing import CliRunner

from checker import review
from checker.cli import app
from checker.server.app import create_app

runner = CliRunner()
CSRF_RE = re.compile(r'name="csrf_token" value="([0-9a-f]+)"')
TOKEN_URL_RE = re.compile(r"review page: http://0\.0\.0\.0:8765/\?token=([A-Za-z0-9_-]{32,})  ")


@pytest.fixture
def synced(tmp_path_factory, tmp_path):
    index_path = fresh_index(tmp_path_factory, tmp_path)
    review.sync(index_path=index_path)
    return index_path


@pytest.fixture
def served(monkeypatch):
    """What `checker serve` would run: uvicorn.run records its app instead of serving it."""
    calls: list[dict] = []
    monkeypatch.setattr(
        uvicorn, "run", lambda app, **options: calls.append({"app": app, **options})
    )
    return calls


def client(base_url: str) -> httpx.Client:
    return httpx.Client(base_url=base_url, follow_redirects=False, timeout=30)


def test_a_request_naming_another_host_is_refused(synced):
    with live_server(create_app(index_path=synced)) as base_url, client(base_url) as browser:
        assert browser.get("/").status_code == 200
        port = base_url.rsplit(":", 1)[1]
        assert browser.get("/", headers={"Host": f"localhost:{port}"}).status_code == 200
        rebound = {"Host": f"evil.example:{port}"}
        assert browser.get("/", headers=rebound).status_code == 400
        assert browser.get("/findings/1", headers=rebound).status_code == 400
        csrf = CSRF_RE.search(browser.get("/findings/1").text).group(1)
        posted = browser.post(
            "/findings/1/verdict", data={"action": "confirm", "csrf_token": csrf}, headers=rebound
        )
        assert posted.status_code == 400
    assert review.show(index_path=synced, finding=1).finding.status == "open"


def test_a_bind_beyond_loopback_without_allow_remote_is_a_usage_error(synced, served):
    result = runner.invoke(app, ["serve", "--index", str(synced), "--host", "0.0.0.0", "--no-sync"])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "pass --allow-remote" in result.stderr
    assert served == []


def test_allow_remote_prints_a_token_url_and_refuses_requests_without_the_token(
    synced, served, monkeypatch
):
    monkeypatch.delenv("CHECKER_SERVE_TOKEN", raising=False)
    args = ["serve", "--index", str(synced), "--host", "0.0.0.0", "--allow-remote", "--no-sync"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    (token,) = TOKEN_URL_RE.findall(result.stderr)
    assert result.stderr.count(token) == 1
    assert served[0]["host"] == "0.0.0.0"
    with live_server(served[0]["app"]) as base_url:
        with client(base_url) as stranger:
            assert stranger.get("/").status_code == 401
            assert stranger.get("/findings/1", params={"token": token[:-1]}).status_code == 401
            assert (
                stranger.post("/findings/1/verdict", data={"action": "confirm"}).status_code == 401
            )
        with client(base_url) as editor:
            opened = editor.get("/", params={"token": token})
            assert opened.status_code == 200
            cookie = next(
                value for value in opened.headers.get_list("set-cookie") if "review_token" in value
            ).lower()
            assert "httponly" in cookie and "samesite=strict" in cookie
            page = editor.get("/findings/1")  # the cookie alone now lets the editor in
            assert page.status_code == 200
            csrf = CSRF_RE.search(page.text).group(1)
            posted = editor.post(
                "/findings/1/verdict", data={"action": "confirm", "csrf_token": csrf}
            )
            assert posted.status_code == 303
    assert review.show(index_path=synced, finding=1).finding.status == "confirmed"


def test_the_token_can_come_from_the_environment(synced, served, monkeypatch):
    monkeypatch.setenv("CHECKER_SERVE_TOKEN", "desk-token-0123456789")
    args = ["serve", "--index", str(synced), "--host", "192.0.2.7", "--allow-remote", "--no-sync"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "review page: http://192.0.2.7:8765/?token=desk-token-0123456789 " in result.stderr
    with live_server(served[0]["app"]) as base_url, client(base_url) as browser:
        port = base_url.rsplit(":", 1)[1]
        named = {"Host": f"192.0.2.7:{port}"}
        assert browser.get("/", headers=named).status_code == 401
        opened = browser.get("/", params={"token": "desk-token-0123456789"}, headers=named)
        assert opened.status_code == 200
        assert browser.get("/", headers={"Host": f"evil.example:{port}"}).status_code == 400
    monkeypatch.setenv("CHECKER_SERVE_TOKEN", "short")
    refused = runner.invoke(app, args)
    assert refused.exit_code == 2 and "CHECKER_SERVE_TOKEN" in refused.stderr
