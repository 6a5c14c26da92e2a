"""Load the spaCy pipeline once per process (and so once per Dask worker).

The model name is a setting so users can plug a larger pipeline. Nothing is
downloaded: a pipeline that is not installed is a clear error, E501. The
attribute ruler is swapped for an exact table-driven copy (annotate.pos), which
gives every token the same part of speech at a fraction of the Matcher's cost. A blank
line ends a sentence (``paragraph_breaks``, before the parser): the parser alone ran a
headline, a subhead or a caption without a full stop into the next paragraph's first
sentence, so that sentence's quotes, points and bias score read the headline too.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc

from rashomon.annotate.pos import use_fast_attribute_rules
from rashomon.errors import missing_model

# Components no Rashomon stage reads; disabling them saves about a fifth of the parse.
UNUSED_COMPONENTS = ("lemmatizer",)
PARAGRAPH_BREAKS = "rashomon_paragraph_breaks"


@Language.component(PARAGRAPH_BREAKS)
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence at a blank line and at the word after it. The blank line is a
    sentence of its own (annotate drops it as empty): marking only the word after it
    made the parser split that word from the rest of its sentence ("President | Trump
    named…"), while a whitespace sentence leaves the parse of both neighbours intact."""
    # Only whitespace tokens can break: found in one attribute array, not one Token per word.
    spaces = doc.to_array(IS_SPACE)[:-1].nonzero()[0].tolist()
    for i in spaces:
        token = doc[i]
        if token.text.count("\n") >= 2:
            token.is_sent_start = True
            doc[i + 1].is_sent_start = True
    return doc


@lru_cache(maxsize=2)
def load_nlp(name: str) -> Language:
    try:
        nlp = spacy.load(name, disable=list(UNUSED_COMPONENTS))
    except OSError as exc:
        raise missing_model(name) from exc
    use_fast_attribute_rules(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    return nlp
