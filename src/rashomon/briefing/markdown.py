"""A briefing as Markdown: to paste into a note, a ticket or an e-mail.

Article text is untrusted, so whatever Markdown would read as markup (emphasis, code,
links, images, raw HTML, entities, table pipes) is backslash-escaped, and only that:
CommonMark shows ``\\<`` as ``<`` and leaves ``drawn-out`` alone, so the text reads as
printed in any viewer and in the raw file.
"""

from __future__ import annotations

import re

from rashomon.briefing.model import Briefing
from rashomon.clean.published import format_published
from rashomon.labels import outlets_phrase
from rashomon.model import StoryPoint

# Left alone where CommonMark reads them as text: "_" inside a word (donbas_republics),
# "<" not opening a tag or autolink ("a < b"), "&" not opening an entity ("AT&T").
MARKDOWN_SPECIAL = re.compile(
    r"([\\`*\[\]|~]|(?<![^\W_])_|_(?![^\W_])|<(?=[A-Za-z/!?])|&(?=#?\w+;))"
)
# What starts a heading, a list item or a block quote when it opens a line.
LINE_START = re.compile(r"^(#|[-+>])")


NOT_SHARED = (
    "No point is carried by at least half the outlets without a clash: "
    "the most salient points, each with the outlets that carry it."
)


def escape(text: str | None) -> str:
    text = MARKDOWN_SPECIAL.sub(r"\\\1", " ".join((text or "").split()))
    text = text.replace("\\](", "\\]\\(")  # no "](" is left to open a link
    numbered = re.match(r"\d+(?=[.)])", text)
    if numbered:  # "1." opens a numbered list: escape its dot, not its digit
        n = numbered.end()
        return text[:n] + "\\" + text[n:]
    return LINE_START.sub(r"\\\1", text)


def outlets(names: list[str]) -> str:
    return ", ".join(f"**{escape(n)}**" for n in names)


def passages(p: StoryPoint) -> str:
    """Where each outlet printed the point: article id and character span."""
    return "; ".join(
        f"{escape(m.outlet)} `{escape(m.article_id)}:{m.start}-{m.end}`" for m in p.members
    )


def point_line(p: StoryPoint) -> str:
    speaker = f"{escape(p.speaker)}: " if p.speaker and p.speaker != "unattributed" else ""
    clash = f" — contested ({p.clash})" if p.kind == "contested" else ""
    return f"- {speaker}{escape(p.text)} ({outlets(p.outlets)}{clash}) [{p.id}]"


def to_markdown(b: Briefing) -> str:
    s = b.story
    span = format_published(s.first, s.first_precision)  # "undated" when there is none
    if s.last and s.last != s.first:
        span += " to " + format_published(s.last, s.last_precision)
    out = [
        f"# {escape(s.title)}",
        "",
        f"{s.kind} `{s.id}` · {s.article_count} articles · {outlets_phrase(s.outlets)} · {span}",
        "",
    ]
    if b.single_outlet is not None:
        out += [f"Only **{escape(b.single_outlet)}** covers this story: nothing to compare.", ""]
    out += ["## Summary", ""]
    if b.summary and not b.summary_shared and b.single_outlet is None:
        out += [NOT_SHARED, ""]
    if b.summary:
        out += [point_line(p) for p in b.summary]
        out += ["", "Passages: " + " · ".join(f"[{p.id}] {passages(p)}" for p in b.summary)]
    else:
        out.append("No point is carried by at least half the outlets.")
    out.append("")
    contested = [p for p in b.points if p.kind == "contested"]
    if contested:
        out += ["## Where the outlets' accounts clash", "", *(point_line(p) for p in contested), ""]
    if b.differences:
        out += ["## How each outlet differs", ""]
    for d in b.differences:
        out += [f"### {escape(d.outlet)}", ""]
        if d.adds:
            out += ["Adds:", *(point_line(p) for p in d.adds), ""]
        if d.leaves_out:
            out += ["Leaves out:", *(point_line(p) for p in d.leaves_out), ""]
        if d.voices:
            quoted = "; ".join(
                f"{escape(v.speaker)} {v.share:.0%} (others {v.others_share:.0%})" for v in d.voices
            )
            out += [f"Voices (share of its quoted words): {quoted}", ""]
        for n in d.naming:
            others = "; ".join(f"{escape(o)}: {escape(', '.join(t))}" for o, t in n.others.items())
            out.append(f"- names {escape(n.family)} “{escape(', '.join(n.terms))}” ({others})")
        for fc in d.clashes:
            others = "; ".join(f"{escape(o)}: {escape(', '.join(v))}" for o, v in fc.others.items())
            values = escape(", ".join(fc.values))
            out.append(f"- figure for {escape(fc.counts)}: {values} ({others})")
        if d.naming or d.clashes:
            out.append("")
    if b.naming:
        names = sorted({o for row in b.naming for o in row["terms"]})
        out += ["## How outlets name the same things", ""]
        out.append("| | " + " | ".join(escape(n) for n in names) + " |")
        out.append("|---" * (len(names) + 1) + "|")
        for row in b.naming:
            cells = [escape(", ".join(row["terms"].get(n, []))) or "—" for n in names]
            out.append(f"| {escape(row['family'])} | " + " | ".join(cells) + " |")
        out.append("")
    out += ["## Coverage", ""]
    for cov in b.coverage:
        out.append(
            f"- **{escape(cov.outlet)}**: {len(cov.article_ids)} article(s), "
            f"{format_published(cov.first, cov.first_precision)}"
        )
    out.append("")
    if b.conflicts:
        out += ["## Conflicting figures", ""]
        for c in b.conflicts:
            values = "; ".join(escape(str(v.get("text") or v.get("value"))) for v in c.values)
            out.append(f"- {escape(c.counts)}: {values}")
        out.append("")
    if b.timeline:
        out += ["## Timeline", ""]
        for t in b.timeline:
            when = format_published(t.date, t.precision)
            out.append(f"- {when} — {escape(t.text)} ({outlets(t.outlets)})")
        out.append("")
    if b.missing:
        out += [f"_Not analysed in this store: {', '.join(b.missing)}._", ""]
    return "\n".join(out).rstrip() + "\n"
