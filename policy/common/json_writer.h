// Copyright 2026 The hubperm Authors.
//
// policy/common/json_writer.h: writes one JSON document, for `--format json`.
//
// A small streaming writer: the caller opens objects and arrays, names keys and writes scalars; the
// writer places commas, indents (two blanks per level), and escapes strings so the output is always
// valid JSON in valid UTF-8, whatever bytes a string holds (a byte that is not well-formed UTF-8 becomes
// U+FFFD). It checks nothing else: a value where a key is due is a caller's bug, caught by the tests of
// each document's schema.
//
//   JsonWriter json;
//   json.BeginObject().Key("allowed").Bool(false).Key("status").Int(403).EndObject();
//   std::string text = json.Finish();  // "{\n  \"allowed\": false,\n  \"status\": 403\n}\n"
//
// JsonLayout::kOneLine writes the same document on one line (`{"allowed": false, "status": 403}`), for
// JSON lines (`check --batch`): the writer never writes a raw line break inside a string.

#ifndef HUBPERM_POLICY_COMMON_JSON_WRITER_H_
#define HUBPERM_POLICY_COMMON_JSON_WRITER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/types/optional.h"
#include "policy/common/source.h"

namespace hubperm {

enum class JsonLayout : uint8_t {
  kIndented,  // two blanks per level, one member per line
  kOneLine,   // the whole document on one line
};

class JsonWriter {
 public:
  explicit JsonWriter(JsonLayout layout = JsonLayout::kIndented) : layout_(layout) {}

  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  // The key of the next member of the innermost object.
  JsonWriter& Key(absl::string_view key);
  JsonWriter& String(absl::string_view value);
  // A string, or null when `value` is empty (nullopt).
  JsonWriter& StringOrNull(absl::optional<absl::string_view> value);
  JsonWriter& Int(int64_t value);
  // A finite number, with at most `decimals` digits after the point and no trailing zeros (62.5, 100);
  // NaN and infinities (which JSON cannot hold) as null.
  JsonWriter& Number(double value, int decimals = 2);
  JsonWriter& Bool(bool value);
  JsonWriter& Null();

  // The document, ending with a line break. The writer is empty afterwards.
  std::string Finish();

 private:
  // Writes the comma and line break that come before a value or key at the current level.
  void Separate();
  void Open(char bracket);
  void Close(char bracket);
  void Quote(absl::string_view text);

  struct Level {
    int members = 0;
  };
  JsonLayout layout_;
  std::string out_;
  std::vector<Level> levels_;
  bool after_key_ = false;
};

// `text` as a JSON string literal, quotes included.
std::string JsonQuote(absl::string_view text);

// A position in `files` as {"file", "line", "column"}, or null when unknown: the one JSON form of a
// fixture position, in every document hubperm writes.
void WritePosition(const SourceFiles& files, const SourcePos& pos, JsonWriter* json);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_COMMON_JSON_WRITER_H_
