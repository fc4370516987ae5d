// Copyright 2026 The hubperm Authors.

#include "policy/common/escape.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "policy/common/style.h"

namespace hubperm {
namespace {

struct EscapeRow {
  const char* name;
  std::string input;
  std::string escaped;
};

TEST(EscapeTest, EscapesEveryClassOfUnsafeCharacter) {
  const EscapeRow rows[] = {
      {"plain text passes", "acme/token-test-model", "acme/token-test-model"},
      {"non-ASCII letters pass", "caf\xc3\xa9 \xe6\x97\xa5", "caf\xc3\xa9 \xe6\x97\xa5"},
      {"an ANSI sequence", "a\x1b[2Jb", "a\\x1B[2Jb"},
      {"carriage return", "x\rPASS", "x\\x0DPASS"},
      {"line feed", "x\nPASS", "x\\x0APASS"},
      {"tab", "a\tb", "a\\x09b"},
      {"NUL", std::string("a\0b", 3), "a\\x00b"},
      {"DEL", "a\x7f", "a\\x7F"},
      {"C1 CSI", "a\xc2\x9b" "2J", "a\\u{009B}2J"},
      {"line separator", "a\xe2\x80\xa8" "b", "a\\u{2028}b"},
      {"paragraph separator", "a\xe2\x80\xa9", "a\\u{2029}"},
      {"right-to-left override", "\xe2\x80\xae" "gnp.exe", "\\u{202E}gnp.exe"},
      {"isolate", "\xe2\x81\xa6", "\\u{2066}"},
      {"zero-width space", "a\xe2\x80\x8b" "b", "a\\u{200B}b"},
      {"byte order mark", "\xef\xbb\xbf" "x", "\\u{FEFF}x"},
      {"noncharacter U+FFFE", "\xef\xbf\xbe", "\\u{FFFE}"},
      {"noncharacter U+FFFF", "\xef\xbf\xbf", "\\u{FFFF}"},
      {"tag character", "\xf3\xa0\x80\x81", "\\u{E0001}"},
      {"a byte that is not UTF-8", "a\xff", "a\\xFF"},
      {"a truncated sequence", "a\xe2\x80", "a\\xE2\\x80"},
  };
  for (const EscapeRow& row : rows) {
    EXPECT_EQ(EscapeUnsafe(row.input), row.escaped) << row.name;
    EXPECT_EQ(HasUnsafeCharacter(row.input), row.escaped != row.input) << row.name;
  }
}

TEST(EscapeTest, KeepsTheControlsItIsTold) {
  EXPECT_EQ(EscapeUnsafe("a\nb\tc\rd", "\n\t"), "a\nb\tc\\x0Dd");
}

TEST(EscapeTest, QuoteValueCutsLongValues) {
  EXPECT_EQ(QuoteValue("ci-tokne"), "'ci-tokne'");
  EXPECT_EQ(QuoteValue("a\nb"), "'a\\x0Ab'");
  const std::string long_value(1000, 'x');
  EXPECT_EQ(QuoteValue(long_value, 5), "'xxxxx'... (1000 bytes)");
  EXPECT_EQ(QuoteValue("xxxxx", 5), "'xxxxx'");
}

TEST(EscapeTest, TerminalTextKeepsLinesAndOnlyStylesOwnColours) {
  std::string out;
  const std::string painted = Style::Ansi().Paint(Tone::kDeny, "DENY");
  EXPECT_EQ(AppendTerminalSafe(painted + "\n\x1b[2J", /*allow_style=*/true, /*final=*/true, &out), painted.size() + 5);
  EXPECT_EQ(out, painted + "\n\\x1B[2J");
  out.clear();
  AppendTerminalSafe(painted, /*allow_style=*/false, /*final=*/true, &out);
  EXPECT_EQ(out, "\\x1B[1;31mDENY\\x1B[0m");
}

TEST(EscapeTest, TerminalTextWaitsForTheRestOfACutSequence) {
  // A stream written in pieces: an incomplete UTF-8 or colour sequence at the end waits for the next.
  const std::string text = "ab\xe2\x80";
  std::string out;
  EXPECT_EQ(AppendTerminalSafe(text, false, /*final=*/false, &out), 2u);
  EXPECT_EQ(out, "ab");
  out.clear();
  EXPECT_EQ(AppendTerminalSafe("x\x1b[1;3", true, /*final=*/false, &out), 1u);
  EXPECT_EQ(out, "x");
  out.clear();
  EXPECT_EQ(AppendTerminalSafe(text, false, /*final=*/true, &out), 4u);
  EXPECT_EQ(out, "ab\\xE2\\x80");
}

TEST(EscapeTest, NoUnsafeByteSurvivesAnyInput) {
  // Every byte value, alone and after a lead byte: the output holds no control byte but LF and TAB.
  std::string all;
  for (int b = 0; b < 256; ++b) {
    all.push_back(static_cast<char>(b));
    all.push_back('\xe2');
    all.push_back(static_cast<char>(b));
  }
  std::string out;
  AppendTerminalSafe(all, false, true, &out);
  for (char c : out) {
    const unsigned char byte = static_cast<unsigned char>(c);
    EXPECT_TRUE(byte >= 0x20 || c == '\n' || c == '\t') << static_cast<int>(byte);
    EXPECT_NE(byte, 0x7F);
  }
  EXPECT_FALSE(HasUnsafeCharacter(EscapeUnsafe(all)));
}

TEST(Printable, EscapesWhatATerminalCannotShow) {
  EXPECT_EQ(Printable("plain: text"), "plain: text");
  EXPECT_EQ(Printable("caf\xC3\xA9"), "caf\xC3\xA9");
  EXPECT_EQ(Printable("al\xFFice"), "al\\xFFice");
  EXPECT_EQ(Printable(std::string("a\0b\x1B", 4)), "a\\x00b\\x1B");
  EXPECT_EQ(Printable("\tkey"), "\tkey");
  EXPECT_EQ(Printable("a\rb\xE2\x80\xAE"), "a\\x0Db\\u{202E}");  // what the terminal filter would escape
}

TEST(CaretIndent, CountsCharactersNotBytes) {
  struct Row {
    std::string line;
    int column;
    std::string indent;
  };
  const std::vector<Row> rows = {
      {"users: [x]", 1, ""},
      {"users: [x]", 9, "        "},
      {"\xC3\xA9\xC3\xA9: x", 3, "  "},   // two 2-byte characters, one cell each
      {"al\xFFice", 4, "      "},         // 'a', 'l', then \xFF shown as four cells
      {"\tkey: x", 3, "\t "},            // tabs kept so the caret lines up
      {"ab", 5, "    "},                 // past the end of the line
      {"a\rb", 3, "     "},              // a lone carriage return, shown as \x0D
      {"\xE2\x80\xAE" "ab", 2, "        "},  // U+202E, shown as \u{202E}: the caret stays under 'a'
  };
  for (const Row& row : rows) {
    EXPECT_EQ(CaretIndent(row.line, row.column), row.indent) << row.line << " @" << row.column;
  }
}

}  // namespace
}  // namespace hubperm
