"""The read layer: story identity decided once, and every read the surfaces make.

Surfaces (briefing, report, web, API) call these typed functions; SQL lives here and in
``rashomon.store`` only.
"""
