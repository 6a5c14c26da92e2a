"""Stories: syndicated copies, events and storylines, built incrementally.

``stage.run`` is the cross-article stage; ``copies``, ``events`` and ``storylines``
hold the in-memory logic, ``repo`` reads and writes the store, ``queries`` serves the
CLI and the export.
"""
