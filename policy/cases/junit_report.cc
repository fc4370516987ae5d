// Copyright 2026 The hubperm Authors.

#include "policy/cases/junit_report.h"

#include "absl/strings/str_cat.h"
#include "policy/common/escape.h"

namespace hubperm {

std::string XmlEscape(absl::string_view raw) {
  // Characters XML 1.0 does not allow (C0 controls but tab and line feed, U+FFFE, U+FFFF, bytes that are
  // not UTF-8) and those a viewer would act on are first written as visible escapes: the report is
  // well-formed XML whatever the names hold.
  const std::string text = EscapeUnsafe(raw, "\n\t");
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        out.push_back(ch);
    }
  }
  return out;
}

std::string RenderJunit(const std::vector<CaseResult>& results, const SourceFiles& files) {
  struct Counts {
    int tests = 0, failures = 0, errors = 0;
  };
  auto counts_of = [&](int file) {
    Counts c;
    for (const CaseResult& r : results) {
      if (file >= 0 && r.pos.file != file) continue;
      ++c.tests;
      c.failures += !r.invalid && !r.passed;
      c.errors += r.invalid;
    }
    return c;
  };
  auto attributes = [](const Counts& c) {
    return absl::StrCat(" tests=\"", c.tests, "\" failures=\"", c.failures, "\" errors=\"", c.errors, "\"");
  };
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  absl::StrAppend(&out, "<testsuites name=\"hubperm test\"", attributes(counts_of(-1)), ">\n");
  for (int file = 0; file < files.size(); ++file) {
    const Counts counts = counts_of(file);
    if (counts.tests == 0) continue;
    const std::string name = XmlEscape(files.name(file));
    absl::StrAppend(&out, "  <testsuite name=\"", name, "\"", attributes(counts), ">\n");
    for (const CaseResult& r : results) {
      if (r.pos.file != file) continue;
      absl::StrAppend(&out, "    <testcase name=\"", XmlEscape(r.name), "\" classname=\"", name, "\" file=\"", name,
                      "\" line=\"", r.pos.line, "\"");
      if (r.passed) {
        out += "/>\n";
        continue;
      }
      const char* tag = r.invalid ? "error" : "failure";
      absl::StrAppend(&out, ">\n      <", tag, " message=\"", XmlEscape(r.failure), "\" type=\"",
                      r.invalid ? "invalid request" : "expectation", "\">", XmlEscape(r.explanation), "</", tag,
                      ">\n    </testcase>\n");
    }
    out += "  </testsuite>\n";
  }
  out += "</testsuites>\n";
  return out;
}

}  // namespace hubperm
