// Copyright 2026 The hubperm Authors.

#include "policy/common/json_writer.h"

#include <cmath>
#include <limits>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "policy/common/escape.h"
#include "policy/common/utf8.h"

namespace hubperm {
namespace {

void AppendQuoted(absl::string_view text, std::string* out) {
  out->push_back('"');
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const size_t length = Utf8SequenceLength(text, i);
    if (length == 0) {
      out->append("\\ufffd");
      ++i;
      continue;
    }
    if (length > 1) {
      // C1 controls and the format characters a viewer acts on (policy/common/escape.h) as \u escapes;
      // U+2028 and U+2029 also end a line in JavaScript.
      const absl::string_view character = text.substr(i, length);
      const char32_t code = DecodeUtf8(character);
      if (IsUnsafeCodePoint(code)) {
        if (code <= 0xFFFF) {
          absl::StrAppendFormat(out, "\\u%04x", static_cast<unsigned>(code));
        } else {  // a surrogate pair
          const unsigned v = static_cast<unsigned>(code) - 0x10000;
          absl::StrAppendFormat(out, "\\u%04x\\u%04x", 0xD800 + (v >> 10), 0xDC00 + (v & 0x3FF));
        }
      } else {
        out->append(character.data(), character.size());
      }
      i += length;
      continue;
    }
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      default:
        if (c < 0x20 || c == 0x7f) {
          absl::StrAppendFormat(out, "\\u%04x", c);
        } else {
          out->push_back(static_cast<char>(c));
        }
    }
    ++i;
  }
  out->push_back('"');
}

}  // namespace

std::string JsonQuote(absl::string_view text) {
  std::string out;
  AppendQuoted(text, &out);
  return out;
}

void JsonWriter::Separate() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (levels_.empty()) return;
  const bool first = levels_.back().members++ == 0;
  if (layout_ == JsonLayout::kOneLine) {
    if (!first) out_.append(", ");
    return;
  }
  if (!first) out_.push_back(',');
  out_.push_back('\n');
  out_.append(2 * levels_.size(), ' ');
}

void JsonWriter::Open(char bracket) {
  Separate();
  out_.push_back(bracket);
  levels_.push_back(Level{});
}

void JsonWriter::Close(char bracket) {
  const bool empty = levels_.back().members == 0;
  levels_.pop_back();
  if (!empty && layout_ == JsonLayout::kIndented) {
    out_.push_back('\n');
    out_.append(2 * levels_.size(), ' ');
  }
  out_.push_back(bracket);
}

JsonWriter& JsonWriter::BeginObject() {
  Open('{');
  return *this;
}
JsonWriter& JsonWriter::EndObject() {
  Close('}');
  return *this;
}
JsonWriter& JsonWriter::BeginArray() {
  Open('[');
  return *this;
}
JsonWriter& JsonWriter::EndArray() {
  Close(']');
  return *this;
}

JsonWriter& JsonWriter::Key(absl::string_view key) {
  Separate();
  AppendQuoted(key, &out_);
  out_.append(": ");
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::String(absl::string_view value) {
  Separate();
  AppendQuoted(value, &out_);
  return *this;
}

JsonWriter& JsonWriter::StringOrNull(absl::optional<absl::string_view> value) {
  return value.has_value() ? String(*value) : Null();
}

JsonWriter& JsonWriter::Int(int64_t value) {
  Separate();
  absl::StrAppend(&out_, value);
  return *this;
}

JsonWriter& JsonWriter::Number(double value, int decimals) {
  if (!std::isfinite(value)) return Null();
  Separate();
  std::string text = absl::StrFormat("%.*f", decimals, value);
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
  }
  if (text == "-0") text = "0";
  out_.append(text);
  return *this;
}

JsonWriter& JsonWriter::Bool(bool value) {
  Separate();
  out_.append(value ? "true" : "false");
  return *this;
}

JsonWriter& JsonWriter::Null() {
  Separate();
  out_.append("null");
  return *this;
}

void WritePosition(const SourceFiles& files, const SourcePos& pos, JsonWriter* json) {
  if (!pos.known()) {
    json->Null();
    return;
  }
  json->BeginObject()
      .Key("file").String(files.name(pos.file))
      .Key("line").Int(pos.line)
      .Key("column").Int(pos.column)
      .EndObject();
}

std::string JsonWriter::Finish() {
  std::string text = std::move(out_);
  text.push_back('\n');
  out_.clear();
  levels_.clear();
  after_key_ = false;
  return text;
}

}  // namespace hubperm
