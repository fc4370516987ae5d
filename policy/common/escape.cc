// Copyright 2026 The hubperm Authors.

#include "policy/common/escape.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "policy/common/style.h"
#include "policy/common/utf8.h"

namespace hubperm {
namespace {

// The unsafe code points above ASCII, as inclusive ranges (Unicode 15: C1 controls, and the format
// characters of category Cf that act on the text around them).
struct Range {
  char32_t first;
  char32_t last;
};
constexpr Range kUnsafeRanges[] = {
    {0x80, 0x9F},      // C1 controls (CSI 0x9B starts an escape sequence on some terminals)
    {0x061C, 0x061C},  // ARABIC LETTER MARK (bidirectional)
    {0x180E, 0x180E},  // MONGOLIAN VOWEL SEPARATOR
    {0x200B, 0x200F},  // zero-width space, non-joiner, joiner; left-to-right and right-to-left marks
    {0x2028, 0x202E},  // line and paragraph separators; bidirectional embeddings and overrides
    {0x2060, 0x2064},  // word joiner, invisible operators
    {0x2066, 0x206F},  // bidirectional isolates; deprecated format characters
    {0xFEFF, 0xFEFF},  // byte order mark, zero-width no-break space
    {0xFFF9, 0xFFFB},  // interlinear annotation
    {0xFFFE, 0xFFFF},  // noncharacters (not allowed in XML)
    {0xE0000, 0xE007F},  // tag characters
};

}  // namespace

namespace {

// Appends the character `c` (one UTF-8 sequence, or one byte that is not UTF-8 when `bad`) as it is or
// escaped.
void AppendCharacter(absl::string_view c, bool bad, absl::string_view keep, std::string* out) {
  if (bad) {
    absl::StrAppendFormat(out, "\\x%02X", static_cast<unsigned char>(c[0]));
    return;
  }
  const char32_t code = DecodeUtf8(c);
  if (!IsUnsafeCodePoint(code) || (code < 0x80 && keep.find(static_cast<char>(code)) != absl::string_view::npos)) {
    out->append(c.data(), c.size());
  } else if (code < 0x80) {
    absl::StrAppendFormat(out, "\\x%02X", static_cast<unsigned>(code));
  } else {
    absl::StrAppendFormat(out, "\\u{%04X}", static_cast<unsigned>(code));
  }
}

}  // namespace

bool IsUnsafeCodePoint(char32_t c) {
  if (c < 0x20 || c == 0x7F) return true;
  if (c < 0x80) return false;
  for (const Range& range : kUnsafeRanges) {
    if (c >= range.first && c <= range.last) return true;
  }
  return false;
}

bool HasUnsafeCharacter(absl::string_view text) {
  bool unsafe = false;
  ForEachSequence(text, [&](absl::string_view c, bool bad) { unsafe = unsafe || bad || IsUnsafeCodePoint(DecodeUtf8(c)); });
  return unsafe;
}

std::string EscapeUnsafe(absl::string_view text, absl::string_view keep) {
  std::string out;
  out.reserve(text.size());
  ForEachSequence(text, [&](absl::string_view c, bool bad) { AppendCharacter(c, bad, keep, &out); });
  return out;
}

std::string QuotePath(absl::string_view path) { return QuoteValue(path, path.size()); }

std::string Printable(absl::string_view line) { return EscapeUnsafe(line, "\t"); }

std::string CaretIndent(absl::string_view line, int column) {
  std::string out, shown;
  int current = 1;
  ForEachSequence(line, [&](absl::string_view c, bool bad) {
    if (current++ >= column) return;
    shown.clear();
    AppendCharacter(c, bad, "\t", &shown);
    if (shown == "\t") {
      out.push_back('\t');
    } else {
      out.append(!bad && shown == c ? 1 : shown.size(), ' ');  // a character shown as it is takes one cell
    }
  });
  if (column > current) out.append(column - current, ' ');
  return out;
}

std::string QuoteValue(absl::string_view text, size_t max_chars) {
  std::string out = "'";
  size_t characters = 0;
  bool cut = false;
  ForEachSequence(text, [&](absl::string_view c, bool bad) {
    if (cut) return;
    if (characters++ == max_chars) {
      cut = true;
      return;
    }
    AppendCharacter(c, bad, "", &out);
  });
  out.push_back('\'');
  if (cut) absl::StrAppend(&out, "... (", text.size(), " bytes)");
  return out;
}

size_t AppendTerminalSafe(absl::string_view text, bool allow_style, bool final, std::string* out) {
  size_t i = 0;
  while (i < text.size()) {
    const absl::string_view rest = text.substr(i);
    if (rest[0] == '\x1b' && allow_style) {
      bool partial = false;
      const size_t style = StyleSequenceLength(rest, &partial);
      if (style > 0) {
        out->append(rest.data(), style);
        i += style;
        continue;
      }
      if (partial && !final) return i;
    }
    size_t length = Utf8SequenceLength(text, i);
    if (length == 0 && !final) {
      // A sequence cut by the end of this piece: its lead byte announces more than the piece holds.
      const unsigned char lead = static_cast<unsigned char>(rest[0]);
      const size_t wanted = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 1;
      if (wanted > rest.size() && lead >= 0xC2 && lead <= 0xF4) return i;
    }
    const size_t taken = length == 0 ? 1 : length;
    AppendCharacter(rest.substr(0, taken), length == 0, "\n\t", out);
    i += taken;
  }
  return i;
}

}  // namespace hubperm
