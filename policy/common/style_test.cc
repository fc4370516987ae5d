// Copyright 2026 The hubperm Authors.

#include "policy/common/style.h"

#include "gtest/gtest.h"

namespace hubperm {
namespace {

TEST(Style, PlainPaintsNothing) {
  EXPECT_EQ(Style::Plain().Paint(Tone::kDeny, "DENY"), "DENY");
  EXPECT_FALSE(Style::Plain().colour());
}

TEST(Style, AnsiWrapsAndResets) {
  EXPECT_EQ(Style::Ansi().Paint(Tone::kDeny, "DENY"), "\x1b[1;31mDENY\x1b[0m");
  EXPECT_EQ(Style::Ansi().Paint(Tone::kAllow, "ALLOW"), "\x1b[1;32mALLOW\x1b[0m");
  EXPECT_EQ(Style::Ansi().Paint(Tone::kHeading, ""), "");
}

struct ColourCase {
  const char* setting;
  bool terminal;
  const char* no_color;
  bool want;
};

TEST(Style, WantsColourFollowsTheSettingTheTerminalAndNoColor) {
  const ColourCase cases[] = {
      {"auto", true, nullptr, true},   {"auto", false, nullptr, false}, {"auto", true, "1", false},
      {"auto", true, "", true},        {"always", false, "1", true},    {"never", true, nullptr, false},
  };
  for (const ColourCase& c : cases) {
    EXPECT_EQ(WantsColour(c.setting, c.terminal, c.no_color), c.want)
        << c.setting << " terminal=" << c.terminal << " NO_COLOR=" << (c.no_color ? c.no_color : "(unset)");
  }
}

}  // namespace
}  // namespace hubperm
