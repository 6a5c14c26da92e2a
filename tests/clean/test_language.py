"""Language detection on a small language set."""

from __future__ import annotations

from rashomon.clean.language import detect_language


def test_languages() -> None:
    assert (
        detect_language("Putin will fail in Ukraine, the US Secretary of State said on Wednesday.")[
            0
        ]
        == "en"
    )
    assert (
        detect_language("Президент России Владимир Путин потерпит неудачу, заявил Блинкен.")[0]
        == "ru"
    )
    assert (
        detect_language("Президент Росії Володимир Путін зазнає поразки, заявив Блінкен.")[0]
        == "uk"
    )
    assert detect_language(
        "Der russische Präsident wird in der Ukraine scheitern, sagte Blinken."
    ) == (
        "de",
        "German",
    )


def test_too_little_text_is_undecided() -> None:
    assert detect_language("12 34 -- ok") == (None, "")
