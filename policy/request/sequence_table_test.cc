// Copyright 2026 The hubperm Authors.

#include "policy/request/sequence_table.h"

#include <string>

#include "absl/strings/str_replace.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "policy/request/sequence_request.h"

namespace hubperm {
namespace {

using ::testing::HasSubstr;

TEST(SequenceTableTest, TheBuiltInTableParses) {
  absl::StatusOr<SequenceTable> table = SequenceTable::Parse(
      std::string(BuiltinSequences().rows().empty() ? "" : "sequences: []\n"), "empty.yaml");
  ASSERT_TRUE(table.ok()) << table.status();
  ASSERT_FALSE(BuiltinSequences().rows().empty());
  // The entry points the issue names, and each huggingface_hub method of several requests.
  for (const char* method : {"create_repo(exist_ok=True)", "upload_file", "upload_folder", "create_commit",
                             "upload_large_folder", "snapshot_download", "hf_hub_download", "create_pull_request",
                             "delete_files", "copy_files", "PreTrainedModel.push_to_hub", "Dataset.push_to_hub",
                             "DiffusionPipeline.push_to_hub"}) {
    const SequenceRow* row = BuiltinSequences().Find(method);
    ASSERT_NE(row, nullptr) << method;
    EXPECT_GE(row->steps.size(), 2u) << method;
    EXPECT_FALSE(row->source.empty()) << method;
  }
}

TEST(SequenceTableTest, LikeCopiesTheSteps) {
  const SequenceRow* commit = BuiltinSequences().Find("create_commit");
  const SequenceRow* upload = BuiltinSequences().Find("upload_file");
  ASSERT_NE(commit, nullptr);
  ASSERT_NE(upload, nullptr);
  ASSERT_EQ(commit->steps.size(), upload->steps.size());
  for (size_t i = 0; i < commit->steps.size(); ++i) EXPECT_EQ(commit->steps[i].http, upload->steps[i].http);
}

TEST(SequenceTableTest, CreateRepoExistOkFallsBackOnRefusals) {
  const SequenceRow* row = BuiltinSequences().Find("create_repo(exist_ok=True)");
  ASSERT_NE(row, nullptr);
  ASSERT_EQ(row->steps.size(), 2u);
  const SequenceStep& create = row->steps[0];
  EXPECT_TRUE(create.on_exists_done);
  EXPECT_EQ(create.body, StepBody::kCreate);
  for (int status : {401, 402, 403}) EXPECT_EQ(create.OnDeny(status).action, StepAction::kFallback) << status;
  EXPECT_EQ(create.OnDeny(404).action, StepAction::kFail);
  EXPECT_TRUE(row->steps[1].fallback);
}

TEST(FillStepTest, EachRepoTypesUrls) {
  EXPECT_EQ(FillStep("POST /{prefix}{repo}.git/info/lfs/objects/batch", RepoType::kModel, "acme/m"),
            "POST /acme/m.git/info/lfs/objects/batch");
  EXPECT_EQ(FillStep("POST /{prefix}{repo}.git/info/lfs/objects/batch", RepoType::kDataset, "acme/d"),
            "POST /datasets/acme/d.git/info/lfs/objects/batch");
  EXPECT_EQ(FillStep("GET /api/{types}/{repo}/tree/main", RepoType::kSpace, "acme/s"), "GET /api/spaces/acme/s/tree/main");
  EXPECT_EQ(FillStep("HEAD /{prefix}{repo}/resolve/main/{file}", RepoType::kModel, "a/b"), "HEAD /a/b/resolve/main/FILE");
}

// What is wrong with a table, each at its position.
struct BadTableRow {
  const char* name;
  const char* yaml;
  const char* error;
};

TEST(SequenceTableTest, BadTablesAreRefusedWithPositions) {
  const std::string head = "sequences:\n  - method: m\n    library: huggingface_hub\n    source: s\n    recorded: []\n";
  const BadTableRow rows[] = {
      {"unknown route", "    steps:\n      - {http: \"GET /api/nope/{repo}\"}\n", "t.yaml:7:16: error: unknown route"},
      {"unknown key", "    steps:\n      - {http: \"GET /api/{types}/{repo}\", on_deny: {403: next}, colour: red}\n",
       "unknown key 'colour'"},
      {"bad action", "    steps:\n      - {http: \"GET /api/{types}/{repo}\", on_allow: fallback}\n",
       "'on_allow' must be next, done, fail or 'goto ID', not 'fallback'"},
      {"goto nowhere", "    steps:\n      - {http: \"GET /api/{types}/{repo}\", on_allow: goto later}\n",
       "no step of m has id 'later'"},
      {"fallback without fallback steps",
       "    steps:\n      - {http: POST /api/repos/create, body: create, on_deny: {403: fallback}}\n",
       "falls back, but no fallback step follows it"},
      {"on_exists off a create", "    steps:\n      - {http: \"GET /api/{types}/{repo}\", on_exists: done}\n",
       "'on_exists' goes with a create step"},
      {"unknown library", "    steps:\n      - {http: \"GET /api/{types}/{repo}\"}\n", ""},
      {"steps and like", "    like: x\n    steps:\n      - {http: \"GET /api/{types}/{repo}\"}\n",
       "exactly one of 'steps' and 'like'"},
      {"bad status", "    steps:\n      - {http: \"GET /api/{types}/{repo}\", on_deny: {abc: next}}\n", "status"},
  };
  for (const BadTableRow& row : rows) {
    std::string yaml = head + row.yaml;
    if (std::string(row.name) == "unknown library") yaml = absl::StrReplaceAll(yaml, {{"huggingface_hub", "torch"}});
    absl::StatusOr<SequenceTable> table = SequenceTable::Parse(yaml, "t.yaml");
    ASSERT_FALSE(table.ok()) << row.name;
    EXPECT_THAT(std::string(table.status().message()),
                HasSubstr(*row.error ? row.error : "unknown library 'torch'")) << row.name;
  }
}

TEST(ParseSequenceRequestTest, StepsAreTheHttpFormsRequests) {
  TargetArgs args;
  args.repo = "acme/d";
  args.repo_type = RepoType::kDataset;
  absl::StatusOr<SequenceDescription> upload = ParseSequenceRequest("upload_folder", args);
  ASSERT_TRUE(upload.ok()) << upload.status();
  EXPECT_EQ(upload->type, RepoType::kDataset);
  ASSERT_EQ(upload->steps.size(), 5u);
  EXPECT_EQ(upload->steps[0].http, "POST /api/validate-yaml");
  EXPECT_FALSE(upload->steps[0].description.modeled());
  EXPECT_EQ(upload->steps[2].http, "POST /datasets/acme/d.git/info/lfs/objects/batch");
  EXPECT_EQ(upload->steps[2].description.operation, Operation::kCreateCommit);
  EXPECT_EQ(upload->steps[4].description.repo, "acme/d");
  EXPECT_EQ(upload->steps[4].description.repo_type, RepoType::kDataset);
}

TEST(ParseSequenceRequestTest, ExistOkChoosesTheVariant) {
  TargetArgs args;
  args.repo = "acme/new";
  EXPECT_EQ(SequenceOfMethod("create_repo", args), nullptr);  // one request: method.h decides it
  args.exist_ok = true;
  absl::StatusOr<SequenceDescription> create = ParseSequenceRequest("create_repo", args);
  ASSERT_TRUE(create.ok()) << create.status();
  EXPECT_EQ(create->method, "create_repo(exist_ok=True)");
  EXPECT_EQ(create->steps[0].description.operation, Operation::kCreateRepo);
  EXPECT_EQ(create->steps[0].description.ns, "acme");
  EXPECT_EQ(create->steps[1].description.operation, Operation::kRepoInfo);
  EXPECT_THAT(std::string(ParseSequenceRequest("upload_file", args).status().message()),
              HasSubstr("upload_file takes no --exist-ok"));
}

TEST(ParseSequenceRequestTest, ArgumentsAreChecked) {
  TargetArgs args;
  EXPECT_THAT(std::string(ParseSequenceRequest("upload_file", args).status().message()),
              HasSubstr("upload_file needs --repo NAMESPACE/NAME"));
  args.repo = "acme";
  EXPECT_THAT(std::string(ParseSequenceRequest("upload_file", args).status().message()), HasSubstr(", not 'acme'"));
  args.repo = "acme/m";
  args.org = "acme";
  EXPECT_THAT(std::string(ParseSequenceRequest("upload_file", args).status().message()),
              HasSubstr("upload_file takes no --org"));
  args.org.clear();
  args.repo_type = RepoType::kModel;
  EXPECT_THAT(std::string(ParseSequenceRequest("Dataset.push_to_hub", args).status().message()),
              HasSubstr("Dataset.push_to_hub works on datasets"));
  args.repo_type.reset();
  args.dialect = Dialect::kCaseKeys;
  args.exist_ok = true;
  EXPECT_THAT(std::string(ParseSequenceRequest("snapshot_download", args).status().message()),
              HasSubstr("snapshot_download takes no exist_ok:"));
}

}  // namespace
}  // namespace hubperm
