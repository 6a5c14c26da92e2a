"""The web UI and JSON API (FastAPI, server-rendered Jinja2, no script), read-only."""
