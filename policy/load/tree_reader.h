// Copyright 2026 The hubperm Authors.
//
// policy/load/tree_reader.h: typed values out of a positioned tree (yaml_tree.h), every mismatch
// reported at its node, in one wording for every input hubperm reads: fixtures (YAML), the route
// catalogue (YAML), whoami-v2 responses and the OpenAPI description (JSON, read as YAML's flow style).
//
//   unknown key 'K' in WHAT; did you mean 'X'? (valid: A, B)
//   duplicate key 'K' in WHAT; first at line N
//   WHAT is missing 'K'
//   WHAT must be a mapping, not a sequence          (JSON: "must be an object, not an array")
//   WHAT must be a string | true or false | a whole number, not ...
//   unknown WHAT 'x'; did you mean 'y'? (valid: ...)
//
// Each getter returns nullopt (or an empty value) after reporting, so the caller goes on with the next
// field and every problem of the input is reported. JSON input is read strictly: a string is a quoted
// scalar, `null` is absent, and a scalar's value is never quoted back in a message (a response may hold
// secrets); YAML messages quote the offending scalar.

#ifndef HUBPERM_POLICY_LOAD_TREE_READER_H_
#define HUBPERM_POLICY_LOAD_TREE_READER_H_

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "absl/types/optional.h"
#include "absl/types/span.h"
#include "policy/common/diagnostics.h"
#include "policy/common/suggest.h"
#include "policy/load/yaml_tree.h"
#include "policy/model/vocabulary.h"
#include "policy/model/world.h"

namespace hubperm {

using Keys = absl::Span<const absl::string_view>;

// Which language the tree was written in: it decides the words for kinds ("a mapping" or "an object")
// and what a string is.
enum class TreeSyntax : uint8_t { kYaml, kJson };

// How an unknown key is reported: an error (hubperm's own formats), or a warning that it is ignored
// (formats the Hub extends over time, such as whoami-v2).
enum class UnknownKeys : uint8_t { kError, kWarning };

// Whether `key` may be named in a message: a short run of letters, digits, '_', '-' and '.' that does
// not look like a secret (policy/common/secret.h).
bool KeyShaped(absl::string_view key);

class TreeReader {
 public:
  TreeReader(Diagnostics* diagnostics, TreeSyntax syntax) : diagnostics_(diagnostics), syntax_(syntax) {}

  // Whether messages may quote the values they are about ("unknown org role 'wirte'"): true for
  // hubperm's own formats; false for a response from the Hub (import-whoami), whose values may be
  // anything pasted, so messages name the field and its position only.
  void set_echo_values(bool echo) { echo_values_ = echo; }
  // " 'text'" (escaped and cut, policy/common/escape.h) for a message about the value `text`, or ""
  // when values are not echoed or `text` looks like a secret.
  std::string Value(absl::string_view text) const;

  void Error(const SourcePos& pos, std::string message) { diagnostics_->Error(pos, std::move(message)); }
  void Warning(const SourcePos& pos, std::string message) { diagnostics_->Warning(pos, std::move(message)); }
  Diagnostics* diagnostics() const { return diagnostics_; }

  // "a mapping", "a sequence", "a scalar", "null" (YAML); "an object", "an array", "a string",
  // "a number", "a boolean", "null" (JSON).
  std::string KindOf(const YamlNode& node) const;
  // Whether `node` is absent: YAML's null (`key:`, `~`), or JSON's `null`.
  bool IsNull(const YamlNode& node) const;

  // True if `node` is a mapping (a sequence); otherwise reports "WHAT must be a mapping, not KIND".
  bool IsMap(const YamlNode& node, absl::string_view what);
  bool IsSequence(const YamlNode& node, absl::string_view what);

  // Reports every key of `map` that is not in `allowed` (with a suggestion) or that repeats.
  void CheckKeys(const YamlNode& map, Keys allowed, absl::string_view what, UnknownKeys unknown = UnknownKeys::kError);

  // The first key of `map` before key `i` that equals it, or nullptr.
  static const YamlNode* EarlierKey(const YamlNode& map, size_t i);

  // The value of the first `key` in `map`, or nullptr; an explicit YAML null (`key:`, `key: ~`) counts as
  // absent. Find does not know the syntax: with JSON, use Get, which also takes `null` as absent.
  static const YamlNode* Find(const YamlNode& map, absl::string_view key);
  const YamlNode* Get(const YamlNode& map, absl::string_view key) const;
  // Like Get, but reports "WHAT is missing 'KEY'" at the mapping.
  const YamlNode* Require(const YamlNode& map, absl::string_view key, absl::string_view what);

  // A non-empty string (YAML: any scalar; JSON: a quoted one).
  absl::optional<Name> String(const YamlNode& node, absl::string_view what);
  // A string that may be empty (JSON fields such as a display name).
  absl::optional<Name> Text(const YamlNode& node, absl::string_view what);
  absl::optional<bool> Bool(const YamlNode& node, absl::string_view what);
  absl::optional<int> Int(const YamlNode& node, absl::string_view what);
  // An HTTP status: a whole number from 100 to 599.
  absl::optional<int> HttpStatus(const YamlNode& node, absl::string_view what);
  // A moment: RFC 3339 or a date (policy/common/timestamp.h).
  absl::optional<absl::Time> Time(const YamlNode& node, absl::string_view what);

  // One of the spellings of enum E (policy/model/vocabulary.h).
  template <typename E>
  absl::optional<E> Enum(const YamlNode& node, absl::string_view what) {
    if (!node.is_scalar() || (syntax_ == TreeSyntax::kJson && (node.plain || IsNull(node)))) {
      Error(node.pos, absl::StrCat(what, " must be one of ", absl::StrJoin(NamesOf<E>(), ", "), ", not ", KindOf(node)));
      return absl::nullopt;
    }
    absl::optional<E> value = ParseName<E>(node.scalar);
    if (!value.has_value()) {
      const std::vector<absl::string_view> names = NamesOf<E>();
      Error(node.pos, absl::StrCat("unknown ", what, Value(node.scalar), DidYouMean(node.scalar, names),
                                   " (valid: ", absl::StrJoin(names, ", "), ")"));
    }
    return value;
  }

  // The common opening of a list entry (an org, a repo, a token, ...): it must be a mapping of `keys`,
  // and its required `key` (name or id) a string. Returns that string, or nullopt after reporting.
  absl::optional<Name> OpenEntry(const YamlNode& node, Keys keys, absl::string_view what, absl::string_view key);

  // A sequence of non-empty strings.
  std::vector<Name> StringList(const YamlNode& node, absl::string_view what);

  // A sequence whose items are handed to `fn(const YamlNode&)`.
  template <typename Fn>
  void ForEachItem(const YamlNode& node, absl::string_view what, Fn fn) {
    if (!IsSequence(node, what)) return;
    for (const YamlNode& item : node.children) fn(item);
  }

 private:
  bool Expect(const YamlNode& node, YamlNode::Kind kind, absl::string_view what);
  // A scalar as a message shows it: quoted for YAML, its kind only for JSON.
  std::string Describe(const YamlNode& node) const;

  bool echo_values_ = true;
  Diagnostics* diagnostics_;
  TreeSyntax syntax_;
};

}  // namespace hubperm

#endif  // HUBPERM_POLICY_LOAD_TREE_READER_H_
