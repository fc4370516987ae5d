// Copyright 2026 The hubperm Authors.
//
// policy/load/yaml_tree.h: a YAML document as a small tree of positioned nodes.
//
// The loader does not walk yaml-cpp's own `YAML::Node`: it builds this tree from yaml-cpp's event parser,
// which lets it keep every node's position, keep duplicate mapping keys (so they can be reported), refuse
// aliases (a YAML "billion laughs" cannot expand), and bound nesting depth, without recursion. This is the
// only place hubperm includes yaml-cpp and the only place that catches its exceptions.

#ifndef HUBPERM_POLICY_LOAD_YAML_TREE_H_
#define HUBPERM_POLICY_LOAD_YAML_TREE_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/types/optional.h"
#include "policy/common/diagnostics.h"

namespace hubperm {

struct YamlNode {
  enum class Kind : uint8_t { kNull, kScalar, kSequence, kMap };

  Kind kind = Kind::kNull;
  // For a scalar: whether it was written plain (unquoted), so `true` is a boolean and "true" a string.
  bool plain = true;
  SourcePos pos;
  std::string scalar;
  // A sequence's items; a map's keys and values, alternating: key 0, value 0, key 1, value 1, ...
  std::vector<YamlNode> children;

  bool is_null() const { return kind == Kind::kNull; }
  bool is_scalar() const { return kind == Kind::kScalar; }
  bool is_sequence() const { return kind == Kind::kSequence; }
  bool is_map() const { return kind == Kind::kMap; }
  size_t map_size() const { return children.size() / 2; }
  const YamlNode& key(size_t i) const { return children[2 * i]; }
  const YamlNode& value(size_t i) const { return children[2 * i + 1]; }
};

// Limits that keep a hostile file from exhausting the loader.
struct YamlLimits {
  int max_depth = 64;  // nesting of sequences and maps
  // 1 GiB: line numbers stay ints, and a synthetic world of a million repos is well under it.
  size_t max_bytes = size_t{1} << 30;
};

// Parses `text`, the whole of file number `file`, into one document. Syntax errors, aliases, explicit
// tags, non-scalar map keys, extra documents and over-deep nesting are reported to `diagnostics`; the
// result is nullopt only when the text could not be parsed at all. An empty file is a null node. Text
// that is not UTF-8, holds control characters, or is larger than `limits.max_bytes` is not parsed: each
// bad place is reported and the result is nullopt.
// `first_line` is the line of the file that `text` starts with, when it is an excerpt (one line of a
// JSON lines input, SourceFiles::Add): positions count from the file's start.
absl::optional<YamlNode> ParseYaml(absl::string_view text, int file, Diagnostics* diagnostics,
                                   const YamlLimits& limits = YamlLimits(), int first_line = 1);

// Takes each mapping that is an item of a sequence that is a value of the top-level mapping (a
// fixture's `repos:` entries) as soon as the parser completes it, with the key it is under; returns
// whether it consumed the item. A consumed item is dropped from the tree, so a document of a million
// entries never holds more than one entry's nodes at a time; an item not consumed stays in the tree.
class YamlItemSink {
 public:
  virtual ~YamlItemSink() = default;
  virtual bool TakeItem(const YamlNode& key, const YamlNode& item) = 0;
};

// ParseYaml, handing each top-level list's mapping items to `sink` as they complete.
absl::optional<YamlNode> ParseYamlStreaming(absl::string_view text, int file, Diagnostics* diagnostics,
                                            YamlItemSink* sink, const YamlLimits& limits = YamlLimits());

// "a mapping", "a sequence", "a scalar" or "null", for error messages.
absl::string_view KindName(const YamlNode& node);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_LOAD_YAML_TREE_H_
