// Copyright 2026 The hubperm Authors.

#include "policy/common/secret.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

namespace hubperm {
namespace {

bool IsKeyCharacter(char c) {
  return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '+' || c == '/' ||
         c == '=';
}

// Whether `text` holds a run of at least 24 key characters mixing upper case, lower case and digits.
bool HasGeneratedKey(absl::string_view text) {
  size_t run = 0;
  bool upper = false, lower = false, digit = false;
  for (size_t i = 0; i <= text.size(); ++i) {
    const bool key = i < text.size() && IsKeyCharacter(text[i]);
    if (key) {
      const unsigned char c = static_cast<unsigned char>(text[i]);
      ++run;
      upper = upper || absl::ascii_isupper(c);
      lower = lower || absl::ascii_islower(c);
      digit = digit || absl::ascii_isdigit(c);
      continue;
    }
    if (run >= 24 && upper && lower && digit) return true;
    run = 0;
    upper = lower = digit = false;
  }
  return false;
}

}  // namespace

bool LooksLikeSecret(absl::string_view text) {
  for (absl::string_view prefix : {"hf_oauth_", "api_org_", "hf_"}) {
    const size_t at = text.find(prefix);
    if (at == absl::string_view::npos) continue;
    size_t alnum = 0;
    for (size_t i = at + prefix.size(); i < text.size() && absl::ascii_isalnum(static_cast<unsigned char>(text[i])); ++i) {
      ++alnum;
    }
    if (alnum >= 16) return true;
  }
  return HasGeneratedKey(text);
}

}  // namespace hubperm
