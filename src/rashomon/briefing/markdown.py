"""A briefing as Markdown: to paste into a note, a ticket or an e-mail.

Article text is untrusted: HTML and Markdown syntax in it are escaped so that a
Markdown viewer shows the words and never renders a link, an image or a tag.
"""

from __future__ import annotations

import re

from rashomon.briefing.model import Briefing, Point

MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}()#+!|~>-])")


def escape(text: str | None) -> str:
    text = " ".join((text or "").split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return MARKDOWN_SPECIAL.sub(r"\\\1", text)


def outlets(names: list[str]) -> str:
    return ", ".join(f"**{escape(n)}**" for n in names)


def point_lines(p: Point, with_carriers: bool) -> list[str]:
    lines = [f"- {escape(p.text)}  ", f"  — {outlets(p.outlets)}"]
    if with_carriers:
        for c in p.carried_by:
            if c.article_id == p.article_id:
                continue
            cue = f" ({escape(c.cue)})" if c.cue else ""
            lines.append(f"  - {escape(c.outlet)}{cue}: {escape(c.text)}")
    return lines


def to_markdown(b: Briefing) -> str:
    s = b.story
    span = " to ".join(dict.fromkeys(d for d in (s.first, s.last) if d)) or "undated"
    out = [
        f"# {escape(s.title)}",
        "",
        f"{s.kind} `{s.id}` · {s.article_count} articles · {len(s.outlets)} outlets · {span}",
        "",
        "## Coverage",
        "",
    ]
    for c in b.coverage:
        out.append(f"- **{escape(c.outlet)}**: {len(c.article_ids)} article(s), {c.first or '?'}")
    out += ["", "## What most outlets report", ""]
    for p in b.shared:
        out += point_lines(p, with_carriers=True)
    if not b.shared:
        out.append("No content is carried by more than one outlet.")
    out += ["", "## Reported only by", ""]
    for p in b.only:
        out.append(f"- only **{escape(p.outlets[0])}**: {escape(p.text)}")
    if not b.only:
        out.append("Nothing is reported by one outlet alone.")
    out += ["", "## Who said what", ""]
    for speaker in b.quotes:
        out += [f"### {escape(speaker.speaker)}", ""]
        for p in speaker.statements:
            out += point_lines(p, with_carriers=True)
        out.append("")
    if b.figures:
        out += ["## Figures", ""]
        for f in b.figures:
            detail = "; ".join(escape(x) for x in (f.counts, f.source, f.as_of) if x)
            out.append(f"- {escape(f.text)} ({detail}) — {outlets(f.outlets)}")
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
            out.append(f"- {t.date} — {escape(t.text)} ({outlets(t.outlets)})")
        out.append("")
    if b.framing:
        out += ["## Framing", ""]
        for outlet, summary in (b.framing.get("summaries") or {}).items():
            out.append(f"- **{escape(outlet)}**: {escape(str(summary))}")
        out.append("")
    if b.missing:
        out += [f"_Not analysed in this store: {', '.join(b.missing)}._", ""]
    return "\n".join(out).rstrip() + "\n"
