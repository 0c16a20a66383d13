"""Plain-text rendering of a comparison for the command line: [-删除-] and {+新增+} inline."""

from __future__ import annotations

from .align import Change, Comparison


def inline(ch: Change) -> str:
    """One line with the edits marked in place (the new text's reading, with deletions kept)."""
    if ch.kind == "added" and ch.new:
        return "{+" + ch.new.text + "+}"
    if ch.kind == "deleted" and ch.old:
        return "[-" + ch.old.text + "-]"
    if not ch.diff:
        return ch.new.text if ch.new else ""
    out = []
    for op, a, b in ch.diff:
        if op == "equal":
            out.append(a)
        else:
            out.append(("[-" + a + "-]" if a else "") + ("{+" + b + "+}" if b else ""))
    return "".join(out)


def text_report(cmp: Comparison, include_unchanged: bool = False) -> list[str]:
    lines = [f"原文本：{cmp.old_title}", f"新文本：{cmp.new_title}", f"对照结果：{cmp.summary()}。",
             "（[-…-] 为删除的文字，{+…+} 为新增的文字）", ""]
    rows = cmp.changes if include_unchanged else cmp.differences()
    for n, ch in enumerate(rows, 1):
        where = " → ".join(x for x in (ch.old.label if ch.old else "", ch.new.label if ch.new else "") if x)
        lines.append(f"[{n}] {ch.label}  {where}" + (f"  {ch.hint}" if ch.hint else ""))
        lines.append("    " + inline(ch).replace("\n", "\n    "))
    return lines
