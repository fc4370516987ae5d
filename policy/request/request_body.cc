// Copyright 2026 The hubperm Authors.

#include "policy/request/request_body.h"

#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/types/optional.h"
#include "policy/common/escape.h"
#include "policy/common/diagnostics.h"
#include "policy/common/percent_decode.h"
#include "policy/common/utf8.h"
#include "policy/load/yaml_tree.h"

namespace hubperm {
namespace {

struct ContentTypeRow {
  absl::string_view type;
  BodyFormat format;
};
// The content types the Hub's clients send, and YAML for bodies written by hand.
constexpr ContentTypeRow kContentTypes[] = {
    {"application/json", BodyFormat::kJson},
    {"text/json", BodyFormat::kJson},
    {"application/yaml", BodyFormat::kJson},
    {"text/yaml", BodyFormat::kJson},
    {"application/x-ndjson", BodyFormat::kNdjson},
    {"application/jsonl", BodyFormat::kNdjson},
    {"application/x-jsonlines", BodyFormat::kNdjson},
    {"application/x-www-form-urlencoded", BodyFormat::kForm},
};

// The tree of the JSON (or YAML) `text`; nullopt, with `*errors` rendered, when it does not parse.
absl::optional<YamlNode> ParseTree(absl::string_view text, std::string* errors) {
  SourceFiles files;
  const int file = files.Add("<body>", std::string(text));
  Diagnostics diagnostics;
  absl::optional<YamlNode> root = ParseYaml(files.text(file), file, &diagnostics);
  if (diagnostics.has_errors() || !root.has_value()) {
    *errors = diagnostics.Render(files);
    return absl::nullopt;
  }
  return root;
}

// A field's value as a Body keeps it: a scalar's text; "" for a null or a nested value (files, secrets,
// objects), which is present but never changes a decision.
std::string FieldValue(const YamlNode& value) {
  return !value.is_sequence() && !value.is_map() && !value.is_null() ? value.scalar : "";
}

// The fields hubperm reads a name or a kind from (policy/request/route.cc), which must be strings; null
// too where the Hub's OpenAPI description allows it. Any other type is an error, never dropped: a create
// whose `organization` were dropped would be decided in the user's own namespace.
struct StringField {
  absl::string_view key;
  bool nullable;
};
constexpr StringField kStringFields[] = {
    {"type", false},   {"name", false},     {"organization", true}, {"resourceGroupId", true},
    {"fromRepo", false}, {"toRepo", false}, {"repository", false},  {"operation", false},
};

// "" for a string; else what `value` is ("a number", "an object", ...).
std::string NonStringKind(const YamlNode& value) {
  if (value.is_map()) return "an object";
  if (value.is_sequence()) return "an array";
  if (value.is_null()) return "null";
  if (!value.plain) return "";
  const std::string& v = value.scalar;
  if (v == "null" || v == "~") return "null";
  if (v == "true" || v == "false") return "a boolean";
  if (!v.empty() && (absl::ascii_isdigit(static_cast<unsigned char>(v[0])) || v[0] == '-')) {
    double ignored;
    if (absl::SimpleAtod(v, &ignored)) return "a number";
  }
  return "";
}

}  // namespace

absl::StatusOr<Body> BodyOfObject(const YamlNode& object) {
  const YamlNode* root = &object;
  if (!root->is_map()) return absl::InvalidArgumentError("the body must be a JSON object");
  Body body;
  for (size_t i = 0; i < root->map_size(); ++i) {
    const YamlNode& key = root->key(i);
    if (!key.is_scalar()) return absl::InvalidArgumentError("body keys must be strings");
    for (const auto& [k, v] : body) {
      if (k == key.scalar) return absl::InvalidArgumentError(absl::StrCat("body field ", QuoteValue(k), " appears twice"));
    }
    const YamlNode& value = root->value(i);
    for (const StringField& field : kStringFields) {
      if (field.key != key.scalar) continue;
      const std::string kind = NonStringKind(value);
      if (!kind.empty() && !(field.nullable && kind == "null")) {
        return absl::InvalidArgumentError(absl::StrCat("body field '", field.key, "' (line ", value.pos.line,
                                                       ", column ", value.pos.column, ") must be a string",
                                                       field.nullable ? " or null" : "", ", not ", kind));
      }
    }
    body.emplace_back(key.scalar, FieldValue(value));
  }
  return body;
}

namespace {

// The object `text` holds (JSON, or YAML).
absl::StatusOr<Body> ParseObject(absl::string_view text) {
  std::string errors;
  absl::optional<YamlNode> root = ParseTree(text, &errors);
  if (!root.has_value()) return absl::InvalidArgumentError(absl::StrCat("the body is not valid JSON or YAML:\n", errors));
  return BodyOfObject(*root);
}

// The {"key": ..., "value": {...}} line `text` holds.
absl::StatusOr<BodyLine> ParseLine(absl::string_view text, int line) {
  const std::string where = absl::StrCat("body line ", line);
  std::string errors;
  absl::optional<YamlNode> root = ParseTree(text, &errors);
  if (!root.has_value() || !root->is_map()) {
    // The line as a terminal can show it: a body's control characters are escaped, not written.
    return absl::InvalidArgumentError(absl::StrCat(where, " is not a JSON object: ", QuoteValue(text)));
  }
  BodyLine out;
  out.line = line;
  bool has_value = false;
  for (size_t i = 0; i < root->map_size(); ++i) {
    const YamlNode& key = root->key(i);
    const YamlNode& value = root->value(i);
    if (key.scalar == "key") {
      if (!value.is_scalar() || value.scalar.empty()) {
        return absl::InvalidArgumentError(absl::StrCat(where, ": 'key' must be a string"));
      }
      out.key = value.scalar;
    } else if (key.scalar == "value") {
      if (!value.is_map()) return absl::InvalidArgumentError(absl::StrCat(where, ": 'value' must be an object"));
      for (size_t j = 0; j < value.map_size(); ++j) out.value.emplace_back(value.key(j).scalar, FieldValue(value.value(j)));
      has_value = true;
    } else {
      return absl::InvalidArgumentError(
          absl::StrCat(where, ": unknown field ", QuoteValue(key.scalar), " (a line is {\"key\": ..., \"value\": {...}})"));
    }
  }
  if (out.key.empty() || !has_value) {
    return absl::InvalidArgumentError(absl::StrCat(where, " needs 'key' and 'value' ({\"key\": ..., \"value\": {...}})"));
  }
  return out;
}

absl::StatusOr<RequestBody> ParseNdjson(absl::string_view text) {
  RequestBody body;
  body.format = BodyFormat::kNdjson;
  int number = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    ++number;
    line = absl::StripAsciiWhitespace(line);
    if (line.empty()) continue;
    absl::StatusOr<BodyLine> parsed = ParseLine(line, number);
    if (!parsed.ok()) return parsed.status();
    body.lines.push_back(*std::move(parsed));
  }
  return body;
}

absl::StatusOr<RequestBody> ParseForm(absl::string_view text) {
  RequestBody body;
  body.format = BodyFormat::kForm;
  for (absl::string_view pair : absl::StrSplit(absl::StripAsciiWhitespace(text), '&', absl::SkipEmpty())) {
    std::pair<absl::string_view, absl::string_view> kv = absl::StrSplit(pair, absl::MaxSplits('=', 1));
    const std::string key = PercentDecode(kv.first, /*plus_is_space=*/true);
    if (key.empty()) {
      return absl::InvalidArgumentError(absl::StrCat("form-encoded body: ", QuoteValue(pair), " has no field name"));
    }
    bool repeated = false;
    for (auto& [k, v] : body.fields) {
      if (k == key) {
        v.clear();  // a repeated field is a list (paths=a&paths=b): present, with no one value
        repeated = true;
      }
    }
    if (!repeated) body.fields.emplace_back(key, PercentDecode(kv.second, /*plus_is_space=*/true));
  }
  return body;
}

}  // namespace

absl::string_view BodyFormatName(BodyFormat format) {
  switch (format) {
    case BodyFormat::kJson:
      return "JSON";
    case BodyFormat::kNdjson:
      return "NDJSON";
    case BodyFormat::kForm:
      return "form-encoded";
  }
  return "JSON";
}

RequestBody RequestBody::Json(Body fields) {
  RequestBody body;
  body.fields = std::move(fields);
  return body;
}

const std::string* RequestBody::Field(absl::string_view key) const {
  for (const auto& [k, v] : fields) {
    if (k == key) return &v;
  }
  return nullptr;
}

absl::StatusOr<BodyFormat> ParseContentType(absl::string_view content_type) {
  const std::string type =
      absl::AsciiStrToLower(absl::StripAsciiWhitespace(content_type.substr(0, content_type.find(';'))));
  for (const ContentTypeRow& row : kContentTypes) {
    if (row.type == type) return row.format;
  }
  // application/vnd.git-lfs+json and any other structured-syntax +json type.
  if (absl::EndsWith(type, "+json")) return BodyFormat::kJson;
  std::vector<absl::string_view> known;
  for (const ContentTypeRow& row : kContentTypes) known.push_back(row.type);
  return absl::InvalidArgumentError(absl::StrCat("unknown content type ", QuoteValue(content_type), " (hubperm reads ",
                                                 absl::StrJoin(known, ", "), " and any +json type)"));
}

BodyFormat RecognizeBodyFormat(absl::string_view text) {
  text = absl::StripLeadingAsciiWhitespace(text);
  if (text.empty()) return BodyFormat::kJson;
  if (text.front() == '{') {
    const size_t end = text.find('\n');
    const absl::string_view first = absl::StripTrailingAsciiWhitespace(text.substr(0, end));
    const absl::string_view rest =
        end == absl::string_view::npos ? absl::string_view() : absl::StripAsciiWhitespace(text.substr(end));
    // A pretty-printed object's first line is "{" alone; an NDJSON line is a whole object, and another
    // follows it.
    if (first.size() > 1 && first.back() == '}' && !rest.empty() && rest.front() == '{') {
      return BodyFormat::kNdjson;
    }
    return BodyFormat::kJson;
  }
  size_t name = 0;
  while (name < text.size() && (absl::ascii_isalnum(text[name]) || absl::StrContains("_-.%[]", text[name]))) ++name;
  if (name > 0 && name < text.size() && text[name] == '=') return BodyFormat::kForm;
  return BodyFormat::kJson;
}

absl::StatusOr<RequestBody> ParseRequestBody(absl::string_view text, absl::string_view content_type) {
  BodyFormat format = RecognizeBodyFormat(text);
  if (!content_type.empty()) {
    absl::StatusOr<BodyFormat> given = ParseContentType(content_type);
    if (!given.ok()) return given.status();
    format = *given;
  }
  if (absl::StripAsciiWhitespace(text).empty()) {
    RequestBody empty;
    empty.format = format;
    return empty;
  }
  switch (format) {
    case BodyFormat::kNdjson:
      return ParseNdjson(text);
    case BodyFormat::kForm:
      return ParseForm(text);
    case BodyFormat::kJson:
      break;
  }
  absl::StatusOr<Body> fields = ParseObject(text);
  if (!fields.ok()) return fields.status();
  return RequestBody::Json(*std::move(fields));
}

}  // namespace hubperm
