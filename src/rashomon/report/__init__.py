"""The static report: one self-contained HTML file (inline CSS and SVG, no script, no network)."""

from rashomon.report.render import render_report

__all__ = ["render_report"]
