// Copyright 2026 The hubperm Authors.

#include "cli/request_flags.h"

#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "cli/read_input.h"

namespace hubperm {
namespace {

// Reads the value of --body or --from-error (`what`: "body" or "error"): inline text, @FILE, or - for stdin.
absl::StatusOr<std::string> ReadTextArg(absl::string_view what, const std::string& body, std::istream& in) {
  if (body != "-" && !absl::StartsWith(body, "@")) return body;
  const absl::string_view path = body == "-" ? absl::string_view(body) : absl::string_view(body).substr(1);
  absl::StatusOr<std::string> text = ReadFileOrStdin(path, in);
  if (absl::IsNotFound(text.status())) {
    return absl::NotFoundError(absl::StrCat("cannot read ", what, " file ", QuotePath(path)));
  }
  return text;
}

}  // namespace

// The request the flags of `o` state, in whichever form they use: the pipeline's input, with the
// body and the error text read from the command line, a file (@FILE) or stdin (-).
absl::StatusOr<RequestInput> InputOfFlags(const Options& o, std::istream& in) {
  RequestInput input;
  input.http = o.http;
  input.operation = o.operation;
  input.permission = o.permission;
  input.target = o.target_args;
  input.target.dialect = Dialect::kFlags;
  input.at = o.At();
  if (!o.content_type.empty() && !o.has_body) return absl::InvalidArgumentError("--content-type goes with --body");
  if (o.has_body) {
    input.body = RequestBody();
    if (!o.http.empty()) {  // else refused by ParseRequest, unread
      absl::StatusOr<std::string> text = ReadTextArg("body", o.body, in);
      if (!text.ok()) return text.status();
      absl::StatusOr<RequestBody> body = ParseRequestBody(*text, o.content_type);
      if (!body.ok()) return body.status();
      input.body = *std::move(body);
    }
  }
  if (!o.from_error.empty()) {
    absl::StatusOr<std::string> text = ReadTextArg("error", o.from_error, in);
    if (!text.ok()) return text.status();
    input.error = *std::move(text);
  }
  return input;
}

}  // namespace hubperm
