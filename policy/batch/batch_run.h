// Copyright 2026 The hubperm Authors.
//
// policy/batch/batch_run.h: a batch of requests decided against one world, one JSON line per request.
//
// `hubperm check FILES... --batch FILE|-` loads the world once, then reads JSON lines (batch_request.h)
// and answers each non-blank line with one JSON line, in order, as it goes (docs/batch-json.md):
//
//   {"schema": "hubperm.batch/v1", "line": 1, "id": null, "exit_code": 1, "verdict": "deny",
//    "text": "DENY 403 (token): ...", "result": {<what check --format json prints>}, "errors": []}
//
// A line that cannot be read or resolved gets an answer with verdict "error" and its errors, each at its
// position, also written to `err` as file:line:col with the line and a caret; the batch goes on. The
// input is read as a stream (stdin may be a pipe that a job keeps writing to), a line at a time, each line
// bounded (kMaxBatchLineBytes: the rest of a longer line is skipped and the line answered as an error).
//
//   BatchSummary summary = RunBatch(snapshot, world, std::cin, options, std::cout, std::cerr, style);
//   return summary.ExitCode();

#ifndef HUBPERM_POLICY_BATCH_BATCH_RUN_H_
#define HUBPERM_POLICY_BATCH_BATCH_RUN_H_

#include <cstddef>
#include <iosfwd>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "policy/common/diagnostics.h"
#include "policy/common/source.h"
#include "policy/common/style.h"
#include "policy/compile/snapshot.h"
#include "policy/decide/request.h"
#include "policy/model/world.h"

namespace hubperm {

inline constexpr char kBatchSchema[] = "hubperm.batch/v1";
// The longest line a batch may hold: 1 MiB (a request with the largest body a client sends in one
// commit line is well under it).
inline constexpr size_t kMaxBatchLineBytes = size_t{1} << 20;

struct BatchOptions {
  std::string name = "stdin";  // the input as positions name it
  // Each answer's "text" is the whole explanation (`explain --batch`) rather than the one-line verdict
  // (`check --batch`).
  bool explain = false;
  // The moment of a line that has no "at" (Request::kAnyMoment checks no token lifetime).
  absl::Time at = Request::kAnyMoment;
  // Flush `out` after each answer (stdin: a job reading the answers as it writes the requests).
  bool flush_each_line = false;
  size_t max_line_bytes = kMaxBatchLineBytes;
  int max_issues_per_line = kDefaultMaxIssuesPerFile;
};

// One line's answer.
struct BatchAnswer {
  std::string json;  // one line, with its line break
  int exit_code = 0;  // as `hubperm check` of the line alone: 0 allowed, 1 denied, 2 error, 3 not modeled
  SourceFiles files;  // the line, for the positions of `diagnostics`
  Diagnostics diagnostics;
};

// The answer to the line `text` (without its line break), line `line` of the input.
BatchAnswer AnswerBatchLine(const Snapshot& snapshot, const World& world, absl::string_view text, int line,
                            const BatchOptions& options);

struct BatchSummary {
  int requests = 0;  // non-blank lines
  int allowed = 0, denied = 0, not_modeled = 0, errors = 0;
  // 2 when a line was an error, else 1 when one was denied, else 3 when one was not modeled, else 0.
  int ExitCode() const;
  // "12 requests: 9 allowed, 2 denied, 1 not modeled, 0 errors".
  std::string Text() const;
};

// Answers every line of `in` on `out`, in order; the errors of bad lines go to `err` as well.
BatchSummary RunBatch(const Snapshot& snapshot, const World& world, std::istream& in, const BatchOptions& options,
                      std::ostream& out, std::ostream& err, const Style& err_style = Style::Plain());

}  // namespace hubperm

#endif  // HUBPERM_POLICY_BATCH_BATCH_RUN_H_
