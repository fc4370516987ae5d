# Copyright 2026 The hubperm Authors.
"""The end of a Python test suite run by Bazel: one JUnit <testcase> per case in $XML_OUTPUT_FILE
(Bazel's test.xml), so tools/test.sh counts each case, then "N passed, N failed" and the exit status.

    results = [(name, failure_message_or_empty, seconds), ...]
    sys.exit(junit_cases.report("fetch_org", results))
"""

import os
from xml.sax.saxutils import escape


def report(suite, results):
    failed = [r for r in results if r[1]]
    xml_path = os.environ.get("XML_OUTPUT_FILE")
    if xml_path:
        with open(xml_path, "w") as out:
            out.write('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n<testsuite name="%s" '
                      'tests="%d" failures="%d">\n' % (suite, len(results), len(failed)))
            for name, failure, seconds in results:
                out.write('  <testcase name="%s" classname="%s" time="%.3f"'
                          % (escape(name, {'"': "&quot;"}), suite, seconds))
                if failure:
                    out.write('>\n    <failure message="%s"/>\n  </testcase>\n' % escape(failure, {'"': "&quot;"}))
                else:
                    out.write("/>\n")
            out.write("</testsuite>\n</testsuites>\n")
    print("%d passed, %d failed" % (len(results) - len(failed), len(failed)))
    return 1 if failed else 0
