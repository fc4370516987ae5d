// Copyright 2026 The hubperm Authors.

#include "policy/load/yaml_tree.h"

#include <istream>
#include <streambuf>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "policy/common/utf8.h"
#include "yaml-cpp/eventhandler.h"
#include "yaml-cpp/exceptions.h"
#include "yaml-cpp/mark.h"
#include "yaml-cpp/parser.h"

namespace hubperm {
namespace {

// Builds a YamlNode tree from yaml-cpp's parse events. `stack_` holds the open sequences and maps; each
// is the last child of the one below it, and a node gets children only while it is on top, so the
// pointers stay valid.
class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(int file, int first_line, Diagnostics* diagnostics, const YamlLimits& limits,
              YamlItemSink* sink = nullptr)
      : file_(file), first_line_(first_line), diagnostics_(diagnostics), limits_(limits), sink_(sink) {}

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { Add(YamlNode::Kind::kNull, mark); }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    if (skip_depth_ == 0) {
      diagnostics_->Error(Pos(mark), "YAML aliases (*name) are not supported; write the value out");
    }
    Add(YamlNode::Kind::kNull, mark);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                const std::string& value) override {
    CheckTag(mark, tag);
    YamlNode* node = Add(YamlNode::Kind::kScalar, mark);
    if (node != nullptr) {
      node->scalar = value;
      node->plain = (tag != "!");  // yaml-cpp tags quoted scalars "!" and plain ones "?"
    }
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    CheckTag(mark, tag);
    Open(YamlNode::Kind::kSequence, mark);
  }
  void OnSequenceEnd() override { Close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    CheckTag(mark, tag);
    Open(YamlNode::Kind::kMap, mark);
  }
  void OnMapEnd() override { Close(); }

  YamlNode TakeRoot() { return std::move(root_); }

 private:
  SourcePos Pos(const YAML::Mark& mark) const { return SourcePos{file_, first_line_ + mark.line, mark.column + 1}; }

  void CheckTag(const YAML::Mark& mark, const std::string& tag) {
    if (skip_depth_ == 0 && !tag.empty() && tag != "?" && tag != "!") {
      diagnostics_->Error(Pos(mark), absl::StrCat("YAML tags (", tag, ") are not supported"));
    }
  }

  // Appends a node to the open collection (or makes it the root) and returns it; nullptr while skipping
  // an over-deep subtree.
  YamlNode* Add(YamlNode::Kind kind, const YAML::Mark& mark) {
    if (skip_depth_ > 0) return nullptr;
    YamlNode* node;
    if (stack_.empty()) {
      node = &root_;
    } else {
      YamlNode* parent = stack_.back();
      if (parent->is_map() && parent->children.size() % 2 == 0 && kind != YamlNode::Kind::kScalar &&
          kind != YamlNode::Kind::kNull) {
        diagnostics_->Error(Pos(mark), "mapping keys must be plain names, not collections");
      }
      parent->children.emplace_back();
      node = &parent->children.back();
    }
    node->kind = kind;
    node->pos = Pos(mark);
    return node;
  }

  void Open(YamlNode::Kind kind, const YAML::Mark& mark) {
    if (skip_depth_ > 0 || static_cast<int>(stack_.size()) >= limits_.max_depth) {
      if (skip_depth_ == 0) {
        diagnostics_->Error(Pos(mark), absl::StrCat("nesting deeper than ", limits_.max_depth,
                                                    " levels; the rest of this value is ignored"));
        Add(YamlNode::Kind::kNull, mark);
      }
      ++skip_depth_;
      return;
    }
    stack_.push_back(Add(kind, mark));
  }

  void Close() {
    if (skip_depth_ > 0) {
      --skip_depth_;
      return;
    }
    if (stack_.empty()) return;
    // A mapping item of a sequence under a key of the top-level mapping: the sink's, if it takes it.
    if (sink_ != nullptr && stack_.size() == 3 && stack_[0]->is_map() && stack_[1]->is_sequence() &&
        stack_[2]->is_map() && stack_[0]->children.size() % 2 == 0) {
      const YamlNode& key = stack_[0]->children[stack_[0]->children.size() - 2];
      if (key.is_scalar() && sink_->TakeItem(key, *stack_[2])) {
        stack_.pop_back();
        stack_.back()->children.pop_back();
        return;
      }
    }
    stack_.pop_back();
  }

  const int file_;
  const int first_line_;
  Diagnostics* const diagnostics_;
  const YamlLimits limits_;
  YamlItemSink* const sink_;
  YamlNode root_;
  std::vector<YamlNode*> stack_;
  int skip_depth_ = 0;
};

// Fixture files are UTF-8 text (YAML 1.2 allows UTF-16 and -32 too; we do not). Reports the first bad
// byte or control character of each line, at most `kMaxReported` lines, and returns whether the text
// is clean. Columns count characters, as yaml-cpp's do.
bool CheckEncoding(absl::string_view text, int file, int first_line, Diagnostics* diagnostics) {
  constexpr int kMaxReported = 20;
  int reported = 0, more = 0;
  int line = first_line, column = 1, last_reported_line = 0;
  if (absl::StartsWith(text, "\xEF\xBB\xBF")) text.remove_prefix(3);  // a UTF-8 byte order mark is allowed
  ForEachCharacter(text, [&](absl::string_view c, bool bad) {
    const unsigned char b = static_cast<unsigned char>(c[0]);
    if (bad && line != last_reported_line) {
      last_reported_line = line;
      if (reported < kMaxReported) {
        diagnostics->Error(SourcePos{file, line, column},
                           IsForbiddenControl(b)
                               ? absl::StrFormat("control character U+%04X is not allowed in YAML", b)
                               : absl::StrFormat("byte 0x%02X is not valid UTF-8; fixture files must be UTF-8 text", b));
        ++reported;
      } else {
        ++more;
      }
    }
    if (b == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  });
  if (more > 0) {
    diagnostics->Error(SourcePos{file, 0, 0}, absl::StrCat("and ", more, " more lines with such bytes"));
  }
  return reported == 0;
}

// A read-only stream buffer over text held elsewhere.
class TextBuf : public std::streambuf {
 public:
  explicit TextBuf(absl::string_view text) {
    char* begin = const_cast<char*>(text.data());  // only ever read through the get area
    setg(begin, begin, begin + text.size());
  }
};

SourcePos MarkPos(const YAML::Exception& e, int file, int first_line) {
  return e.mark.is_null() ? SourcePos{file, 0, 0} : SourcePos{file, first_line + e.mark.line, e.mark.column + 1};
}

}  // namespace

namespace {

absl::optional<YamlNode> Parse(absl::string_view text, int file, Diagnostics* diagnostics, const YamlLimits& limits,
                               int first_line, YamlItemSink* sink) {
  if (text.size() > limits.max_bytes) {
    diagnostics->Error(SourcePos{file, 0, 0}, absl::StrCat("the file is ", text.size(),
                                                           " bytes; hubperm reads fixture files of at most ",
                                                           limits.max_bytes, " bytes"));
    return absl::nullopt;
  }
  if (!CheckEncoding(text, file, first_line, diagnostics)) return absl::nullopt;
  TextBuf buf(text);  // yaml-cpp reads the text where it is, not a copy of it
  std::istream in(&buf);
  YamlNode root{YamlNode::Kind::kNull, true, SourcePos{file, 0, 0}, {}, {}};
  try {
    YAML::Parser parser(in);
    TreeBuilder builder(file, first_line, diagnostics, limits, sink);
    if (!parser.HandleNextDocument(builder)) return root;  // an empty file
    root = builder.TakeRoot();
    // A further document is parsed only to report where it starts (its content is not checked).
    Diagnostics ignored;
    TreeBuilder second(file, first_line, &ignored, limits);
    if (parser.HandleNextDocument(second)) {
      diagnostics->Error(second.TakeRoot().pos, "a file holds one YAML document; this is a second one");
    }
    return root;
  } catch (const YAML::Exception& e) {
    diagnostics->Error(MarkPos(e, file, first_line), absl::StrCat("YAML syntax: ", e.msg));
    return absl::nullopt;
  }
}

}  // namespace

absl::optional<YamlNode> ParseYaml(absl::string_view text, int file, Diagnostics* diagnostics,
                                   const YamlLimits& limits, int first_line) {
  return Parse(text, file, diagnostics, limits, first_line, nullptr);
}

absl::optional<YamlNode> ParseYamlStreaming(absl::string_view text, int file, Diagnostics* diagnostics,
                                            YamlItemSink* sink, const YamlLimits& limits) {
  return Parse(text, file, diagnostics, limits, 1, sink);
}

absl::string_view KindName(const YamlNode& node) {
  switch (node.kind) {
    case YamlNode::Kind::kNull:
      return "null";
    case YamlNode::Kind::kScalar:
      return "a scalar";
    case YamlNode::Kind::kSequence:
      return "a sequence";
    case YamlNode::Kind::kMap:
      return "a mapping";
  }
  return "?";
}

}  // namespace hubperm
