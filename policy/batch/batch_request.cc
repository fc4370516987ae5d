// Copyright 2026 The hubperm Authors.

#include "policy/batch/batch_request.h"

#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "policy/common/secret.h"
#include "policy/load/tree_reader.h"
#include "policy/load/yaml_tree.h"
#include "policy/request/request_body.h"

namespace hubperm {
namespace {

// An object's key for an argument: its JSON spelling (request_args.h) without the quotes.
absl::string_view KeyOf(Arg arg) {
  absl::string_view key = Spell(arg, Dialect::kJsonKeys);
  absl::ConsumePrefix(&key, "\"");
  absl::ConsumeSuffix(&key, "\"");
  return key;
}

// How messages name `key` in `dialect`: "\"body\"" in a batch line, "body:" in an intent.
std::string Label(absl::string_view key, Dialect dialect) {
  return dialect == Dialect::kJsonKeys ? absl::StrCat("\"", key, "\"") : absl::StrCat(key, ":");
}

// Reports every scalar of `node` (keys and values, at any depth) that has a credential's shape, or a
// word of one that has; returns whether there was one.
bool ReportSecrets(const YamlNode& node, RequestObjectKind kind, TreeReader& in) {
  bool found = false;
  if (node.is_scalar()) {
    bool secret = LooksLikeSecret(node.scalar);
    for (absl::string_view word : absl::StrSplit(node.scalar, absl::ByAnyChar(" \t\n\r"), absl::SkipEmpty())) {
      secret = secret || LooksLikeSecret(word);
    }
    if (secret) {
      in.Error(node.pos, kind == RequestObjectKind::kBatchLine
                             ? "this value has the shape of a credential (an access token's secret); a batch line names "
                               "tokens by their fixture name and never holds a secret (the line is shown nowhere)"
                             : "this value has the shape of a credential (an access token's secret); an intent never "
                               "holds a secret (the intent is shown nowhere)");
    }
    return secret;
  }
  for (const YamlNode& child : node.children) found = ReportSecrets(child, kind, in) || found;
  for (size_t i = 0; node.is_map() && i < node.map_size(); ++i) found = ReportSecrets(node.key(i), kind, in) || found;
  return found;
}

// The line's "id": a string, or a number as written.
absl::optional<std::string> IdOf(const YamlNode& root, TreeReader& in) {
  const YamlNode* id = in.Get(root, "id");
  if (id == nullptr) return absl::nullopt;
  if (!id->is_scalar() || (id->plain && (id->scalar == "true" || id->scalar == "false"))) {
    in.Error(id->pos, absl::StrCat("\"id\" must be a string or a number, not ", in.KindOf(*id)));
    return absl::nullopt;
  }
  return id->scalar;
}

}  // namespace

absl::optional<BatchRequest> ReadBatchRequest(const SourceFiles& files, int file, Diagnostics* diagnostics,
                                              BatchLineFacts* facts) {
  const absl::string_view text = files.text(file);
  const SourcePos start{file, files.first_line(file), 1};
  const int errors_before = diagnostics->error_count();
  const absl::string_view trimmed = absl::StripLeadingAsciiWhitespace(text);
  if (trimmed.empty() || trimmed.front() != '{') {
    diagnostics->Error(start, "a batch line must be one JSON object: {\"token\": ..., and one request form}");
    return absl::nullopt;
  }
  absl::optional<YamlNode> root = ParseYaml(text, file, diagnostics, YamlLimits(), files.first_line(file));
  if (!root.has_value() || diagnostics->error_count() > errors_before) return absl::nullopt;
  TreeReader in(diagnostics, TreeSyntax::kJson);
  return ReadRequestObject(*root, RequestObjectKind::kBatchLine, in, facts);
}

absl::optional<BatchRequest> ReadRequestObject(const YamlNode& root, RequestObjectKind kind, TreeReader& in,
                                               BatchLineFacts* facts) {
  const bool line = kind == RequestObjectKind::kBatchLine;
  const Dialect dialect = line ? Dialect::kJsonKeys : Dialect::kCaseKeys;
  const char* what = line ? "a batch line" : "an intent";
  auto label = [&](absl::string_view key) { return Label(key, dialect); };
  const int errors_before = in.diagnostics()->error_count();
  facts->holds_secret = ReportSecrets(root, kind, in);
  if (facts->holds_secret) return absl::nullopt;
  if (!in.IsMap(root, what)) return absl::nullopt;
  if (line) {
    facts->id = IdOf(root, in);
    in.CheckKeys(root, kBatchKeys, what);
  } else {
    in.CheckKeys(root, kIntentKeys, what);
  }

  BatchRequest out;
  out.line_pos = root.pos;
  for (int a = 0; a < kArgCount; ++a) {
    if (const YamlNode* node = in.Get(root, KeyOf(static_cast<Arg>(a)))) out.key_pos[a] = node->pos;
  }
  RequestInput& input = out.input;
  input.target.dialect = dialect;
  auto string = [&](absl::string_view key, std::string* into) {
    if (const YamlNode* node = in.Get(root, key)) {
      if (absl::optional<Name> value = in.String(*node, label(key))) *into = std::move(value->text);
    }
  };
  if (line) {
    if (const YamlNode* token = in.Require(root, "token", what)) {
      if (absl::optional<Name> value = in.String(*token, label("token"))) out.token = std::move(value->text);
    }
  }
  string("http", &input.http);
  string("operation", &input.operation);
  string("permission", &input.permission);
  string("from_error", &input.error);
  string("repo", &input.target.repo);
  string("org", &input.target.org);
  string("user", &input.target.user);
  string("group", &input.target.group);
  string("to", &input.target.to);
  if (const YamlNode* type = in.Get(root, "repo_type")) input.target.repo_type = in.Enum<RepoType>(*type, "repo type");
  if (const YamlNode* write = in.Get(root, "write")) input.target.write = in.Bool(*write, label("write")).value_or(false);
  if (const YamlNode* exist_ok = in.Get(root, "exist_ok")) {
    input.target.exist_ok = in.Bool(*exist_ok, label("exist_ok")).value_or(false);
  }
  if (const YamlNode* at = in.Get(root, "at")) {
    if (absl::optional<absl::Time> moment = in.Time(*at, label("at"))) input.at = *moment;
  }

  // The body: an object (a JSON body's fields), or text in any form the clients send (NDJSON, form).
  const YamlNode* body = in.Get(root, "body");
  const YamlNode* content_type = in.Get(root, "content_type");
  std::string type_text;  // "" recognizes the text's format
  absl::optional<BodyFormat> format;
  bool bad_type = false;
  if (content_type != nullptr) {
    if (absl::optional<Name> value = in.String(*content_type, label("content_type"))) {
      const absl::StatusOr<BodyFormat> named = ParseContentType(value->text);
      if (named.ok()) {
        type_text = std::move(value->text);
        format = *named;
      } else {
        in.Error(content_type->pos, std::string(named.status().message()));
        bad_type = true;
      }
    }
    if (body == nullptr) in.Error(content_type->pos, absl::StrCat(label("content_type"), " goes with ", label("body")));
  }
  if (body != nullptr) {
    absl::StatusOr<RequestBody> parsed = absl::InvalidArgumentError("");
    if (body->is_map()) {
      if (format.has_value() && *format != BodyFormat::kJson) {
        in.Error(content_type->pos, absl::StrCat(label("content_type"), " says the body is ", BodyFormatName(*format),
                                                 ", but ", label("body"), " is an object; give such a body as a string"));
      }
      absl::StatusOr<Body> fields = BodyOfObject(*body);
      parsed = fields.ok() ? absl::StatusOr<RequestBody>(RequestBody::Json(*std::move(fields))) : fields.status();
    } else if (!body->is_scalar() || body->plain) {
      in.Error(body->pos, absl::StrCat(label("body"), " must be an object (a JSON body's fields) or a string (the body's "
                                       "text, in any form a client sends), not ", in.KindOf(*body)));
    } else if (!bad_type) {
      parsed = ParseRequestBody(body->scalar, type_text);
    }
    if (parsed.ok()) {
      input.body = *std::move(parsed);
    } else if (!parsed.status().message().empty()) {
      in.Error(body->pos, std::string(parsed.status().message()));
    }
  }
  if (in.diagnostics()->error_count() > errors_before) return absl::nullopt;
  return out;
}

}  // namespace hubperm
