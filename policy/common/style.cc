// Copyright 2026 The hubperm Authors.

#include "policy/common/style.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace hubperm {
namespace {

absl::string_view Escape(Tone tone) {
  switch (tone) {
    case Tone::kAllow:
      return "\x1b[1;32m";
    case Tone::kDeny:
      return "\x1b[1;31m";
    case Tone::kWarning:
      return "\x1b[33m";
    case Tone::kHeading:
      return "\x1b[1m";
    case Tone::kFaint:
      return "\x1b[2m";
  }
  return "";
}

constexpr absl::string_view kReset = "\x1b[0m";

}  // namespace

size_t StyleSequenceLength(absl::string_view text, bool* partial) {
  *partial = false;
  for (Tone tone : {Tone::kAllow, Tone::kDeny, Tone::kWarning, Tone::kHeading, Tone::kFaint}) {
    for (absl::string_view sequence : {Escape(tone), kReset}) {
      if (absl::StartsWith(text, sequence)) return sequence.size();
      if (text.size() < sequence.size() && absl::StartsWith(sequence, text)) *partial = true;
    }
  }
  return 0;
}

std::string Style::Paint(Tone tone, absl::string_view text) const {
  if (!colour_ || text.empty()) return std::string(text);
  return absl::StrCat(Escape(tone), text, kReset);
}

bool WantsColour(absl::string_view setting, bool is_terminal, const char* no_color_env) {
  if (setting == "always") return true;
  if (setting == "never") return false;
  // https://no-color.org: "when present and not an empty string" colour is off.
  const bool no_color = no_color_env != nullptr && no_color_env[0] != '\0';
  return is_terminal && !no_color;
}

}  // namespace hubperm
