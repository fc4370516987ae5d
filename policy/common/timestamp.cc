// Copyright 2026 The hubperm Authors.

#include "policy/common/timestamp.h"

#include <string>

#include "absl/strings/match.h"

namespace hubperm {

absl::optional<absl::Time> ParseTimestamp(absl::string_view text) {
  std::string err;
  absl::Time t;
  // absl::ParseTime normalizes out-of-range fields (Feb 30 -> Mar 2); the round trip through the civil
  // fields below refuses them.
  if (text.size() == 10) {
    if (!absl::ParseTime("%Y-%m-%d", text, absl::UTCTimeZone(), &t, &err)) return absl::nullopt;
    if (absl::FormatTime("%Y-%m-%d", t, absl::UTCTimeZone()) != text) return absl::nullopt;
    return t;
  }
  if (text.size() < 20 || (text[10] != 'T' && text[10] != 't')) return absl::nullopt;
  if (!absl::ParseTime(absl::RFC3339_full, text, &t, &err)) return absl::nullopt;
  // The date and time as written must name real fields: parse the civil part alone and compare.
  absl::Time civil;
  std::string civil_text(text.substr(0, 19));
  civil_text[10] = 'T';
  if (!absl::ParseTime("%Y-%m-%dT%H:%M:%S", civil_text, absl::UTCTimeZone(), &civil, &err)) {
    return absl::nullopt;
  }
  if (!absl::EqualsIgnoreCase(absl::FormatTime("%Y-%m-%dT%H:%M:%S", civil, absl::UTCTimeZone()), text.substr(0, 19))) {
    return absl::nullopt;
  }
  return t;
}

std::string FormatTimestamp(absl::Time t) { return absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", t, absl::UTCTimeZone()); }

}  // namespace hubperm
