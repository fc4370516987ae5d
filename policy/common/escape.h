// Copyright 2026 The hubperm Authors.
//
// policy/common/escape.h: text from the input, made safe to print.
//
// Names, pasted error text and values quoted in messages come from files and arguments an attacker (or a
// careless script) may write. A terminal acts on some characters instead of showing them: ANSI escape
// sequences clear the screen or move the cursor, a carriage return or a line separator lets a name forge
// a line of output ("PASS ..."), and Unicode's bidirectional controls reorder what is read. hubperm
// prints none of them raw: each is written as a visible escape (`\x1B`, `\u{202E}`).
//
//   EscapeUnsafe("a\x1b[2Jb")      == "a\\x1B[2Jb"
//   QuoteValue(std::string(1000, 'x')) == "'xxx...x' (1000 bytes)"   // cut after 80 characters

#ifndef HUBPERM_POLICY_COMMON_ESCAPE_H_
#define HUBPERM_POLICY_COMMON_ESCAPE_H_

#include <cstddef>
#include <string>

#include "absl/strings/string_view.h"

namespace hubperm {

// Whether a terminal or a text viewer acts on code point `c` instead of showing it: every C0 control
// (tab and line feed included: callers keep those where text is multi-line), DEL, the C1 controls, and
// the format characters that reorder, hide or break text (bidirectional embeddings, overrides, isolates
// and marks, zero-width characters, the line and paragraph separators U+2028 and U+2029, the byte order
// mark, interlinear annotations, tag characters) and the noncharacters U+FFFE and U+FFFF (not allowed in
// XML).
bool IsUnsafeCodePoint(char32_t c);

// Whether `text` holds a byte that is not UTF-8 or an unsafe code point.
bool HasUnsafeCharacter(absl::string_view text);

// `text` with every byte that is not well-formed UTF-8 and every unsafe code point escaped: a byte as
// `\xHH` (ASCII controls, DEL, and bytes that are not UTF-8), any other code point as `\u{HHHH}`. The
// ASCII characters in `keep` (e.g. "\n\t" for multi-line text) are written as they are.
std::string EscapeUnsafe(absl::string_view text, absl::string_view keep = "");

// `text` escaped as EscapeUnsafe does and between single quotes, for a message that names an input
// value: "unknown token 'ci-tokne'". A value longer than `max_chars` characters is cut there and its
// length in bytes added: "'xxxx...' (50000000 bytes)".
std::string QuoteValue(absl::string_view text, size_t max_chars = 80);

// A path in a message: QuoteValue, escaped but never cut (the path is the user's own, and they need
// all of it).
std::string QuotePath(absl::string_view path);

// `line` (a line of a source file, under a diagnostic) as a terminal can show it: EscapeUnsafe(line,
// "\t"), the line's own tabs kept so a caret can line up under them.
std::string Printable(absl::string_view line);

// The blanks to print before a caret so it stands under the 1-based character `column` of `line` as
// `Printable` shows it: one per character (each counted one cell wide), one per byte of each escape,
// and the line's own tabs kept as tabs. A column past the end of the line gets one blank per missing
// character.
std::string CaretIndent(absl::string_view line, int column);

// The text terminal output is: `text` as EscapeUnsafe(text, "\n\t") writes it, except that, when
// `allow_style` is true, the colour sequences hubperm's own Style paints with pass unescaped. Appends
// to `out` and returns how many bytes of `text` it consumed: when `final` is false, an incomplete UTF-8
// sequence or colour sequence at the end is left for the next call (a stream written in pieces).
size_t AppendTerminalSafe(absl::string_view text, bool allow_style, bool final, std::string* out);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_COMMON_ESCAPE_H_
