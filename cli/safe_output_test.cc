// Copyright 2026 The hubperm Authors.

#include "cli/safe_output.h"

#include <sstream>
#include <string>

#include "gtest/gtest.h"
#include "policy/hubperm.h"

namespace hubperm {
namespace {

TEST(SafeOutputTest, EscapesControlsWrittenInPieces) {
  std::ostringstream target;
  {
    SafeOutput safe(target, /*allow_style=*/false);
    // The ANSI sequence and the UTF-8 line separator arrive split across writes.
    safe.stream() << "name: \x1b" << "[2J" << "a\xe2\x80" << "\xa8" << "b\n";
    safe.stream() << 42 << '\r' << "\n";
  }
  EXPECT_EQ(target.str(), "name: \\x1B[2Ja\\u{2028}b\n42\\x0D\n");
}

TEST(SafeOutputTest, LetsStyleColoursThroughOnlyWhenAllowed) {
  const std::string painted = Style::Ansi().Paint(Tone::kAllow, "ALLOW");
  std::ostringstream coloured, plain;
  {
    SafeOutput safe(coloured, /*allow_style=*/true);
    safe.stream() << painted << "\x1b[8m";
  }
  {
    SafeOutput safe(plain, /*allow_style=*/false);
    safe.stream() << painted;
  }
  EXPECT_EQ(coloured.str(), painted + "\\x1B[8m");
  EXPECT_EQ(plain.str().find('\x1b'), std::string::npos);
}

TEST(SafeOutputTest, LargeOutputPassesUnchanged) {
  std::string big;
  for (int i = 0; i < 10000; ++i) big += "line " + std::to_string(i) + " caf\xc3\xa9\n";
  std::ostringstream target;
  {
    SafeOutput safe(target, false);
    for (size_t i = 0; i < big.size(); i += 777) safe.stream() << big.substr(i, 777);
  }
  EXPECT_EQ(target.str(), big);
}

}  // namespace
}  // namespace hubperm
