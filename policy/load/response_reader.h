// Copyright 2026 The hubperm Authors.
//
// policy/load/response_reader.h: reading a saved response of the Hub's API (JSON) as every importer
// must (import-whoami, import-org):
//
//   - each object's keys are checked against the keys hubperm knows for it, each either read or skipped
//     knowingly (a field hubperm does not model); any other key is a warning, naming the key only when
//     it is key-shaped (the Hub adds fields over time);
//   - values are never quoted back in messages: a response's values may be anything pasted, so messages
//     name the field and its position;
//   - a string that looks like a credential (policy/common/secret.h) is an error at its position and is
//     copied nowhere;
//   - a name is checked against the Hub's naming rule of its kind (policy/model/names.h).
//
//   absl::optional<YamlNode> root = ParseResponse(file, json, '[', "the members of an org", &diagnostics);
//   ResponseReader in(&diagnostics);
//   for (const YamlNode& member : root->children) {
//     ResponseReader::Object m = in.Read(member, kMemberKeys, "a member");
//     if (const YamlNode* user = m.Require("user")) name = in.Named(*user, "user", NameKind::kUser);
//   }

#ifndef HUBPERM_POLICY_LOAD_RESPONSE_READER_H_
#define HUBPERM_POLICY_LOAD_RESPONSE_READER_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "absl/types/optional.h"
#include "absl/types/span.h"
#include "policy/common/diagnostics.h"
#include "policy/common/source.h"
#include "policy/load/tree_reader.h"
#include "policy/load/yaml_tree.h"
#include "policy/model/names.h"
#include "policy/model/world.h"

namespace hubperm {

// What an importer does with a key of a response: read it, or skip it knowingly.
enum class Use : uint8_t { kRead, kSkip };
struct KeySpec {
  absl::string_view key;
  Use use;
};

// Every issue as "file:line:col: error|warning: message", one per line, then how many were not shown.
// Unlike fixture diagnostics, the source line is not shown: a response is often one long line, and it
// may hold secrets.
std::string RenderResponseIssues(const SourceFiles& files, const Diagnostics& diagnostics);

// Parses the JSON `json` of file `file`, which must open with `opening` ('{' for an object, '[' for an
// array): `what` names the response in the error when it does not ("expected the JSON array of WHAT").
// nullopt after reporting; syntax errors and duplicate keys are reported at their positions.
absl::optional<YamlNode> ParseResponse(int file, absl::string_view json, char opening, absl::string_view what,
                                       Diagnostics* diagnostics);

class ResponseReader {
 public:
  explicit ResponseReader(Diagnostics* diagnostics);

  // One JSON object of a response, its keys checked once on construction.
  class Object {
   public:
    // The value of a read key, or nullptr when absent (a JSON null counts as absent).
    const YamlNode* Get(absl::string_view key) const;
    // The same, with an error "WHAT is missing 'KEY'" when absent.
    const YamlNode* Require(absl::string_view key) const;
    const YamlNode& node() const { return node_; }

   private:
    friend class ResponseReader;
    Object(const YamlNode& node, absl::Span<const KeySpec> keys, absl::string_view what, ResponseReader* reader)
        : node_(node), keys_(keys), what_(what), reader_(reader) {}
    const YamlNode& node_;
    absl::Span<const KeySpec> keys_;
    absl::string_view what_;  // must outlive the Object (a literal, in practice)
    ResponseReader* reader_;
  };

  // `node`, which the caller has checked is an object, read with `keys`; `what` must outlive the Object.
  Object Read(const YamlNode& node, absl::Span<const KeySpec> keys, absl::string_view what);

  // True if `node` is an object (an array); otherwise "'WHAT' must be an object, not KIND".
  bool IsObject(const YamlNode& node, absl::string_view what);
  bool IsArray(const YamlNode& node, absl::string_view what);

  // A JSON string's text (it may be empty); a secret-shaped one is an error and nullopt.
  absl::optional<std::string> String(const YamlNode& node, absl::string_view what);
  // A string that names something of `kind` under the Hub's naming rule; otherwise an error.
  absl::optional<std::string> Named(const YamlNode& node, absl::string_view what, NameKind kind);
  // A repo id "namespace/name" whose parts follow the naming rules; otherwise an error.
  absl::optional<std::string> RepoId(const YamlNode& node, absl::string_view what);
  absl::optional<bool> Bool(const YamlNode& node, absl::string_view what);
  // An array of permission strings. One hubperm does not know is kept, with a warning, when it has a
  // permission's shape (lowercase words joined by dots: the Hub adds permissions over time); anything
  // else may be a value pasted in the wrong place, and is left out with a warning that does not repeat it.
  std::vector<PermissionEntry> Permissions(const YamlNode& node, absl::string_view what);
  absl::optional<absl::Time> Time(const YamlNode& node, absl::string_view what) { return tree_.Time(node, what); }
  template <typename E>
  absl::optional<E> Enum(const YamlNode& node, absl::string_view what) {
    return tree_.Enum<E>(node, what);
  }

  TreeReader& tree() { return tree_; }
  Diagnostics* diagnostics() const { return tree_.diagnostics(); }

 private:
  TreeReader tree_;
};

}  // namespace hubperm

#endif  // HUBPERM_POLICY_LOAD_RESPONSE_READER_H_
