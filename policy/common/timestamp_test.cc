// Copyright 2026 The hubperm Authors.

#include "policy/common/timestamp.h"

#include "gtest/gtest.h"

namespace hubperm {
namespace {

struct Row {
  const char* text;
  const char* utc;  // FormatTimestamp of the parse, or nullptr: refused
};

// One row per form the fixtures, whoami-v2 and --at may use, and the near misses refused.
constexpr Row kRows[] = {
    {"2026-03-01T09:30:00Z", "2026-03-01T09:30:00Z"},
    {"2026-03-01T09:30:00.000Z", "2026-03-01T09:30:00Z"},  // whoami-v2's form
    {"2026-03-01T09:30:00.5Z", "2026-03-01T09:30:00Z"},
    {"2026-03-01T10:30:00+01:00", "2026-03-01T09:30:00Z"},
    {"2026-03-01t09:30:00z", "2026-03-01T09:30:00Z"},
    {"2026-03-01", "2026-03-01T00:00:00Z"},
    {"2024-02-29", "2024-02-29T00:00:00Z"},
    {"2026-02-29", nullptr},  // not a leap year
    {"2026-02-30T00:00:00Z", nullptr},
    {"2026-13-01", nullptr},
    {"2026-03-01T24:00:00Z", nullptr},
    {"2026-03-01T09:30:00", nullptr},  // no zone
    {"2026-03-01 09:30:00Z", nullptr},
    {"03/01/2026", nullptr},
    {"now", nullptr},
    {"", nullptr},
    {"2026-3-1", nullptr},
};

TEST(Timestamp, ParsesEachFormRowByRow) {
  for (const Row& row : kRows) {
    const absl::optional<absl::Time> t = ParseTimestamp(row.text);
    if (row.utc == nullptr) {
      EXPECT_FALSE(t.has_value()) << row.text << " parsed as " << FormatTimestamp(*t);
    } else {
      ASSERT_TRUE(t.has_value()) << row.text;
      EXPECT_EQ(FormatTimestamp(*t), row.utc) << row.text;
    }
  }
}

TEST(Timestamp, FormatRoundTrips) {
  const absl::Time t = absl::FromUnixSeconds(1764460800);  // 2025-11-30T00:00:00Z
  EXPECT_EQ(FormatTimestamp(t), "2025-11-30T00:00:00Z");
  EXPECT_EQ(ParseTimestamp(FormatTimestamp(t)), t);
}

}  // namespace
}  // namespace hubperm
