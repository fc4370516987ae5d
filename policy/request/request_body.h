// Copyright 2026 The hubperm Authors.
//
// policy/request/request_body.h: the body of an HTTP request, in the forms the Hub's clients send it.
//
// huggingface_hub and @huggingface/hub send three kinds of body (testdata/clients/ has them as recorded):
//   application/json                    most routes; also YAML here, for people writing bodies by hand
//                                       (application/vnd.git-lfs+json, the LFS batch API's, is JSON)
//   application/x-ndjson                commits: a header line, then one line per operation, each
//                                       {"key": "header"|"file"|"lfsFile"|"deletedFile"|..., "value": {...}}
//   application/x-www-form-urlencoded   paths-info: paths=a.json&paths=b.json&expand=false
// The format comes from the content type when it is given (--content-type, or a recording's header),
// else it is recognized from the text. A body is parsed here into its top-level scalar fields (nested
// values are kept as present, with no value: they never change a decision) and, for NDJSON, its lines;
// whether a route accepts it is the route's business (route.h).
//
//   absl::StatusOr<RequestBody> body = ParseRequestBody(text, /*content_type=*/"application/x-ndjson");

#ifndef HUBPERM_POLICY_REQUEST_REQUEST_BODY_H_
#define HUBPERM_POLICY_REQUEST_REQUEST_BODY_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "policy/load/yaml_tree.h"

namespace hubperm {

// A body's top-level fields, in order: key and scalar value ("" for a nested value or a null).
using Body = std::vector<std::pair<std::string, std::string>>;

enum class BodyFormat : uint8_t { kJson, kNdjson, kForm };

// "JSON", "NDJSON", "form-encoded".
absl::string_view BodyFormatName(BodyFormat format);

// One line of an NDJSON body: {"key": KEY, "value": {FIELDS}}.
struct BodyLine {
  int line = 0;  // 1-based, in the body's text
  std::string key;
  Body value;
};

struct RequestBody {
  BodyFormat format = BodyFormat::kJson;
  Body fields;                  // kJson, kForm: the object's fields
  std::vector<BodyLine> lines;  // kNdjson: every non-empty line

  // A JSON body of these fields (how an embedder or a YAML case states a body).
  static RequestBody Json(Body fields);
  // The value of a top-level field, or null.
  const std::string* Field(absl::string_view key) const;
  bool empty() const { return fields.empty() && lines.empty(); }
};

// The format a Content-Type header names (parameters such as "; charset=utf-8" are ignored), or an
// error naming the types hubperm reads.
absl::StatusOr<BodyFormat> ParseContentType(absl::string_view content_type);

// The format of `text` recognized without a content type: NDJSON when its first line is a whole JSON
// object and another object line follows; form-encoded when it starts NAME= ; else JSON (or YAML). A
// one-line NDJSON body needs its content type.
BodyFormat RecognizeBodyFormat(absl::string_view text);

// Parses `text` in the format `content_type` names ("" recognizes it). An empty text is an empty body.
// Errors say what is wrong and, for NDJSON, on which line.
absl::StatusOr<RequestBody> ParseRequestBody(absl::string_view text, absl::string_view content_type = "");

// The fields of a JSON object already parsed (a batch line's "body", policy/batch), read as a JSON
// body's text is: an error for anything but an object, a repeated field, or a name or kind field that
// is not a string.
absl::StatusOr<Body> BodyOfObject(const YamlNode& object);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_REQUEST_REQUEST_BODY_H_
