// Copyright 2026 The hubperm Authors.

#include "policy/load/tree_reader.h"

#include "absl/strings/ascii.h"
#include "policy/common/escape.h"
#include "policy/common/secret.h"

#include <algorithm>

#include "absl/strings/numbers.h"
#include "policy/common/timestamp.h"

namespace hubperm {

std::string TreeReader::KindOf(const YamlNode& node) const {
  if (syntax_ == TreeSyntax::kYaml) return std::string(KindName(node));
  if (node.is_map()) return "an object";
  if (node.is_sequence()) return "an array";
  if (IsNull(node)) return "null";
  if (!node.plain) return "a string";
  if (node.scalar == "true" || node.scalar == "false") return "a boolean";
  return "a number";
}

bool TreeReader::IsNull(const YamlNode& node) const {
  return node.is_null() || (syntax_ == TreeSyntax::kJson && node.is_scalar() && node.plain && node.scalar == "null");
}

bool TreeReader::Expect(const YamlNode& node, YamlNode::Kind kind, absl::string_view what) {
  if (node.kind == kind) return true;
  const bool json = syntax_ == TreeSyntax::kJson;
  const absl::string_view wanted = kind == YamlNode::Kind::kMap ? (json ? "an object" : "a mapping")
                                                                : (json ? "an array" : "a sequence");
  Error(node.pos, absl::StrCat(what, " must be ", wanted, ", not ", KindOf(node)));
  return false;
}

bool TreeReader::IsMap(const YamlNode& node, absl::string_view what) {
  return Expect(node, YamlNode::Kind::kMap, what);
}

bool TreeReader::IsSequence(const YamlNode& node, absl::string_view what) {
  return Expect(node, YamlNode::Kind::kSequence, what);
}

bool KeyShaped(absl::string_view key) {
  if (key.empty() || key.size() > 64 || LooksLikeSecret(key)) return false;
  for (char c : key) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-' && c != '.') return false;
  }
  return true;
}

std::string TreeReader::Value(absl::string_view text) const {
  return echo_values_ && !LooksLikeSecret(text) ? absl::StrCat(" ", QuoteValue(text)) : std::string();
}

void TreeReader::CheckKeys(const YamlNode& map, Keys allowed, absl::string_view what, UnknownKeys unknown) {
  for (size_t i = 0; i < map.map_size(); ++i) {
    const YamlNode& key = map.key(i);
    if (!key.is_scalar()) continue;  // reported by the parser
    if (std::find(allowed.begin(), allowed.end(), key.scalar) == allowed.end()) {
      // Only the key is named, never its value (a response's value may be a secret); and the key only
      // when it has a key's shape (a secret pasted as a key is not repeated).
      std::string message = absl::StrCat(KeyShaped(key.scalar) ? absl::StrCat("unknown key '", key.scalar, "'")
                                                               : std::string("an unknown key"),
                                         " in ", what, DidYouMean(key.scalar, allowed), " (valid: ",
                                         absl::StrJoin(allowed, ", "), ")");
      if (unknown == UnknownKeys::kError) {
        Error(key.pos, std::move(message));
      } else {
        Warning(key.pos, absl::StrCat(message, "; ignored"));
      }
    }
    if (const YamlNode* first = EarlierKey(map, i)) {
      Error(key.pos, absl::StrCat(KeyShaped(key.scalar) ? absl::StrCat("duplicate key '", key.scalar, "'")
                                                        : std::string("a duplicate key"),
                                  " in ", what, "; first at line ", first->pos.line));
    }
  }
}

const YamlNode* TreeReader::EarlierKey(const YamlNode& map, size_t i) {
  for (size_t j = 0; j < i; ++j) {
    if (map.key(j).is_scalar() && map.key(j).scalar == map.key(i).scalar) return &map.key(j);
  }
  return nullptr;
}

const YamlNode* TreeReader::Find(const YamlNode& map, absl::string_view key) {
  for (size_t i = 0; i < map.map_size(); ++i) {
    if (map.key(i).is_scalar() && map.key(i).scalar == key) {
      return map.value(i).is_null() ? nullptr : &map.value(i);
    }
  }
  return nullptr;
}

const YamlNode* TreeReader::Get(const YamlNode& map, absl::string_view key) const {
  const YamlNode* value = Find(map, key);
  return value == nullptr || IsNull(*value) ? nullptr : value;
}

const YamlNode* TreeReader::Require(const YamlNode& map, absl::string_view key, absl::string_view what) {
  const YamlNode* value = Get(map, key);
  if (value == nullptr) Error(map.pos, absl::StrCat(what, " is missing '", key, "'"));
  return value;
}

absl::optional<Name> TreeReader::Text(const YamlNode& node, absl::string_view what) {
  const bool string = node.is_scalar() && (syntax_ == TreeSyntax::kYaml || !node.plain);
  if (!string) {
    Error(node.pos, absl::StrCat(what, " must be a string, not ", KindOf(node)));
    return absl::nullopt;
  }
  return Name{node.scalar, node.pos};
}

absl::optional<Name> TreeReader::String(const YamlNode& node, absl::string_view what) {
  absl::optional<Name> text = Text(node, what);
  if (text.has_value() && text->text.empty()) {
    Error(node.pos, absl::StrCat(what, " must not be empty"));
    return absl::nullopt;
  }
  return text;
}

absl::optional<bool> TreeReader::Bool(const YamlNode& node, absl::string_view what) {
  if (node.is_scalar() && node.plain && (node.scalar == "true" || node.scalar == "false")) {
    return node.scalar == "true";
  }
  Error(node.pos, absl::StrCat(what, " must be true or false, not ", Describe(node)));
  return absl::nullopt;
}

absl::optional<absl::Time> TreeReader::Time(const YamlNode& node, absl::string_view what) {
  if (node.is_scalar() && !(syntax_ == TreeSyntax::kJson && node.plain)) {
    if (absl::optional<absl::Time> t = ParseTimestamp(node.scalar)) return t;
  }
  Error(node.pos, absl::StrCat(what, " must be ", kTimestampForms, ", not ", Describe(node)));
  return absl::nullopt;
}

absl::optional<int> TreeReader::Int(const YamlNode& node, absl::string_view what) {
  int value = 0;
  if (node.is_scalar() && node.plain && absl::SimpleAtoi(node.scalar, &value)) return value;
  Error(node.pos, absl::StrCat(what, " must be a whole number, not ", Describe(node)));
  return absl::nullopt;
}

absl::optional<int> TreeReader::HttpStatus(const YamlNode& node, absl::string_view what) {
  absl::optional<int> status = Int(node, what);
  if (status.has_value() && (*status < 100 || *status > 599)) {
    Error(node.pos, absl::StrCat(what, " must be an HTTP status (100-599), not ", *status));
    return absl::nullopt;
  }
  return status;
}

absl::optional<Name> TreeReader::OpenEntry(const YamlNode& node, Keys keys, absl::string_view what,
                                           absl::string_view key) {
  if (!IsMap(node, what)) return absl::nullopt;
  CheckKeys(node, keys, what);
  const YamlNode* value = Require(node, key, what);
  if (value == nullptr) return absl::nullopt;
  return String(*value, absl::StrCat(what, "'s '", key, "'"));
}

std::vector<Name> TreeReader::StringList(const YamlNode& node, absl::string_view what) {
  std::vector<Name> out;
  if (!IsSequence(node, what)) return out;
  for (const YamlNode& item : node.children) {
    if (absl::optional<Name> name = String(item, absl::StrCat("each entry of ", what))) out.push_back(std::move(*name));
  }
  return out;
}

std::string TreeReader::Describe(const YamlNode& node) const {
  if (node.is_scalar() && syntax_ == TreeSyntax::kYaml) return absl::StrCat("'", node.scalar, "'");
  return KindOf(node);
}

}  // namespace hubperm
