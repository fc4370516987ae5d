// Copyright 2026 The hubperm Authors.
//
// policy/common/style.h: colour for text meant for people, only when it is wanted.
//
// Renderers take a `Style` and paint the words that carry a verdict (ALLOW, DENY, error, warning) and
// the headings; a plain Style (the default) paints nothing, so text written to a file, a pipe or a
// golden test is the same as before. Whether to colour is the caller's choice: the CLI colours a
// terminal, never when NO_COLOR is set (https://no-color.org), and obeys --color always|never.
//
// Example:
//   const Style style = Style::Ansi();
//   style.Paint(Tone::kDeny, "DENY");  // "\x1b[1;31mDENY\x1b[0m"

#ifndef HUBPERM_POLICY_COMMON_STYLE_H_
#define HUBPERM_POLICY_COMMON_STYLE_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"

namespace hubperm {

// What a piece of text says, which decides its colour.
enum class Tone : uint8_t {
  kAllow,    // bold green: ALLOW, allow
  kDeny,     // bold red: DENY, error
  kWarning,  // yellow: warning, assumed
  kHeading,  // bold
  kFaint,    // dim: positions and other secondary detail
};

class Style {
 public:
  // Paints nothing.
  static Style Plain() { return Style(false); }
  // ANSI SGR escapes, as every terminal understands.
  static Style Ansi() { return Style(true); }

  // `text` in `tone`'s colour, or `text` itself when plain.
  std::string Paint(Tone tone, absl::string_view text) const;

  bool colour() const { return colour_; }

 private:
  explicit Style(bool colour) : colour_(colour) {}
  bool colour_;
};

// The length of the colour sequence Style paints with that `text` starts with (one of its tones, or
// the reset), or 0. When `text` is a proper prefix of one, `*partial` is set (a stream written in pieces).
size_t StyleSequenceLength(absl::string_view text, bool* partial);

// Whether text on a stream should be coloured: `setting` is "always", "never" or "auto" (a terminal,
// and NO_COLOR unset or empty).

bool WantsColour(absl::string_view setting, bool is_terminal, const char* no_color_env);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_COMMON_STYLE_H_
