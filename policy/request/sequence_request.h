// Copyright 2026 The hubperm Authors.
//
// policy/request/sequence_request.h: a client method that sends several requests, asked as a whole.
//
// `--operation upload_folder --repo acme/m` names a method of the sequence table (sequence_table.h):
// it becomes one SequenceDescription, each step a RequestDescription exactly as the HTTP form gives
// for its request line, so a step asked alone with --http is decided the same. The verdict, what the
// client does with each step's answer, is decided against a world (policy/explain/sequence_explanation.h).
//
//   TargetArgs args;
//   args.repo = "acme/m";
//   args.exist_ok = true;
//   if (SequenceOfMethod("create_repo", args) != nullptr) {
//     absl::StatusOr<SequenceDescription> sequence = ParseSequenceRequest("create_repo", args);
//   }

#ifndef HUBPERM_POLICY_REQUEST_SEQUENCE_REQUEST_H_
#define HUBPERM_POLICY_REQUEST_SEQUENCE_REQUEST_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/optional.h"
#include "policy/model/vocabulary.h"
#include "policy/request/request_args.h"
#include "policy/request/request_description.h"
#include "policy/request/sequence_table.h"

namespace hubperm {

struct SequenceStepRequest {
  const SequenceStep* step = nullptr;
  std::string http;                  // the step's request line for this repo
  RequestDescription description;    // as the HTTP form describes that line (and the step's body)
};

struct SequenceDescription {
  const SequenceRow* row = nullptr;
  std::string method;  // the row's method: "create_repo(exist_ok=True)" for create_repo --exist-ok
  std::string repo;    // NS/NAME
  std::string to;      // NS/NAME of the destination ({to}); `repo` unless --to names another
  RepoType type = RepoType::kModel;
  Dialect dialect = Dialect::kFlags;
  std::vector<SequenceStepRequest> steps;
  absl::Time at = Request::kAnyMoment;  // the moment the method runs: each step's RequestDescription::at
};

// The sequence `method` runs with `args` (create_repo with exist_ok is create_repo(exist_ok=True)), or
// null when the method sends one request (method.h decides it).
const SequenceRow* SequenceOfMethod(absl::string_view method, const TargetArgs& args);

// The steps of `method` for the repo of `args` (--repo NS/NAME, --repo-type unless the method implies
// one; --to NS/NAME for a method that copies into another repo). Any other argument is an error naming it;
// `*culprit`, if given, is then set to the argument to blame.
absl::StatusOr<SequenceDescription> ParseSequenceRequest(absl::string_view method, const TargetArgs& args,
                                                         absl::optional<Arg>* culprit = nullptr);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_REQUEST_SEQUENCE_REQUEST_H_
