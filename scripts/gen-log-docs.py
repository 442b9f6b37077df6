#!/usr/bin/env python3
"""Generates docs/rules/LGxxx.md from src/Drydock.Logs/Knowledge/log-signatures.json (the data is the source of truth).

Run from the repository root: python3 scripts/gen-log-docs.py
"""
import json
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "src", "Drydock.Logs", "Knowledge", "log-signatures.json")
OUT = os.path.join(ROOT, "docs", "rules")

CONFIG = ("Logs carry no pragmas. To stop a signature from being matched and reported, list its id or name "
          "under `ignore:` in the `.drydock.yaml` of the repository passed with `--repo` (or a file given with "
          "`--config`): the next explanation of the failure is reported instead. To change what a signature matches, "
          "edit its entry in `src/Drydock.Logs/Knowledge/log-signatures.json` (patterns, anchors, context) and "
          "regenerate this page with `python3 scripts/gen-log-docs.py`.")


def page(id_, name, summary, why, fires, quiet, fix, extra=""):
    lines = [f"# {id_} {name}", "", "| Severity | Kind | Fixable | Equivalent |", "| --- | --- | --- | --- |",
             "| error | Log | no | - |", "", summary + ("" if summary.endswith(".") else "."), "",
             "## Why it matters", "", why, ""]
    if extra:
        lines += [extra, ""]
    lines += ["## Fires on", "", "```text", *fires, "```", "", "## Quiet on", "", "```text", *quiet, "```", "",
              "## Fix", "", fix, "", "## Configuration", "", CONFIG, ""]
    return "\n".join(lines)


def main():
    data = json.load(open(DATA, encoding="utf-8"))
    os.makedirs(OUT, exist_ok=True)
    for s in data["signatures"]:
        extra = []
        if s.get("symptom"):
            extra.append("This line only says that something failed: it is reported only when nothing better explains the failure.")
        if s.get("aggregate") == "per-file":
            extra.append("Findings are counted per file and per code, and summarised in the diagnosis.")
        if s.get("inDockerBuild"):
            extra.append(f"Inside a Docker build step the same words are reported as {s['inDockerBuild']}.")
        if s.get("tools"):
            extra.append("Tools: " + ", ".join(s["tools"]) + ".")
        for ref in s.get("references", []):
            extra.append(f"See {ref}.")
        quiet = s.get("ignores") or ["(a log of the same step that succeeds: no such line)"]
        text = page(s["id"], s["name"], s["title"], s["cause"], s["matches"], quiet, s["fix"], " ".join(extra))
        open(os.path.join(OUT, s["id"] + ".md"), "w", encoding="utf-8").write(text)
    open(os.path.join(OUT, "LG000.md"), "w", encoding="utf-8").write(page(
        "LG000", "log-unreadable", "a log could not be read: empty, binary, UTF-16, a zip bomb, or missing",
        "A log that cannot be read cannot be diagnosed; the report says why instead of guessing. Zip archives that inflate past the limits, or hold entries named with `../`, are refused.",
        ["(an empty file, a binary file, a zip whose entry inflates 1000x)"], ["(a text log in UTF-8, or its .gz, or a run's logs .zip)"],
        "Pass the log itself (a text file, its .gz, or the zip GitHub gives for a run). Convert UTF-16 logs to UTF-8."))
    open(os.path.join(OUT, "LG001.md"), "w", encoding="utf-8").write(page(
        "LG001", "unrecognised-failure", "a failure with no known signature: the lines that best explain it",
        "Every failed log gets a diagnosis. When no signature matches, a general extractor scores lines with error and failure markers, stack frames, compiler diagnostics and test summaries, discounts download, progress and timing noise, and quotes the first strong block in the failing step. It is labelled general and has a lower confidence.",
        ["Error: Reference to undeclared resource", "", "  on main.tf line 42, in resource \"aws_lb_listener\" \"https\":"],
        ["(a failure a signature explains, or a log that passed)"],
        "Read the quoted lines: they are the earliest explanation in the failing step. If the failure recurs, add a signature to log-signatures.json."))
    print(f"{len(data['signatures']) + 2} pages written to {OUT}")


if __name__ == "__main__":
    main()
