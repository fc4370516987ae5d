// Copyright 2026 The hubperm Authors.
//
// policy/request/sequence_table.h: client methods that send more than one request, as data.
//
// sequences.yaml (beside this file, built into the binary) lists, for each such method of
// huggingface_hub and for the push_to_hub entry points of transformers, datasets and diffusers, its
// requests in order with the client's rules: which refusals it catches, where it falls back
// (create_repo(exist_ok=True) reads the repo when it may not create it), where it skips ahead. Each
// step is an HTTP request template that the route catalogue decides (route.h), so a step asked alone
// with --http is decided exactly as it is inside its sequence.
//
//   const SequenceRow* row = BuiltinSequences().Find("upload_folder");
//   for (const SequenceStep& step : row->steps) ...   // FillStep(step.http, type, "acme/m")

#ifndef HUBPERM_POLICY_REQUEST_SEQUENCE_TABLE_H_
#define HUBPERM_POLICY_REQUEST_SEQUENCE_TABLE_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/optional.h"
#include "policy/model/vocabulary.h"

namespace hubperm {

// What the client does after a step.
enum class StepAction : uint8_t {
  kNext,      // goes on to the next step
  kDone,      // the call succeeds here
  kFail,      // the call raises the step's error
  kFallback,  // the `fallback` steps decide instead (a refused step only)
  kGoto,      // goes on at the step named `target`
};

struct StepOutcome {
  StepAction action = StepAction::kNext;
  std::string target;  // kGoto: a step's id
};

// The body a step sends.
enum class StepBody : uint8_t {
  kNone,
  kCreate,     // POST /api/repos/create: type, name and organization of the repo
  kLfsUpload,  // the LFS batch API: {"operation": "upload"}
  kDuplicateFiles,  // lfs-files/duplicate: the files, and the target repo {to}
};

struct SequenceStep {
  std::string id;    // for goto; "" if none
  std::string http;  // "VERB PATH" with {repo}, {types}, {prefix}, {file}, and {to}, {to_types}, {to_prefix}
  StepBody body = StepBody::kNone;
  std::string when;  // when the client sends it, if not always
  std::string note;
  StepOutcome on_allow;  // next unless the row says
  std::vector<std::pair<int, StepOutcome>> on_deny;  // the statuses the client catches; others fail
  bool on_exists_done = false;  // a create whose repo exists (409) goes on (exist_ok)
  bool fallback = false;        // runs only in place of a refused step
  int line = 0;                 // in sequences.yaml

  // What the client does when the Hub refuses the step with `status`.
  StepOutcome OnDeny(int status) const;
};

struct SequenceRow {
  std::string method;   // "upload_folder", "create_repo(exist_ok=True)", "PreTrainedModel.push_to_hub"
  std::string library;  // huggingface_hub, transformers, datasets, diffusers
  std::string source;   // where the sequence is in that library's code
  std::vector<std::string> recorded;  // the calls of testdata/clients/huggingface_hub.jsonl that ran it
  absl::optional<RepoType> type;      // the repo type the method implies
  std::vector<SequenceStep> steps;
  bool takes_to = false;  // a step names the destination repo {to} (copy_files --repo FROM --to TO)
  int line = 0;
  // The index of the step named `id`, or -1.
  int StepNamed(absl::string_view id) const;
};

class SequenceTable {
 public:
  // Parses and checks a table: every key, action and goto target, and every step's request is one
  // the route catalogue knows. On error, every problem as "file:line:col: error: message".
  static absl::StatusOr<SequenceTable> Parse(absl::string_view text, absl::string_view file_name);

  const std::vector<SequenceRow>& rows() const { return rows_; }
  // The row of `method` exactly as written ("create_repo(exist_ok=True)"), or null.
  const SequenceRow* Find(absl::string_view method) const;

 private:
  std::vector<SequenceRow> rows_;
};

// The table built into the binary (sequences.yaml). //policy/request:sequence_table_test proves it
// parses, so it always does in a tested build.
const SequenceTable& BuiltinSequences();

// A step's request line for a repo: "POST /api/{types}/{repo}/preupload/main" for dataset acme/d is
// "POST /api/datasets/acme/d/preupload/main". {to} is `to` (of the same type), `repo` when empty.
std::string FillStep(absl::string_view http, RepoType type, absl::string_view repo, absl::string_view to = "");

}  // namespace hubperm

#endif  // HUBPERM_POLICY_REQUEST_SEQUENCE_TABLE_H_
