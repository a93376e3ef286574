"""GitHub Actions workflow commands: annotations for the worst findings, the rest summarised.

GitHub shows at most 10 error and 10 warning annotations per step (and 50
per job); more are dropped without a word. So the findings of flagged files
become at most ``LIMIT`` errors and those of files in review at most
``LIMIT`` warnings: each file's heaviest finding in turn, worst file first,
then each one's next, so the annotations reach as many files as they can; one notice and a
plain line count what was left out. Values are escaped as the runner
expects (``%``, CR, LF; in properties also ``:`` and ``,``) after control
characters are made visible, so a file cannot issue a command of its own.
"""

from __future__ import annotations

from . import ranked
from ._escape import printable

HELP = "GitHub Actions annotations for the worst findings, the rest summarised"
READABILITY = False
FULL_TEXT = False

LIMIT = 10
LEVEL = {"flagged": "error", "review": "warning"}


def _data(text) -> str:
    return printable(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def _command(level: str, message: str, **props) -> str:
    given = ",".join(f"{k}={_prop(v)}" for k, v in props.items() if v is not None)
    return f"::{level} {given}::{_data(message)}" if given else f"::{level}::{_data(message)}"


def render(reports: list[dict], ctx) -> str:
    out = []
    used = {"error": 0, "warning": 0}
    left_findings, left_files = 0, set()
    queues = []  # per file, worst file first: its findings, heaviest first
    for r in ranked(reports):
        if r["error"]:
            if used["error"] < LIMIT:
                used["error"] += 1
                out.append(_command("error", f"cannot audit: {r['error']}", file=r["path"], title="provenance-audit"))
            else:
                left_files.add(r["path"])
            continue
        level = LEVEL.get(r["verdict"])
        if level is None or (ctx.baseline.get(r["path"], {}).get("status") == "accepted"):
            continue
        heaviest = sorted(r["findings"], key=lambda f: (-f.get("contribution", 0), f["line"], f["column"]))
        queues.append((r, level, heaviest))
    # round by round, each file's next heaviest finding: the limits reach as many files as they can
    for k in range(max((len(q[2]) for q in queues), default=0)):
        for r, level, heaviest in queues:
            if k >= len(heaviest):
                continue
            f = heaviest[k]
            if used[level] >= LIMIT:
                left_findings += 1
                left_files.add(r["path"])
                continue
            used[level] += 1
            title = f"{f['rule']} ({r['verdict']} {r['score']:.1f})"
            out.append(_command(level, f["message"], file=r["path"], line=f["line"], col=f["column"], title=title))
    total = ctx.total or reports
    counts = {v: sum(1 for r in total if r["verdict"] == v) for v in ("flagged", "review", "clean")}
    summary = (f"provenance-audit: {len(total)} file{'s' if len(total) != 1 else ''}: {counts['flagged']} flagged, "
               f"{counts['review']} review, {counts['clean']} clean")
    if left_findings or left_files:
        summary += (f"; {left_findings} more finding{'s' if left_findings != 1 else ''} in {len(left_files)} "
                    f"file{'s' if len(left_files) != 1 else ''} not annotated (GitHub shows {LIMIT} errors and {LIMIT} warnings a step)")
    out.append(_command("notice", summary, title="provenance-audit"))
    for r in ranked(reports):
        if r["path"] in left_files and not r["error"]:
            out.append(f"{printable(r['path'])}: {r['verdict']} {r['score']:.1f}, {len(r['findings'])} findings")
    return "\n".join(out) + "\n"
