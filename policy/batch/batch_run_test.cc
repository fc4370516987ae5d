// Copyright 2026 The hubperm Authors.
//
// The batch runner, line by line: every form answered as its single check is, errors at their positions
// with the batch going on, and every key of docs/batch-json.md present on every answer.

#include "policy/batch/batch_run.h"

#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "policy/batch/batch_request.h"
#include "policy/common/source.h"
#include "policy/compile/snapshot.h"
#include "policy/decide/check.h"
#include "policy/explain/explain.h"
#include "policy/explain/explain_json.h"
#include "policy/load/fixtures.h"
#include "policy/load/tree_reader.h"
#include "policy/load/yaml_tree.h"
#include "policy/request/request_input.h"
#include "policy/request/resolve.h"

namespace hubperm {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

struct Loaded {
  Fixtures fixtures;
  std::shared_ptr<const Snapshot> snapshot;
};

const Loaded& Sequences() {
  static const Loaded* loaded = [] {
    auto* l = new Loaded{LoadFixtures({"testdata/sequences/world.yaml"}), nullptr};
    l->snapshot = Snapshot::Compile(l->fixtures.world, l->fixtures.files);
    return l;
  }();
  return *loaded;
}

struct BatchRun {
  BatchSummary summary;
  std::vector<std::string> answers;  // one per output line
  std::string err;
};

BatchRun RunLines(const std::string& input, BatchOptions options = {}) {
  options.name = "requests.jsonl";
  std::istringstream in(input);
  std::ostringstream out, err;
  BatchRun run;
  run.summary = RunBatch(*Sequences().snapshot, Sequences().fixtures.world, in, options, out, err);
  for (absl::string_view line : absl::StrSplit(out.str(), '\n', absl::SkipEmpty())) run.answers.emplace_back(line);
  run.err = err.str();
  return run;
}

// The answer parsed back, with each documented key checked for its type.
struct Parsed {
  int line = 0;
  std::string id;  // "" for null
  int exit_code = -1;
  std::string verdict, text, result_schema;
  std::vector<std::string> errors;  // "line:column: message"
};

Parsed Parse(const std::string& json) {
  SourceFiles files;
  const int file = files.Add("answer", json);
  Diagnostics diagnostics;
  absl::optional<YamlNode> root = ParseYaml(json, file, &diagnostics);
  EXPECT_TRUE(root.has_value() && !diagnostics.has_errors()) << json;
  Parsed p;
  if (!root.has_value()) return p;
  TreeReader in(&diagnostics, TreeSyntax::kJson);
  const std::vector<absl::string_view> keys = {"schema", "line", "id", "exit_code", "verdict", "text", "result", "errors"};
  EXPECT_EQ(root->map_size(), keys.size()) << json;
  for (size_t i = 0; i < keys.size() && i < root->map_size(); ++i) EXPECT_EQ(root->key(i).scalar, keys[i]) << json;
  EXPECT_EQ(TreeReader::Find(*root, "schema")->scalar, kBatchSchema);
  p.line = *in.Int(*TreeReader::Find(*root, "line"), "line");
  if (const YamlNode* id = in.Get(*root, "id")) p.id = id->scalar;
  p.exit_code = *in.Int(*TreeReader::Find(*root, "exit_code"), "exit_code");
  p.verdict = in.String(*TreeReader::Find(*root, "verdict"), "verdict")->text;
  p.text = in.String(*TreeReader::Find(*root, "text"), "text")->text;
  if (const YamlNode* result = in.Get(*root, "result")) {
    EXPECT_TRUE(result->is_map()) << json;
    if (const YamlNode* schema = in.Get(*result, "schema")) p.result_schema = schema->scalar;
  }
  const YamlNode* errors = TreeReader::Find(*root, "errors");
  EXPECT_TRUE(errors != nullptr && errors->is_sequence()) << json;
  if (errors != nullptr) {
    for (const YamlNode& e : errors->children) {
      p.errors.push_back(absl::StrCat(*in.Int(*TreeReader::Find(e, "line"), "line"), ":",
                                      *in.Int(*TreeReader::Find(e, "column"), "column"), ": ",
                                      TreeReader::Find(e, "message")->scalar));
    }
  }
  EXPECT_FALSE(diagnostics.has_errors()) << diagnostics.Render(files);
  return p;
}

// The one-line decision document `check --format json` prints for the request, for comparison.
std::string SingleDecision(const std::string& token, const RequestInput& input) {
  const Snapshot& s = *Sequences().snapshot;
  absl::StatusOr<RequestDescription> description = ParseRequest(input);
  EXPECT_TRUE(description.ok()) << description.status();
  absl::StatusOr<ResolvedRequest> resolved = Resolve(s, token, *description);
  EXPECT_TRUE(resolved.ok()) << resolved.status();
  std::string json = RenderExplanationJson(s, Explain(s, *resolved, Check(s, resolved->request)), JsonLayout::kOneLine);
  json.pop_back();  // the line break
  return json;
}

TEST(BatchRunTest, EveryFormInOrderWithABadLineInTheMiddle) {
  const BatchRun run = RunLines(
      R"({"id": "w", "token": "alice-write", "operation": "model_info", "repo": "acme/model"}
{"token": "bob-write", "http": "POST /api/repos/create", "body": {"type": "model", "name": "x", "organization": "acme"}}

{"token": "alice-read", "operation": "create_commit", "repo": "acme/model", "colour": "red"}
{"id": 7, "token": "alice-fg-model", "operation": "create_repo", "repo": "acme/model", "exist_ok": true}
{"token": "alice-write", "http": "GET /api/jobs/hardware"}
{"token": "alice-read", "permission": "repo.write", "org": "acme"}
{"token": "nobody", "operation": "model_info", "repo": "acme/model"}
)");
  ASSERT_EQ(run.answers.size(), 7u) << run.err;
  std::vector<Parsed> p;
  for (const std::string& a : run.answers) p.push_back(Parse(a));
  // In order, numbered by the input's lines (the blank line 3 is skipped).
  std::vector<int> lines, codes;
  std::vector<std::string> verdicts;
  for (const Parsed& x : p) {
    lines.push_back(x.line);
    codes.push_back(x.exit_code);
    verdicts.push_back(x.verdict);
  }
  EXPECT_EQ(lines, (std::vector<int>{1, 2, 4, 5, 6, 7, 8}));
  EXPECT_EQ(codes, (std::vector<int>{0, 1, 2, 0, 3, 1, 2}));
  EXPECT_EQ(verdicts, (std::vector<std::string>{"allow", "deny", "error", "allow", "not_modeled", "deny", "error"}));
  EXPECT_EQ(p[0].id, "w");
  EXPECT_EQ(p[3].id, "7");  // a number, as written
  EXPECT_EQ(p[1].id, "");
  EXPECT_EQ(p[0].result_schema, "hubperm.decision/v1");
  EXPECT_EQ(p[3].result_schema, "hubperm.sequence/v1");
  EXPECT_EQ(p[4].result_schema, "hubperm.unmodeled/v1");
  EXPECT_EQ(p[2].result_schema, "");
  EXPECT_THAT(p[0].text, StartsWith("ALLOW"));
  EXPECT_THAT(p[1].text, StartsWith("DENY 403"));
  EXPECT_THAT(p[4].text, StartsWith("NOT MODELED GET /api/jobs/hardware"));
  // The bad lines: their errors at their positions, on the answer and on stderr.
  ASSERT_EQ(p[2].errors.size(), 1u);
  EXPECT_THAT(p[2].errors[0], StartsWith("4:77: unknown key 'colour' in a batch line"));
  ASSERT_EQ(p[6].errors.size(), 1u);
  EXPECT_THAT(p[6].errors[0], StartsWith("8:11: unknown token 'nobody'"));
  EXPECT_THAT(run.err, HasSubstr("requests.jsonl:4:77: error: unknown key 'colour'"));
  EXPECT_THAT(run.err, HasSubstr("requests.jsonl:8:11: error: unknown token 'nobody'"));
  EXPECT_THAT(run.err, HasSubstr("    {\"token\": \"nobody\""));  // the line, and a caret under the token
  for (const Parsed& x : p) {
    if (x.exit_code != 2) {
      EXPECT_TRUE(x.errors.empty());
    }
  }
  EXPECT_EQ(run.summary.requests, 7);
  EXPECT_EQ(run.summary.allowed, 2);
  EXPECT_EQ(run.summary.denied, 2);
  EXPECT_EQ(run.summary.not_modeled, 1);
  EXPECT_EQ(run.summary.errors, 2);
  EXPECT_EQ(run.summary.ExitCode(), 2);
  EXPECT_EQ(run.summary.Text(), "7 requests: 2 allowed, 2 denied, 1 not modeled, 2 errors");
}

TEST(BatchRunTest, TheResultIsTheSingleCheckDocument) {
  RequestInput commit;
  commit.http = "POST /api/models/acme/model/commit/main";
  RequestInput create;
  create.http = "POST /api/repos/create";
  create.body = RequestBody::Json({{"type", "model"}, {"name", "x"}, {"organization", "acme"}});
  const BatchRun run = RunLines(
      R"({"token": "alice-read", "http": "POST /api/models/acme/model/commit/main"}
{"token": "alice-write", "http": "POST /api/repos/create", "body": {"type": "model", "name": "x", "organization": "acme"}}
)");
  ASSERT_EQ(run.answers.size(), 2u);
  EXPECT_THAT(run.answers[0], HasSubstr(absl::StrCat("\"result\": ", SingleDecision("alice-read", commit), ", \"errors\"")));
  EXPECT_THAT(run.answers[1], HasSubstr(absl::StrCat("\"result\": ", SingleDecision("alice-write", create), ", \"errors\"")));
}

TEST(BatchRunTest, ExitCodeIsTheWorstLine) {
  EXPECT_EQ(RunLines("{\"token\": \"alice-write\", \"operation\": \"model_info\", \"repo\": \"acme/model\"}\n").summary.ExitCode(), 0);
  EXPECT_EQ(RunLines("{\"token\": \"alice-write\", \"http\": \"GET /api/jobs/hardware\"}\n").summary.ExitCode(), 3);
  EXPECT_EQ(RunLines("{\"token\": \"alice-write\", \"http\": \"GET /api/jobs/hardware\"}\n"
                     "{\"token\": \"alice-read\", \"operation\": \"create_commit\", \"repo\": \"acme/model\"}\n")
                .summary.ExitCode(),
            1);
  EXPECT_EQ(RunLines("{}\n{\"token\": \"alice-read\", \"operation\": \"create_commit\", \"repo\": \"acme/model\"}\n")
                .summary.ExitCode(),
            2);
  EXPECT_EQ(RunLines("").summary.requests, 0);
  EXPECT_EQ(RunLines("\n  \n\r\n").summary.ExitCode(), 0);
}

struct BadLine {
  std::string name;
  std::string line;
  std::string error;  // the first error, "line:column: message" (a prefix)
};

class BadLineTest : public ::testing::TestWithParam<BadLine> {};

TEST_P(BadLineTest, IsAnErrorAtItsPosition) {
  const BatchRun run = RunLines(GetParam().line + "\n");
  ASSERT_EQ(run.answers.size(), 1u);
  const Parsed p = Parse(run.answers[0]);
  EXPECT_EQ(p.exit_code, 2);
  ASSERT_FALSE(p.errors.empty()) << run.answers[0];
  EXPECT_THAT(p.errors[0], StartsWith(GetParam().error)) << run.answers[0];
  EXPECT_THAT(run.err, HasSubstr("requests.jsonl:1:"));
  EXPECT_THAT(p.text, StartsWith("ERROR requests.jsonl:1:"));
}

INSTANTIATE_TEST_SUITE_P(
    Lines, BadLineTest,
    ::testing::ValuesIn(std::vector<BadLine>{
        {"NotJson", "token: alice-write", "1:1: a batch line must be one JSON object"},
        {"Array", "[1, 2]", "1:1: a batch line must be one JSON object"},
        {"Unclosed", "{\"token\": \"alice-write\"", "1:"},
        {"NoToken", "{\"operation\": \"whoami\"}", "1:1: a batch line is missing 'token'"},
        {"TokenNotString", "{\"token\": 5, \"operation\": \"whoami\"}", "1:11: \"token\" must be a string, not a number"},
        {"NoForm", "{\"token\": \"alice-write\"}", "1:1:"},
        {"TwoForms", "{\"token\": \"alice-write\", \"operation\": \"whoami\", \"permission\": \"repo.write\"}", "1:1:"},
        {"RepoBesideHttp", "{\"token\": \"alice-write\", \"http\": \"GET /api/models/acme/model\", \"repo\": \"acme/model\"}",
         "1:72: \"repo\" goes with \"operation\" or \"permission\"; with \"http\", the path and the body name the target"},
        {"UnknownRepo", "{\"token\": \"alice-write\", \"operation\": \"model_info\", \"repo\": \"acme/nope\"}", "1:"},
        {"BadRepoType", "{\"token\": \"alice-write\", \"operation\": \"model_info\", \"repo\": \"acme/model\", \"repo_type\": \"modle\"}",
         "1:88: unknown repo type 'modle'; did you mean 'model'?"},
        {"WriteNotBool", "{\"token\": \"alice-write\", \"operation\": \"auth_check\", \"write\": \"yes\"}", "1:62: \"write\" must be true or false"},
        {"BadAt", "{\"token\": \"alice-write\", \"operation\": \"whoami\", \"at\": \"soon\"}", "1:55: \"at\" must be"},
        {"BodyWithoutHttp", "{\"token\": \"alice-write\", \"operation\": \"whoami\", \"body\": {}}", "1:57: \"body\" goes with \"http\""},
        {"BodyNotObject", "{\"token\": \"alice-write\", \"http\": \"POST /api/repos/create\", \"body\": [1]}", "1:68: \"body\" must be an object (a JSON body's fields) or a string"},
        {"BodyFieldType", "{\"token\": \"alice-write\", \"http\": \"POST /api/repos/create\", \"body\": {\"name\": 5}}", "1:68: body field 'name' (line 1, column 77) must be a string, not a number"},
        {"ContentTypeAlone", "{\"token\": \"alice-write\", \"operation\": \"whoami\", \"content_type\": \"application/json\"}",
         "1:65: \"content_type\" goes with \"body\""},
        {"ContentTypeUnknown", "{\"token\": \"alice-write\", \"http\": \"POST /api/repos/create\", \"body\": \"x\", \"content_type\": \"text/plain\"}",
         "1:89: unknown content type 'text/plain'"},
        {"ContentTypeVsObject",
         "{\"token\": \"alice-write\", \"http\": \"POST /api/repos/create\", \"body\": {}, \"content_type\": \"application/x-ndjson\"}",
         "1:88: \"content_type\" says the body is NDJSON"},
        {"IdBool", "{\"id\": true, \"token\": \"alice-write\", \"operation\": \"whoami\"}", "1:8: \"id\" must be a string or a number"},
        {"DuplicateKey", "{\"token\": \"alice-write\", \"token\": \"alice-read\", \"operation\": \"whoami\"}", "1:26: duplicate key 'token'"},
        {"ControlCharacter", "{\"token\": \"alice-write\x01\", \"operation\": \"whoami\"}", "1:23: control character U+0001"},
    }),
    [](const ::testing::TestParamInfo<BadLine>& info) { return info.param.name; });

TEST(BatchRunTest, ATooLongLineIsAnErrorAndTheNextLineIsRead) {
  BatchOptions options;
  options.max_line_bytes = 64;
  const BatchRun run = RunLines(absl::StrCat("{\"token\": \"alice-write\", \"operation\": \"whoami\", \"id\": \"", std::string(100, 'x'),
                                        "\"}\n{\"token\": \"alice-write\", \"operation\": \"whoami\"}\n"),
                           options);
  ASSERT_EQ(run.answers.size(), 2u);
  const Parsed first = Parse(run.answers[0]);
  EXPECT_EQ(first.exit_code, 2);
  ASSERT_EQ(first.errors.size(), 1u);
  EXPECT_EQ(first.errors[0], "1:1: the line is longer than 64 bytes; a batch line holds one request");
  EXPECT_EQ(Parse(run.answers[1]).exit_code, 0);
  EXPECT_EQ(Parse(run.answers[1]).line, 2);
}

// A credential pasted where a token's name goes is an error, and appears in no output.
TEST(BatchRunTest, ASecretIsAnErrorAndIsShownNowhere) {
  const std::string secret = "hf_aB3dE6gH9jK2mN5pQ8sT1vW4yZ7cF0";
  const BatchRun run = RunLines(absl::StrCat(R"({"id": "a", "token": ")", secret, R"(", "operation": "whoami"}
{"token": "alice-write", "http": "POST /api/repos/create", "body": {"type": "model", "name": "x )", secret, R"("}}
{"id": ")", secret, R"(", "token": "alice-write", "operation": "whoami"}
)"));
  ASSERT_EQ(run.answers.size(), 3u);
  for (const std::string& answer : run.answers) {
    EXPECT_EQ(Parse(answer).exit_code, 2);
    EXPECT_THAT(answer, Not(HasSubstr(secret.substr(3, 12))));
    EXPECT_THAT(answer, HasSubstr("has the shape of a credential"));
  }
  EXPECT_EQ(Parse(run.answers[0]).errors.front(), absl::StrCat("1:22: this value has the shape of a credential (an access "
                                                               "token's secret); a batch line names tokens by their "
                                                               "fixture name and never holds a secret (the line is shown nowhere)"));
  EXPECT_EQ(Parse(run.answers[0]).id, "");  // the id is not read from a line that holds a secret
  EXPECT_THAT(run.err, Not(HasSubstr(secret.substr(3, 12))));
  EXPECT_THAT(run.err, HasSubstr("requests.jsonl:2:"));
}

// Every key of a request line and of an answer, and every verdict, is in docs/batch-json.md.
TEST(BatchRunTest, EveryKeyIsDocumented) {
  std::ifstream file("docs/batch-json.md");
  const std::string doc((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  ASSERT_FALSE(doc.empty());
  for (absl::string_view key : kBatchKeys) EXPECT_THAT(doc, HasSubstr(absl::StrCat("| `", key, "` |"))) << key;
  for (absl::string_view key : {"schema", "line", "id", "exit_code", "verdict", "text", "result", "errors"}) {
    EXPECT_THAT(doc, HasSubstr(absl::StrCat("| `", key, "` |"))) << key;
  }
  for (absl::string_view verdict : {"allow", "deny", "error", "not_modeled"}) {
    EXPECT_THAT(doc, HasSubstr(absl::StrCat("`", verdict, "`"))) << verdict;
  }
  EXPECT_THAT(doc, HasSubstr(kBatchSchema));
}

TEST(BatchRunTest, ExplainGivesTheWholeExplanation) {
  BatchOptions options;
  options.explain = true;
  const BatchRun run = RunLines("{\"token\": \"alice-read\", \"http\": \"POST /api/models/acme/model/commit/main\"}\n", options);
  ASSERT_EQ(run.answers.size(), 1u);
  const Parsed p = Parse(run.answers[0]);
  EXPECT_THAT(p.text, HasSubstr("\n  token side   DENY"));
  EXPECT_THAT(p.text, HasSubstr("\nThe Hub would answer: 403"));
  EXPECT_EQ(run.answers[0].find('\n'), std::string::npos);  // the text's line breaks are escaped
}

}  // namespace
}  // namespace hubperm
