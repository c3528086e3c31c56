"""The local review page (`checker serve`): FastAPI with server-rendered Jinja2 templates."""

from checker.server.app import create_app

__all__ = ["create_app"]
