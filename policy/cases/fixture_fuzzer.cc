// Copyright 2026 The hubperm Authors.
//
// policy/cases/fixture_fuzzer.cc: a libFuzzer target for the whole fixture pipeline.
//
// One input is one fixture file. It goes through everything a user's file goes through: the YAML tree,
// the loader, whole-world validation and the rendering of every diagnostic; a file without errors is
// also compiled into a snapshot and its cases are run (request parsing, the check, the explanation).
// Nothing may crash, hang, leak or trip a sanitizer, and the invariants below must hold.
//
// Built two ways:
//   - with libFuzzer by tools/fuzz.sh (clang, `--config=fuzz`), run for a bounded time in the test
//     command, seeded with every fixture in testdata/;
//   - linked into fixture_fuzzer_replay_test (gcc, normal and asan), which replays that seed corpus and
//     hostile inputs (huge, deep, not UTF-8, alias bombs) on every test run, so the target cannot rot.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "policy/cases/case_runner.h"
#include "policy/common/diagnostics.h"
#include "policy/common/source.h"
#include "policy/compile/snapshot.h"
#include "policy/load/fixtures.h"
#include "policy/model/world.h"

namespace hubperm {
namespace {

// Stops the run with `what` (libFuzzer then saves the input that did it).
void Violated(const char* what) {
  std::fprintf(stderr, "fixture_fuzzer: invariant violated: %s\n", what);
  std::abort();
}

void FuzzOneFixture(std::string text) {
  const size_t size = text.size();
  const Fixtures fixtures = LoadFixtureTexts({{"fuzz.yaml", std::move(text)}});
  const SourceFiles& files = fixtures.files;
  const Diagnostics& diagnostics = fixtures.diagnostics;

  // Every problem is reported at a real place in the one file, with a message, and renders.
  const int64_t lines = 1 + std::count(files.text(0).begin(), files.text(0).end(), '\n');
  for (const Issue& issue : diagnostics.issues()) {
    if (issue.message.empty()) Violated("an issue without a message");
    if (issue.pos.file > 0) Violated("an issue in a file that was not loaded");
    if (issue.pos.known() && (issue.pos.line < 0 || issue.pos.line > lines + 1)) Violated("a line outside the file");
    if (issue.pos.column < 0) Violated("a negative column");
  }
  const std::string report = diagnostics.Render(files);
  if (report.empty() != diagnostics.issues().empty()) Violated("rendered report and issues disagree");
  // The report grows with the issues kept, never with the input (docs/limits.md): at most
  // kDefaultMaxIssuesPerFile issues, each a bounded message and a bounded excerpt (every character of
  // which may be escaped into at most 10 bytes), and the line counting the rest.
  if (diagnostics.issues().size() > static_cast<size_t>(kDefaultMaxIssuesPerFile)) Violated("more issues kept than the bound");
  const size_t per_issue = 10 * (kMaxMessageChars + 2 * kExcerptWidth + 100);
  if (report.size() > kDefaultMaxIssuesPerFile * per_issue + 400) Violated("the report outgrew its bound");
  if (report.find('\x1b') != std::string::npos) Violated("an escape character in the report");
  if (files.text(0).size() != size) Violated("the loader changed the file's text");
  if (!fixtures.ok()) return;

  // A world that validates compiles, and every case runs to a verdict.
  std::shared_ptr<const Snapshot> snapshot = Snapshot::Compile(fixtures.world, files);
  if (snapshot == nullptr) Violated("a valid world did not compile");
  for (const Case& c : fixtures.world.cases) {
    for (const CaseResult& result : RunCase(*snapshot, fixtures.world, c)) {
      if (!result.passed && result.failure.empty()) Violated("a failed case without a reason");
    }
  }
}

}  // namespace
}  // namespace hubperm

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  hubperm::FuzzOneFixture(std::string(reinterpret_cast<const char*>(data), size));
  return 0;
}
