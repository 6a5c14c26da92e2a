"""Stage ``timeline``: the dated statements and happenings that the ``dates`` stage's
expressions anchor (the date stage itself is ``rashomon.dates``)."""
