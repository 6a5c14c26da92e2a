"""Stage ``dates``, the second per-article stage: where the date expressions are
(``candidates``), what each names against the publication date (``normalize``), and
the stage that stores them (``stage``). The timeline stage reads its output.
``story`` is the cross-article step after the stories stage that dates an undated
article from the other articles of its story."""
