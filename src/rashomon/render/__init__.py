"""Rendering shared by the single-file report and the web UI (charts of a story), so that
neither imports the other."""
