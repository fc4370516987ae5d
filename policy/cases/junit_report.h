// Copyright 2026 The hubperm Authors.
//
// policy/cases/junit_report.h: case results as JUnit XML, the report CI systems display (`hubperm test
// --junit FILE`).
//
// One <testsuite> per fixture file that holds cases, in the order the files were given, one <testcase>
// per check with the case's file and line. A failed check has a <failure> whose message is what did not
// hold and whose text is the full explanation of what happened; an invalid one (its request does not
// resolve) has an <error>. The text is escaped for XML 1.0, so any case name or explanation is safe.

#ifndef HUBPERM_POLICY_CASES_JUNIT_REPORT_H_
#define HUBPERM_POLICY_CASES_JUNIT_REPORT_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "policy/cases/case_runner.h"
#include "policy/common/source.h"

namespace hubperm {

std::string RenderJunit(const std::vector<CaseResult>& results, const SourceFiles& files);

// `text` escaped for XML 1.0 character data and attribute values: & < > " ' as entities, and the
// characters XML 1.0 forbids (control characters other than tab, line feed and carriage return) as U+FFFD.
std::string XmlEscape(absl::string_view text);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_CASES_JUNIT_REPORT_H_
