// Copyright 2026 The hubperm Authors.
//
// policy/batch/batch_request.h: one line of a batch, read into a request (docs/batch-json.md).
//
// `hubperm check --batch FILE` reads JSON lines: each non-blank line is one object naming a token and
// one request in any form, with the keys a YAML case uses (docs/fixture-format.md), spelled as JSON:
//
//   {"token": "ci", "operation": "create_commit", "repo": "acme/m"}
//   {"token": "ci", "http": "POST /api/repos/create", "body": {"type": "model", "name": "x", "organization": "acme"}}
//   {"token": "ci", "http": "POST /api/models/acme/m/commit/main", "body": "{...}\n{...}", "content_type": "application/x-ndjson"}
//   {"id": "step-3", "token": "ci", "permission": "repo.write", "org": "acme", "at": "2026-03-01"}
//
// Every problem of the line is reported at its position (file:line:col, the line being the batch's),
// each key's error in the JSON keys' dialect ("\"repo\" goes with ..."). A value that looks like a
// credential (a token's secret pasted where its name goes) is an error, and is never quoted back.
//
//   SourceFiles files;
//   const int file = files.Add("requests.jsonl", std::string(line_text), /*first_line=*/7);
//   Diagnostics diagnostics;
//   absl::optional<BatchRequest> request = ReadBatchRequest(files, file, &diagnostics);

#ifndef HUBPERM_POLICY_BATCH_BATCH_REQUEST_H_
#define HUBPERM_POLICY_BATCH_BATCH_REQUEST_H_

#include <array>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/types/optional.h"
#include "policy/common/diagnostics.h"
#include "policy/common/source.h"
#include "policy/load/tree_reader.h"
#include "policy/load/yaml_tree.h"
#include "policy/request/request_args.h"
#include "policy/request/request_input.h"

namespace hubperm {

// The keys a batch line may have, in the order docs/batch-json.md lists them.
inline constexpr absl::string_view kBatchKeys[] = {
    "id",   "token", "http", "body",  "content_type", "operation", "permission", "from_error", "repo",
    "repo_type", "org", "user", "group", "to", "write", "exist_ok", "at"};

// The keys of an intent (`hubperm mint --for`, docs/mint.md): a batch line's, but the token (minted) and the
// id (an intent is named by its position).
inline constexpr absl::string_view kIntentKeys[] = {
    "http", "body", "content_type", "operation", "permission", "from_error", "repo", "repo_type", "org", "user",
    "group", "to", "write", "exist_ok", "at"};

struct BatchRequest {
  std::string token;
  RequestInput input;  // in Dialect::kJsonKeys
  // Where each argument's key is, for an error that blames one (Resolve's culprit); unknown when absent.
  std::array<SourcePos, kArgCount> key_pos;
  SourcePos line_pos;  // the object's opening brace
};

// What is known of a line even when it cannot be read whole.
struct BatchLineFacts {
  // The line's "id" (a string, or a number as written), so that its answer carries it.
  absl::optional<std::string> id;
  // A value has the shape of a credential (policy/common/secret.h): an error at its position, and the
  // line must be shown nowhere (no excerpt under its errors).
  bool holds_secret = false;
};

// The request on the line that file `file` of `files` holds (added with its line number as first_line).
// nullopt when it has an error, every one of them reported to `diagnostics`; `*facts` is filled either
// way.
absl::optional<BatchRequest> ReadBatchRequest(const SourceFiles& files, int file, Diagnostics* diagnostics,
                                              BatchLineFacts* facts);

// Where a request object comes from: a batch line (JSON, with a token and an id; errors name keys as
// "\"repo\"") or an intent of `hubperm mint` (YAML or JSON, without them; errors name keys as "repo:").
enum class RequestObjectKind : uint8_t { kBatchLine, kIntent };

// The request a parsed object holds (what ReadBatchRequest reads once the line is parsed), read with `in`
// (whose syntax is the object's). nullopt when it has an error, every one reported; `*facts` is filled
// either way (an intent has no id). BatchRequest::token is empty for an intent.
absl::optional<BatchRequest> ReadRequestObject(const YamlNode& object, RequestObjectKind kind, TreeReader& in,
                                               BatchLineFacts* facts);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_BATCH_BATCH_REQUEST_H_
