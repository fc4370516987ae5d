// Copyright 2026 The hubperm Authors.
//
// policy/common/timestamp.h: moments in time as fixtures, whoami-v2 and the command line write them.
//
// The Hub writes times in RFC 3339, in UTC (`createdAt: "2026-03-01T09:30:00.000Z"`, whoami-v2's schema);
// fixtures may also give a bare date, read as midnight UTC.
//
//   absl::optional<absl::Time> t = ParseTimestamp("2026-03-01T09:30:00Z");
//   FormatTimestamp(*t) == "2026-03-01T09:30:00Z"

#ifndef HUBPERM_POLICY_COMMON_TIMESTAMP_H_
#define HUBPERM_POLICY_COMMON_TIMESTAMP_H_

#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "absl/types/optional.h"

namespace hubperm {

// The moment `text` names: RFC 3339 with a `Z` or a numeric offset and optional fractional seconds
// ("2026-03-01T09:30:00.000Z", "2026-03-01T10:30:00+01:00"), or a date ("2026-03-01", midnight UTC).
// nullopt for anything else, including out-of-range fields ("2026-02-30").
absl::optional<absl::Time> ParseTimestamp(absl::string_view text);

// `t` in RFC 3339, UTC, to the second: "2026-03-01T09:30:00Z".
std::string FormatTimestamp(absl::Time t);

// What a message says a time must look like.
inline constexpr absl::string_view kTimestampForms =
    "a time in RFC 3339 (2026-03-01T09:30:00Z) or a date (2026-03-01)";

}  // namespace hubperm

#endif  // HUBPERM_POLICY_COMMON_TIMESTAMP_H_
