"""SARIF 2.1.0 output, for code-scanning dashboards (GitHub code scanning, IDE viewers).

One run; ``tool.driver.rules`` describes every rule that has a finding. Columns and character offsets count
Python characters (code points), so the run declares ``columnKind: unicodeCodePoints``. A finding with a
suggestion carries a ``fixes`` entry that replaces its region with the first suggestion.
"""

from __future__ import annotations

import json
import re

from .. import __version__
from . import FileResult, LineIndex

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}

# A sentence ends at . ! ? or … (optionally followed by a closing quote or bracket), before whitespace and a
# character that is not a lower-case letter, or at the end of the text. "e.g. the" does not end a sentence.
_SENTENCE_END = re.compile(r"[.!?…][»”\"')]*(?=\s+(?![a-zа-яёіїєґ])\S|\s*$)")


def first_sentence(text: str) -> str:
    text = " ".join(text.split())
    m = _SENTENCE_END.search(text)
    return text[: m.end()] if m else text


def artifact_uri(path: str) -> str:
    return "stdin" if path == "-" else path


def _descriptor(rule_id: str, meta) -> dict:
    if meta is None:
        return {"id": rule_id}
    return {
        "id": rule_id,
        "name": rule_id,
        "shortDescription": {"text": first_sentence(meta.description)},
        "fullDescription": {"text": meta.description},
        "defaultConfiguration": {"level": LEVELS[meta.severity]},
        "properties": {"category": meta.category, "fix": meta.fix, "tags": [meta.category]},
    }


def _region(index: LineIndex, start: int, end: int) -> dict:
    line, col = index.position(start)
    end_line, end_col = index.position(end)
    return {
        "startLine": line,
        "startColumn": col,
        "endLine": end_line,
        "endColumn": end_col,
        "charOffset": start,
        "charLength": end - start,
    }


def as_data(results: list[FileResult], rules: dict | None = None) -> dict:
    rules = rules or {}
    rule_ids = sorted({d.rule for res in results for d in res.report.diagnostics})
    rule_index = {rule_id: i for i, rule_id in enumerate(rule_ids)}

    sarif_results = []
    for res in results:
        index = LineIndex(res.text)
        uri = artifact_uri(res.path)
        for d in res.report.diagnostics:
            region = _region(index, d.start, d.end)
            item = {
                "ruleId": d.rule,
                "ruleIndex": rule_index[d.rule],
                "level": LEVELS[d.severity],
                "message": {"text": d.message},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}}],
            }
            if d.replacements:
                new = d.replacements[0]
                item["fixes"] = [{
                    "description": {"text": f"Replace with «{new}»" if new else "Remove"},
                    "artifactChanges": [{
                        "artifactLocation": {"uri": uri},
                        "replacements": [{"deletedRegion": dict(region), "insertedContent": {"text": new}}],
                    }],
                }]
            item["properties"] = {"category": d.category, "fix": d.fix, "replacements": list(d.replacements),
                                  "source": d.source}
            sarif_results.append(item)

    return {
        "$schema": SCHEMA,
        "version": SARIF_VERSION,
        "runs": [{
            "tool": {
                "driver": {
                    "name": "clientlint",
                    "version": __version__,
                    "semanticVersion": __version__,
                    "rules": [_descriptor(rule_id, rules.get(rule_id)) for rule_id in rule_ids],
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": sarif_results,
        }],
    }


def render(results: list[FileResult], *, rules=None, color: bool = False) -> str:
    return json.dumps(as_data(results, rules), ensure_ascii=False, indent=2) + "\n"
