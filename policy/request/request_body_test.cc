// Copyright 2026 The hubperm Authors.

#include "policy/request/request_body.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace hubperm {
namespace {

using ::testing::HasSubstr;

// What recognizing a body's format gives, row by row, from bodies as the clients send them
// (testdata/clients/).
struct RecognizeRow {
  const char* text;
  BodyFormat format;
};

TEST(RecognizeBodyFormatTest, Table) {
  const RecognizeRow rows[] = {
      {"", BodyFormat::kJson},
      {R"({"type": "model", "name": "x"})", BodyFormat::kJson},
      {"{\n  \"type\": \"model\",\n  \"name\": \"x\"\n}\n", BodyFormat::kJson},  // pretty-printed
      {"type: model\nname: x\n", BodyFormat::kJson},                              // YAML
      {R"({"key": "KEY", "value": "v"})", BodyFormat::kJson},  // add_space_secret: one object, not a line
      {"{\"key\": \"header\", \"value\": {\"summary\": \"s\"}}\n"
       "{\"key\": \"file\", \"value\": {\"path\": \"a\", \"content\": \"eA==\", \"encoding\": \"base64\"}}\n",
       BodyFormat::kNdjson},
      {"paths=config.json&expand=false", BodyFormat::kForm},
      {"paths=copy%2Fconfig.json", BodyFormat::kForm},
      {"name: a=b", BodyFormat::kJson},  // YAML whose value holds '='
  };
  for (const RecognizeRow& row : rows) {
    EXPECT_EQ(RecognizeBodyFormat(row.text), row.format) << row.text;
  }
}

struct ContentTypeRow {
  const char* type;
  BodyFormat format;
};

TEST(ParseContentTypeTest, TheClientsTypes) {
  const ContentTypeRow rows[] = {
      {"application/json", BodyFormat::kJson},
      {"application/json; charset=utf-8", BodyFormat::kJson},
      {"Application/JSON", BodyFormat::kJson},
      {"application/vnd.git-lfs+json", BodyFormat::kJson},
      {"application/x-ndjson", BodyFormat::kNdjson},
      {"application/x-www-form-urlencoded", BodyFormat::kForm},
      {"text/yaml", BodyFormat::kJson},
  };
  for (const ContentTypeRow& row : rows) {
    absl::StatusOr<BodyFormat> format = ParseContentType(row.type);
    ASSERT_TRUE(format.ok()) << row.type << ": " << format.status();
    EXPECT_EQ(*format, row.format) << row.type;
  }
}

TEST(ParseContentTypeTest, UnknownTypeNamesTheKnownOnes) {
  absl::StatusOr<BodyFormat> format = ParseContentType("multipart/form-data; boundary=x");
  ASSERT_FALSE(format.ok());
  EXPECT_THAT(format.status().message(), HasSubstr("unknown content type 'multipart/form-data; boundary=x'"));
  EXPECT_THAT(format.status().message(), HasSubstr("application/x-ndjson"));
}

TEST(ParseRequestBodyTest, NdjsonCommitKeepsEveryLineWithItsNumber) {
  const std::string text =
      "{\"key\":\"header\",\"value\":{\"summary\":\"Add 2 files\"}}\n"
      "\n"
      "{\"key\":\"file\",\"value\":{\"content\":\"eA==\",\"path\":\"a.json\",\"encoding\":\"base64\"}}\n"
      "{\"key\":\"lfsFile\",\"value\":{\"path\":\"b.bin\",\"algo\":\"sha256\",\"size\":4096,\"oid\":\"ad7f\"}}\n";
  absl::StatusOr<RequestBody> body = ParseRequestBody(text, "application/x-ndjson");
  ASSERT_TRUE(body.ok()) << body.status();
  EXPECT_EQ(body->format, BodyFormat::kNdjson);
  ASSERT_EQ(body->lines.size(), 3u);
  EXPECT_EQ(body->lines[0].key, "header");
  EXPECT_EQ(body->lines[0].line, 1);
  EXPECT_EQ(body->lines[1].key, "file");
  EXPECT_EQ(body->lines[1].line, 3);  // the blank line counts
  EXPECT_EQ(body->lines[2].key, "lfsFile");
  EXPECT_EQ(body->lines[2].value[3], (std::pair<std::string, std::string>("oid", "ad7f")));
}

TEST(ParseRequestBodyTest, FormFieldsAreDecodedAndRepeatsAreLists) {
  absl::StatusOr<RequestBody> body = ParseRequestBody("paths=a%2Fb.json&paths=c+d.json&expand=false");
  ASSERT_TRUE(body.ok()) << body.status();
  EXPECT_EQ(body->format, BodyFormat::kForm);
  ASSERT_EQ(body->fields.size(), 2u);
  EXPECT_EQ(body->fields[0], (std::pair<std::string, std::string>("paths", "")));  // a list: no one value
  EXPECT_EQ(*body->Field("expand"), "false");
  absl::StatusOr<RequestBody> one = ParseRequestBody("paths=a%2Fb.json", "application/x-www-form-urlencoded");
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(*one->Field("paths"), "a/b.json");
}

TEST(ParseRequestBodyTest, JsonNestedValuesArePresentWithoutValue) {
  absl::StatusOr<RequestBody> body =
      ParseRequestBody(R"({"operation": "upload", "objects": [{"oid": "x", "size": 1}], "ref": {"name": "main"}})");
  ASSERT_TRUE(body.ok()) << body.status();
  EXPECT_EQ(*body->Field("operation"), "upload");
  EXPECT_EQ(*body->Field("objects"), "");
  EXPECT_EQ(body->Field("transfers"), nullptr);
}

TEST(ParseRequestBodyTest, TheContentTypeWinsOverRecognition) {
  // One NDJSON line is recognized as JSON; its content type says it is a line.
  const std::string line = "{\"key\": \"deletedFile\", \"value\": {\"path\": \"a\"}}";
  absl::StatusOr<RequestBody> as_json = ParseRequestBody(line);
  ASSERT_TRUE(as_json.ok());
  EXPECT_EQ(as_json->format, BodyFormat::kJson);
  absl::StatusOr<RequestBody> as_line = ParseRequestBody(line, "application/x-ndjson");
  ASSERT_TRUE(as_line.ok());
  ASSERT_EQ(as_line->lines.size(), 1u);
  EXPECT_EQ(as_line->lines[0].key, "deletedFile");
}

struct BadBodyRow {
  const char* text;
  const char* content_type;
  const char* error;
};

TEST(ParseRequestBodyTest, BadBodiesSayWhatAndWhere) {
  const BadBodyRow rows[] = {
      {"[1, 2]", "", "the body must be a JSON object"},
      {R"({"a": 1, "a": 2})", "", "appears twice"},
      {"{\"key\":\"header\",\"value\":{}}\nnot json\n", "application/x-ndjson", "body line 2 is not a JSON object"},
      {"{\"key\":\"header\",\"value\":{}}\n{\"value\":{}}\n", "", "body line 2 needs 'key' and 'value'"},
      {"{\"key\":\"header\",\"value\":{}}\n{\"key\":\"file\",\"value\":3}\n", "", "body line 2: 'value' must be an object"},
      {"{\"key\":\"header\",\"value\":{},\"x\":1}\n{\"key\":\"file\",\"value\":{}}\n", "", "body line 1: unknown field 'x'"},
      {"=x", "application/x-www-form-urlencoded", "'=x' has no field name"},
      {"{}", "image/png", "unknown content type 'image/png'"},
      // A line's control characters are shown escaped, never written to the terminal.
      {"{\"key\":\"header\",\"value\":{}}\n\x1b[31mred\n", "application/x-ndjson",
       "body line 2 is not a JSON object: '\\x1B[31mred'"},
  };
  for (const BadBodyRow& row : rows) {
    absl::StatusOr<RequestBody> body = ParseRequestBody(row.text, row.content_type);
    ASSERT_FALSE(body.ok()) << row.text;
    EXPECT_THAT(body.status().message(), HasSubstr(row.error)) << row.text;
  }
}

}  // namespace
}  // namespace hubperm
