// Copyright 2026 The hubperm Authors.

#include "policy/load/response_reader.h"

#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "policy/common/escape.h"
#include "policy/common/secret.h"
#include "policy/model/permission.h"

namespace hubperm {
namespace {

// Whether `text` has the shape of a fine-grained permission ("repo.content.read"): lowercase words
// joined by dots, at most 64 characters.
bool PermissionShaped(absl::string_view text) {
  if (text.empty() || text.size() > 64) return false;
  bool word_start = true, dotted = false;
  for (char c : text) {
    if (c == '.') {
      if (word_start) return false;
      word_start = dotted = true;
      continue;
    }
    const bool lower = c >= 'a' && c <= 'z';
    if (!lower && (word_start || !((c >= '0' && c <= '9') || c == '-'))) return false;
    word_start = false;
  }
  return dotted && !word_start;
}

}  // namespace


std::string RenderResponseIssues(const SourceFiles& files, const Diagnostics& diagnostics) {
  std::string out;
  for (const Issue* issue : diagnostics.Sorted()) {
    absl::StrAppend(&out, files.Format(issue->pos), ": ", issue->severity == Severity::kError ? "error" : "warning",
                    ": ", EscapeUnsafe(issue->message), "\n");
  }
  if (const int omitted = diagnostics.omitted_count(); omitted > 0) {
    absl::StrAppend(&out, omitted, omitted == 1 ? " more issue" : " more issues", " not shown (at most ",
                    diagnostics.max_per_file(), " per file)\n");
  }
  return out;
}

absl::optional<YamlNode> ParseResponse(int file, absl::string_view json, char opening, absl::string_view what,
                                       Diagnostics* diagnostics) {
  const size_t first = json.find_first_not_of(" \t\r\n");
  const absl::string_view kind = opening == '{' ? "object" : "array";
  if (first == absl::string_view::npos || json[first] != opening) {
    diagnostics->Error(SourcePos{file, 1, 1},
                       absl::StrCat(first == absl::string_view::npos ? "empty input: expected" : "expected", " the JSON ",
                                    kind, " of ", what, " (it starts with '", std::string(1, opening), "')"));
    return absl::nullopt;
  }
  // JSON is YAML's flow style; the YAML tree keeps positions and reports duplicate keys and syntax errors.
  const int errors_before = diagnostics->error_count();
  absl::optional<YamlNode> root = ParseYaml(json, file, diagnostics);
  if (!root.has_value() || diagnostics->error_count() > errors_before) return absl::nullopt;
  return root;
}

ResponseReader::ResponseReader(Diagnostics* diagnostics) : tree_(diagnostics, TreeSyntax::kJson) {
  tree_.set_echo_values(false);  // a response's values may be anything pasted: messages name fields
}

const YamlNode* ResponseReader::Object::Get(absl::string_view key) const {
  for (const KeySpec& k : keys_) {
    if (k.key == key && k.use == Use::kRead) return reader_->tree_.Get(node_, key);
  }
  return nullptr;
}

const YamlNode* ResponseReader::Object::Require(absl::string_view key) const {
  const YamlNode* value = Get(key);
  if (value == nullptr) reader_->tree_.Require(node_, key, what_);  // reports it missing
  return value;
}

ResponseReader::Object ResponseReader::Read(const YamlNode& node, absl::Span<const KeySpec> keys,
                                            absl::string_view what) {
  std::vector<absl::string_view> known;
  known.reserve(keys.size());
  for (const KeySpec& k : keys) known.push_back(k.key);
  tree_.CheckKeys(node, known, what, UnknownKeys::kWarning);
  return Object(node, keys, what, this);
}

bool ResponseReader::IsObject(const YamlNode& node, absl::string_view what) {
  return tree_.IsMap(node, absl::StrCat("'", what, "'"));
}

bool ResponseReader::IsArray(const YamlNode& node, absl::string_view what) {
  return tree_.IsSequence(node, absl::StrCat("'", what, "'"));
}

absl::optional<std::string> ResponseReader::String(const YamlNode& node, absl::string_view what) {
  absl::optional<Name> text = tree_.Text(node, absl::StrCat("'", what, "'"));
  if (!text.has_value()) return absl::nullopt;
  if (LooksLikeSecret(text->text)) {
    tree_.Error(node.pos, absl::StrCat("'", what, "' holds what looks like an access token or key; hubperm never copies "
                                       "a secret (the field is left out)"));
    return absl::nullopt;
  }
  return std::move(text->text);
}

absl::optional<std::string> ResponseReader::Named(const YamlNode& node, absl::string_view what, NameKind kind) {
  absl::optional<std::string> text = String(node, what);
  if (!text.has_value()) return absl::nullopt;
  if (const std::string problem = NameProblem(kind, *text); !problem.empty()) {
    tree_.Error(node.pos, absl::StrCat("'", what, "' is not a valid name: ", problem));
    return absl::nullopt;
  }
  return text;
}

absl::optional<std::string> ResponseReader::RepoId(const YamlNode& node, absl::string_view what) {
  absl::optional<std::string> text = String(node, what);
  if (!text.has_value()) return absl::nullopt;
  if (const std::string problem = RepoIdProblem(*text); !problem.empty()) {
    tree_.Error(node.pos, absl::StrCat("'", what, "' is not a valid repo id: ", problem));
    return absl::nullopt;
  }
  return text;
}

absl::optional<bool> ResponseReader::Bool(const YamlNode& node, absl::string_view what) {
  return tree_.Bool(node, absl::StrCat("'", what, "'"));
}

std::vector<PermissionEntry> ResponseReader::Permissions(const YamlNode& node, absl::string_view what) {
  std::vector<PermissionEntry> out;
  if (!IsArray(node, what)) return out;
  for (const YamlNode& p : node.children) {
    absl::optional<std::string> text = String(p, absl::StrCat(what, "[]"));
    if (!text.has_value()) continue;
    PermissionEntry entry{Name{*text, p.pos}, ParsePermission(*text)};
    if (!entry.permission.has_value()) {
      // Kept only when it has a permission's shape (the Hub adds permissions over time); anything else
      // may be a value pasted in the wrong place, and is neither repeated nor written.
      if (!PermissionShaped(*text)) {
        tree_.Warning(p.pos, absl::StrCat("'", what, "[]' holds something that is not a permission "
                                          "(lowercase words joined by dots); left out"));
        continue;
      }
      tree_.Warning(p.pos, absl::StrCat("unknown permission '", *text,
                                        "': kept, and it grants nothing hubperm models (the Hub adds permissions over time)"));
    }
    out.push_back(std::move(entry));
  }
  return out;
}

}  // namespace hubperm
