// Copyright 2026 The hubperm Authors.
//
// hubperm mint on worlds written by hand: the founding scenario (issue: "mint repo.write on org acme; on
// the resource group with --prefer group, plus the org for the create"), intents the owner's user side
// forbids, intents that do not resolve, and the reading of intents files and request logs.

#include "policy/mint/mint.h"

#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "policy/load/fixtures.h"
#include "policy/mint/intents.h"

namespace hubperm {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

World Founding() {
  Fixtures f = LoadFixtures({"testdata/founding/world.yaml"});
  EXPECT_TRUE(f.ok()) << f.diagnostics.error_count();
  return std::move(f.world);
}

std::vector<Intent> IntentsOf(const std::string& yaml, SourceFiles* files, Diagnostics* diagnostics) {
  return ReadIntentsFile("intents.yaml", yaml, files, diagnostics).intents;
}

// A scope of a minted token as "type name: p1, p2".
std::vector<std::string> Scopes(const Token& token) {
  std::vector<std::string> out;
  for (const Scope& s : token.scoped) {
    std::string text = absl::StrCat(NameOf(s.type), " ", s.entity.text, ":");
    for (const PermissionEntry& p : s.permissions) absl::StrAppend(&text, " ", p.text.text);
    out.push_back(text);
  }
  return out;
}

const char kFoundingIntents[] =
    "- {operation: create_repo, repo: acme/new-model}\n"
    "- {operation: create_commit, repo: acme/token-test-model}\n";

TEST(Mint, FoundingScenarioMintsRepoWriteOnTheOrg) {
  const World world = Founding();
  SourceFiles files;
  Diagnostics diagnostics;
  const std::vector<Intent> intents = IntentsOf(kFoundingIntents, &files, &diagnostics);
  ASSERT_EQ(diagnostics.error_count(), 0);
  ASSERT_EQ(intents.size(), 2u);
  const MintResult minted = Mint(world, "alice", intents, MintOptions(), &diagnostics);
  EXPECT_EQ(diagnostics.error_count(), 0);
  EXPECT_TRUE(minted.ok());
  EXPECT_THAT(Scopes(minted.token), ElementsAre("org acme: repo.write"));
  EXPECT_EQ(minted.token.name.text, "alice-minted");
  EXPECT_EQ(minted.token.owner.text, "alice");
  EXPECT_EQ(minted.token.role, TokenRole::kFineGrained);
  ASSERT_EQ(minted.grants.size(), 1u);
  EXPECT_THAT(minted.grants[0].needed_by, ElementsAre(0, 1));  // both intents need it
  EXPECT_THAT(minted.approvals, IsEmpty());
  for (const IntentResult& r : minted.intents) EXPECT_EQ(r.outcome, IntentOutcome::kAllowed) << r.request;
  EXPECT_EQ(minted.intents[0].request, "create_repo acme/new-model");
}

TEST(Mint, PreferGroupPutsTheCommitOnTheGroupAndTheCreateOnTheOrg) {
  const World world = Founding();
  SourceFiles files;
  Diagnostics diagnostics;
  MintOptions options;
  options.prefer = ScopePreference::kGroup;
  const MintResult minted = Mint(world, "alice", IntentsOf(kFoundingIntents, &files, &diagnostics), options, &diagnostics);
  EXPECT_TRUE(minted.ok());
  // The org holds only what creating needs (the contributor permission, §4b): its repo.write would cover
  // the group's repo and make the group's scope redundant.
  EXPECT_THAT(Scopes(minted.token), ElementsAre("org acme: repo.contribute", "resource-group token-test-group: repo.write"));
  ASSERT_EQ(minted.grants.size(), 2u);
  EXPECT_THAT(minted.grants[0].needed_by, ElementsAre(0));
  EXPECT_THAT(minted.grants[1].needed_by, ElementsAre(1));
}

TEST(Mint, AnIntentTheUserSideForbidsNamesTheMissingRole) {
  // acme/other is private and in no group: alice, read in acme, may read it but not write it.
  Fixtures f = LoadFixtureTexts({{"world.yaml",
                                  "users: [alice, bob]\n"
                                  "orgs:\n  - {name: acme, members: {alice: read, bob: admin}}\n"
                                  "repos:\n  - {id: acme/other, private: true}\n"}});
  ASSERT_TRUE(f.ok());
  SourceFiles files;
  Diagnostics diagnostics;
  const MintResult minted = Mint(f.world, "alice",
                                 IntentsOf("- {operation: create_commit, repo: acme/other}\n"
                                           "- {operation: model_info, repo: acme/other}\n"
                                           "- {operation: create_repo, repo: bob/x}\n",
                                           &files, &diagnostics),
                                 MintOptions(), &diagnostics);
  EXPECT_EQ(diagnostics.error_count(), 0);
  EXPECT_FALSE(minted.ok());
  EXPECT_EQ(minted.intents[0].outcome, IntentOutcome::kUserSide);
  EXPECT_EQ(minted.intents[0].problem, "alice needs org role write in acme");
  EXPECT_EQ(minted.intents[1].outcome, IntentOutcome::kAllowed);
  EXPECT_EQ(minted.intents[2].outcome, IntentOutcome::kUserSide);  // another user's namespace
  // Only the intent a token can get through is asked of it.
  EXPECT_THAT(Scopes(minted.token), ElementsAre("model acme/other: repo.content.read"));
}

// Under require_approval a new token is pending until an admin approves it: the intents are decided as
// approved, and the org is named.
TEST(Mint, AnOrgThatRequiresApprovalIsNamed) {
  Fixtures f = LoadFixtures({"testdata/audit/world.yaml"});
  ASSERT_TRUE(f.ok());
  SourceFiles files;
  Diagnostics diagnostics;
  const MintResult minted = Mint(f.world, "erin",
                                 IntentsOf("- {operation: create_commit, repo: strict/s-model}\n", &files, &diagnostics),
                                 MintOptions(), &diagnostics);
  EXPECT_EQ(diagnostics.error_count(), 0);
  EXPECT_TRUE(minted.ok());
  EXPECT_THAT(minted.approvals, ElementsAre("strict"));
  EXPECT_THAT(Scopes(minted.token), ElementsAre("model strict/s-model: repo.write"));
  EXPECT_TRUE(minted.token.org_status.empty());  // the token as the owner creates it: pending approval
}

TEST(Mint, IntentsThatDoNotResolveAreErrorsAtTheirKey) {
  const World world = Founding();
  SourceFiles files;
  Diagnostics diagnostics;
  const std::vector<Intent> intents =
      IntentsOf("- {operation: model_info, repo: acme/token-test-modl}\n- {operation: model_inf, repo: acme/x}\n",
                &files, &diagnostics);
  ASSERT_EQ(diagnostics.error_count(), 0);
  const MintResult minted = Mint(world, "alice", intents, MintOptions(), &diagnostics);
  ASSERT_EQ(diagnostics.error_count(), 2);
  EXPECT_EQ(diagnostics.issues()[0].pos.line, 1);
  EXPECT_EQ(diagnostics.issues()[0].pos.column, 33);
  EXPECT_THAT(diagnostics.issues()[0].message, HasSubstr("did you mean 'acme/token-test-model'"));
  EXPECT_EQ(diagnostics.issues()[1].pos.line, 2);
  EXPECT_THAT(diagnostics.issues()[1].message, HasSubstr("unknown huggingface_hub method 'model_inf'"));
  EXPECT_TRUE(minted.token.scoped.empty());
  EXPECT_FALSE(minted.ok());
}

TEST(Intents, EveryProblemOfTheFileIsPositioned) {
  SourceFiles files;
  Diagnostics diagnostics;
  const Intents read = ReadIntentsFile("intents.yaml",
                                       "- {operation: model_info, repo: acme/m, token: ci}\n"
                                       "- just text\n"
                                       "- {http: POST /api/repos/create, body: [1]}\n"
                                       "- {operation: whoami}\n",
                                       &files, &diagnostics);
  EXPECT_EQ(read.intents.size(), 1u);  // the last one
  ASSERT_EQ(diagnostics.error_count(), 3);
  EXPECT_EQ(diagnostics.issues()[0].pos.line, 1);
  EXPECT_THAT(diagnostics.issues()[0].message, HasSubstr("token"));
  EXPECT_EQ(diagnostics.issues()[1].pos.line, 2);
  EXPECT_THAT(diagnostics.issues()[1].message, HasSubstr("an intent must be a mapping"));
  EXPECT_EQ(diagnostics.issues()[2].pos.line, 3);
  EXPECT_THAT(diagnostics.issues()[2].message, HasSubstr("body: must be an object"));
}

TEST(Intents, AFileThatIsNotAListIsAnError) {
  for (const char* text : {"operation: whoami\n", "[]\n", "", "- {operation: whoami\n"}) {
    SourceFiles files;
    Diagnostics diagnostics;
    const Intents read = ReadIntentsFile("intents.yaml", text, &files, &diagnostics);
    EXPECT_TRUE(read.intents.empty()) << text;
    EXPECT_GE(diagnostics.error_count(), 1) << text;
  }
}

TEST(Intents, ARequestLogTakesBatchLinesAndTheRecordersLines) {
  SourceFiles files;
  Diagnostics diagnostics;
  const Intents read = ReadRequestLog(
      "job.jsonl",
      "{\"client\": \"huggingface_hub\", \"source\": \"x\", \"version\": \"1\"}\n"
      "{\"auth\": true, \"call\": \"upload_file\", \"hub\": true, \"method\": \"POST\", \"step\": 1, "
      "\"target\": \"/api/models/acme/m/preupload/main\", \"content_type\": \"application/json\", "
      "\"body\": \"{\\\"files\\\": []}\"}\n"
      "{\"auth\": false, \"call\": \"upload_file\", \"hub\": false, \"method\": \"PUT\", \"step\": 2, "
      "\"target\": \"/storage/x\"}\n"
      "\n"
      "{\"call\": \"upload_file\", \"outcome\": \"ok\"}\n"
      "{\"token\": \"ci\", \"operation\": \"model_info\", \"repo\": \"acme/m\"}\n",
      &files, &diagnostics);
  EXPECT_EQ(diagnostics.error_count(), 0);
  ASSERT_EQ(read.intents.size(), 2u);
  EXPECT_EQ(read.other_hosts, 1);
  EXPECT_EQ(read.intents[0].input.http, "POST /api/models/acme/m/preupload/main");
  EXPECT_TRUE(read.intents[0].input.body.has_value());
  EXPECT_EQ(read.intents[0].pos.line, 2);
  EXPECT_EQ(read.intents[1].token, "ci");
  EXPECT_EQ(read.intents[1].input.operation, "model_info");
  EXPECT_EQ(read.intents[1].pos.line, 6);
}

TEST(Intents, ALogWithoutRequestsIsAnError) {
  SourceFiles files;
  Diagnostics diagnostics;
  ReadRequestLog("job.jsonl", "{\"call\": \"x\", \"outcome\": \"ok\"}\n", &files, &diagnostics);
  ASSERT_EQ(diagnostics.error_count(), 1);
  EXPECT_THAT(diagnostics.issues()[0].message, HasSubstr("holds no request to the Hub"));
}

}  // namespace
}  // namespace hubperm
