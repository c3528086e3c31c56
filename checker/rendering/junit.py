"""A check as JUnit XML: one test case per checked article, failed by its failing findings."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from checker.ci.check import CheckResult
from checker.models import Pair
from checker.rendering.check import failing, file_of, message, new_and_known


def render_junit(result: CheckResult) -> str:
    """JUnit XML: one test case per checked article, failed by its failing findings; the rows
    the reading skipped or read in part in the suite's `system-err`."""
    by_article: dict[str, list[Pair]] = {doc_id: [] for doc_id in result.checked}
    sources: dict[str, str] = {}
    for pair in result.report.pairs:
        new, _ = new_and_known(pair, result.checked)
        by_article.setdefault(new.doc_id, []).append(pair)
        sources[new.doc_id] = file_of(new)
    failures = sum(
        1 for pairs in by_article.values() if any(failing(pair, result) for pair in pairs)
    )
    suites = ET.Element("testsuites", name="checker", tests=str(len(by_article)))
    suites.set("failures", str(failures))
    suite = ET.SubElement(
        suites,
        "testsuite",
        name="checker check",
        tests=str(len(by_article)),
        failures=str(failures),
        errors="0",
        skipped="0",
    )
    for doc_id in sorted(by_article):
        pairs = by_article[doc_id]
        case = ET.SubElement(
            suite, "testcase", classname="checker.check", name=sources.get(doc_id, doc_id)
        )
        failed = [pair for pair in pairs if failing(pair, result)]
        lines = []
        for pair in pairs:
            new, known = new_and_known(pair, result.checked)
            lines.append(f"{file_of(new)}:{new.line or 1}: {message(pair, known)}")
        if failed:
            first = failed[0]
            failure = ET.SubElement(
                case,
                "failure",
                message=f"{len(failed)} failing findings; first: {first.kind}: {first.reason}",
                type=first.kind,
            )
            failure.text = "\n".join(lines)
        elif lines:
            ET.SubElement(case, "system-out").text = "\n".join(lines)
    if result.warnings:  # after the test cases, where the JUnit schema puts a suite's output
        ET.SubElement(suite, "system-err").text = "\n".join(result.warnings)
    ET.indent(suites)
    return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"
