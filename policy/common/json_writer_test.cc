// Copyright 2026 The hubperm Authors.

#include "policy/common/json_writer.h"

#include <limits>
#include <string>

#include "gtest/gtest.h"

namespace hubperm {
namespace {

TEST(JsonWriterTest, NestsAndIndentsObjectsAndArrays) {
  JsonWriter json;
  json.BeginObject()
      .Key("allowed").Bool(false)
      .Key("status").Int(403)
      .Key("at").Null()
      .Key("needed").BeginArray().String("repo.write").String("repo.content.read").EndArray()
      .Key("none").BeginArray().EndArray()
      .Key("side").BeginObject().Key("allowed").Bool(true).EndObject()
      .EndObject();
  EXPECT_EQ(json.Finish(), R"({
  "allowed": false,
  "status": 403,
  "at": null,
  "needed": [
    "repo.write",
    "repo.content.read"
  ],
  "none": [],
  "side": {
    "allowed": true
  }
}
)");
}

TEST(JsonWriterTest, OneLineLayoutWritesTheSameDocumentOnOneLine) {
  JsonWriter json(JsonLayout::kOneLine);
  json.BeginObject()
      .Key("allowed").Bool(false)
      .Key("text").String("two\nlines")
      .Key("needed").BeginArray().String("repo.write").String("repo.content.read").EndArray()
      .Key("none").BeginArray().EndArray()
      .Key("empty").BeginObject().EndObject()
      .Key("side").BeginObject().Key("allowed").Bool(true).Key("at").Null().EndObject()
      .EndObject();
  EXPECT_EQ(json.Finish(),
            "{\"allowed\": false, \"text\": \"two\\nlines\", \"needed\": [\"repo.write\", \"repo.content.read\"], "
            "\"none\": [], \"empty\": {}, \"side\": {\"allowed\": true, \"at\": null}}\n");
}

TEST(JsonWriterTest, OptionalStringsAndPositions) {
  SourceFiles files;
  const int file = files.Add("w.yaml", "users: [a]\n");
  JsonWriter json;
  json.BeginArray().StringOrNull(absl::string_view("x")).StringOrNull(absl::nullopt);
  WritePosition(files, SourcePos{file, 1, 9}, &json);
  WritePosition(files, SourcePos(), &json);
  json.EndArray();
  EXPECT_EQ(json.Finish(), R"([
  "x",
  null,
  {
    "file": "w.yaml",
    "line": 1,
    "column": 9
  },
  null
]
)");
}

TEST(JsonWriterTest, NumbersDropTrailingZerosAndNonFiniteValuesAreNull) {
  struct Row {
    double value;
    int decimals;
    const char* text;
  };
  const Row rows[] = {{62.5, 1, "62.5"}, {100.0, 1, "100"}, {0.0, 2, "0"},       {2.0 / 3.0, 1, "0.7"},
                      {12.345, 2, "12.35"}, {-0.0001, 2, "0"}, {-1.5, 1, "-1.5"}, {1e15, 0, "1000000000000000"},
                      {std::numeric_limits<double>::quiet_NaN(), 1, "null"},
                      {std::numeric_limits<double>::infinity(), 1, "null"}};
  for (const Row& row : rows) {
    JsonWriter json(JsonLayout::kOneLine);
    json.BeginArray().Number(row.value, row.decimals).EndArray();
    EXPECT_EQ(json.Finish(), std::string("[") + row.text + "]\n") << row.value;
  }
}

TEST(JsonWriterTest, FinishEmptiesTheWriter) {
  JsonWriter json;
  json.BeginArray().Int(-7).EndArray();
  EXPECT_EQ(json.Finish(), "[\n  -7\n]\n");
  json.BeginObject().EndObject();
  EXPECT_EQ(json.Finish(), "{}\n");
}

struct QuoteRow {
  const char* name;
  std::string text;
  std::string quoted;
};

class JsonQuoteTest : public testing::TestWithParam<QuoteRow> {};

TEST_P(JsonQuoteTest, EscapesToValidJson) { EXPECT_EQ(JsonQuote(GetParam().text), GetParam().quoted); }

INSTANTIATE_TEST_SUITE_P(
    Rows, JsonQuoteTest,
    testing::Values(QuoteRow{"plain", "acme/token-test-model", R"("acme/token-test-model")"},
                    QuoteRow{"quote_and_backslash", R"(say "hi" \ bye)", R"("say \"hi\" \\ bye")"},
                    QuoteRow{"line_breaks_and_tab", "a\nb\r\tc", R"("a\nb\r\tc")"},
                    QuoteRow{"other_controls", std::string("nul\0bel\a del\x7f", 13), R"("nul\u0000bel\u0007 del\u007f")"},
                    QuoteRow{"utf8_kept", "caf\xc3\xa9 \xe2\x9c\x93 \xf0\x9f\xa4\x97", "\"caf\xc3\xa9 \xe2\x9c\x93 \xf0\x9f\xa4\x97\""},
                    QuoteRow{"bad_bytes_replaced", "a\xff" "b\xc3", R"("a\ufffdb\ufffd")"},
                    QuoteRow{"surrogate_replaced", "\xed\xa0\x80", R"("\ufffd\ufffd\ufffd")"},
                    QuoteRow{"slash_kept", "https://huggingface.co/x", R"("https://huggingface.co/x")"}),
    [](const testing::TestParamInfo<QuoteRow>& info) { return std::string(info.param.name); });

TEST(JsonQuote, EscapesControlAndFormatCharacters) {
  EXPECT_EQ(JsonQuote("a\x1b[2Jb"), "\"a\\u001b[2Jb\"");
  EXPECT_EQ(JsonQuote("x\xc2\x9by"), "\"x\\u009by\"");                  // C1 CSI
  EXPECT_EQ(JsonQuote("l\xe2\x80\xa8s"), "\"l\\u2028s\"");              // line separator
  EXPECT_EQ(JsonQuote("\xe2\x80\xae" "evil"), "\"\\u202eevil\"");          // right-to-left override
  EXPECT_EQ(JsonQuote("\xef\xbf\xbf"), "\"\\uffff\"");                  // a noncharacter
  EXPECT_EQ(JsonQuote("\xf3\xa0\x80\x81"), "\"\\udb40\\udc01\"");     // a tag character, as a pair
  EXPECT_EQ(JsonQuote("caf\xc3\xa9"), "\"caf\xc3\xa9\"");              // letters stay as they are
}

}  // namespace
}  // namespace hubperm
