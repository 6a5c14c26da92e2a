"""The per-story comparison: an outlet's summary says whose words each example is."""

from __future__ import annotations

from rashomon.framing.compare import outlet_framing


def row(text: str, voice: str, speaker: str | None, weight: float = 0.55) -> dict:
    return {
        "article_id": "a",
        "start": 0,
        "end": len(text),
        "text": text,
        "signal": "loaded",
        "label": "negative_judgement",
        "weight": weight,
        "voice": voice,
        "speaker": speaker,
    }


def test_the_summary_names_the_speaker_of_each_chosen_quotes_word():
    rows = [
        row("reckless", "outlet", None),
        row("shameful", "quote", "Ana Diaz", 0.6),
        row("disgraceful", "quote", None),
    ]
    summary = outlet_framing("Daily", ["a"], rows, sentences=2, biased=1).summary
    assert "uses loaded words such as 'reckless';" in summary  # its own voice: no speaker
    assert (
        "chooses quotes with loaded words such as 'shameful' (quote: Ana Diaz), "
        "'disgraceful' (quote: speaker unknown)"
    ) in summary
