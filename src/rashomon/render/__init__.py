"""Rendering shared by the single-file report and the web UI, so that neither imports
the other: the one Jinja2 environment and stylesheet (``templating``), escaping and
safe links (``safety``), and charts of a story (``charts``)."""
