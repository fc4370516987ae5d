// Copyright 2026 The hubperm Authors.
//
// policy/mint/intents.h: what a job does, read for `hubperm mint` (docs/mint.md): the intents a token must
// allow.
//
// Two inputs:
//   - an intents file (`--for INTENTS.yaml`): a YAML (or JSON) list of requests in any form, keyed as a
//     batch line is (docs/batch-json.md) but without a token or an id:
//       - {operation: upload_folder, repo: acme/m}
//       - {http: POST /api/repos/create, body: {type: model, name: x, organization: acme}}
//   - a request log (`--from-log FILE`), the requests a job made: JSON lines of the batch format, or the
//     log tools/clients/recorder.py writes (a header line, one line per request the client sent: "method",
//     "target", "body", "content_type", "hub"; and one line per call's outcome). Of the recorder's lines,
//     the requests sent to the Hub are intents; a request to another host (a storage upload) is not one,
//     and is counted apart (`other_hosts`).
//
//   SourceFiles files;
//   Diagnostics diagnostics;
//   Intents intents = ReadIntentsFile("intents.yaml", text, &files, &diagnostics);

#ifndef HUBPERM_POLICY_MINT_INTENTS_H_
#define HUBPERM_POLICY_MINT_INTENTS_H_

#include <array>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "policy/common/diagnostics.h"
#include "policy/common/source.h"
#include "policy/request/request_args.h"
#include "policy/request/request_input.h"

namespace hubperm {

struct Intent {
  RequestInput input;
  std::array<SourcePos, kArgCount> key_pos;  // where each argument's key is, for errors that blame one
  SourcePos pos;                             // the intent: its object, or its log line
  std::string token;                         // a batch line's token; empty otherwise
};

struct Intents {
  std::vector<Intent> intents;
  int other_hosts = 0;  // a recorder log's requests to hosts other than the Hub's
};

// Reads an intents file named `name` (added to `files`). Every problem goes to `diagnostics`, positioned;
// the intents read are returned either way.
Intents ReadIntentsFile(const std::string& name, std::string text, SourceFiles* files, Diagnostics* diagnostics);

// Reads a request log named `name`: each non-blank line is added to `files` (positions count the file's
// lines) and read as a batch line or a recorder line.
Intents ReadRequestLog(const std::string& name, absl::string_view text, SourceFiles* files, Diagnostics* diagnostics);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_MINT_INTENTS_H_
