// Copyright 2026 The hubperm Authors.
//
// `hubperm mint`: the founding scenario's token (goldens, text and JSON), a recorded client session as
// the log, the minted fixture loaded beside its world and checked, and every way the input can be wrong.

#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "cli/cli_testing.h"
#include "cli/exit_codes.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "testdata/fixture_files.h"

namespace hubperm {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

const std::string kFounding = "testdata/founding/world.yaml";
const std::string kClients = "testdata/clients/world.yaml";
const std::vector<std::string> kFoundingMint = {"mint", kFounding, "--owner", "alice", "--for",
                                                "testdata/mint/founding.yaml"};

std::vector<std::string> With(std::vector<std::string> head, const std::vector<std::string>& tail) {
  head.insert(head.end(), tail.begin(), tail.end());
  return head;
}

void Write(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

TEST(MintCommand, TheFoundingScenarioMintsRepoWriteOnTheOrg) {
  const CliRun r = Hubperm(kFoundingMint);
  EXPECT_EQ(r.exit_code, kExitAllow) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out, ReadFileOrEmpty("testdata/golden/mint_founding.yaml")) << "actual:\n" << r.out;
  EXPECT_THAT(r.out, HasSubstr("      - entity: {type: org, name: acme}\n        permissions: [repo.write]\n"));
}

TEST(MintCommand, PreferGroupAsJsonMatchesTheGolden) {
  const CliRun r = Hubperm(With(kFoundingMint, {"--prefer", "group", "--format", "json"}));
  EXPECT_EQ(r.exit_code, kExitAllow) << r.err;
  EXPECT_EQ(r.out, ReadFileOrEmpty("testdata/golden/mint_founding_group.json")) << "actual:\n" << r.out;
}

// The minted fixture is pasted beside the world, and the token does what the job does, and no more.
TEST(MintCommand, TheMintedTokenLoadsBesideTheWorldAndDoesTheJob) {
  for (const char* prefer : {"repo", "group", "org"}) {
    const CliRun minted = Hubperm(With(kFoundingMint, {"--prefer", prefer, "--name", "ci"}));
    ASSERT_EQ(minted.exit_code, kExitAllow) << minted.err;
    const std::string path = TempPath(std::string("minted-") + prefer + ".yaml");
    Write(path, minted.out);
    EXPECT_EQ(Hubperm({"validate", kFounding, path}).exit_code, kExitAllow) << prefer;
    EXPECT_EQ(Hubperm({"check", kFounding, path, "--token", "ci", "--operation", "create_repo", "--repo", "acme/new-model"})
                  .exit_code,
              kExitAllow)
        << prefer;
    EXPECT_EQ(Hubperm({"check", kFounding, path, "--token", "ci", "--operation", "create_commit", "--repo",
                       "acme/token-test-model"})
                  .exit_code,
              kExitAllow)
        << prefer;
    // Not asked: listing acme's members.
    EXPECT_EQ(Hubperm({"check", kFounding, path, "--token", "ci", "--operation", "list_organization_members", "--org",
                       "acme"})
                  .exit_code,
              kExitDeny)
        << prefer;
  }
}

// A real recorded client session (huggingface_hub's hf_hub_download, create_repo, upload_folder, from
// testdata/clients/huggingface_hub.jsonl) as the log.
TEST(MintCommand, FromARecordedClientSession) {
  const CliRun r = Hubperm({"mint", kClients, "--owner", "alice", "--from-log", "testdata/mint/training_job.jsonl"});
  EXPECT_EQ(r.exit_code, kExitAllow) << r.err;
  EXPECT_EQ(r.out, ReadFileOrEmpty("testdata/golden/mint_training_job.yaml")) << "actual:\n" << r.out;
  EXPECT_THAT(r.err, HasSubstr("testdata/mint/training_job.jsonl:7:1: warning: POST /api/validate-yaml: not decided"));
  EXPECT_THAT(r.err, HasSubstr("hubperm: 1 request of the log went to hosts other than the Hub"));
}

TEST(MintCommand, ABatchLogNamesItsOwnerThroughItsTokens) {
  const CliRun r = Hubperm({"mint", kClients, "--from-log", "testdata/mint/alice_job.jsonl"});
  EXPECT_EQ(r.exit_code, kExitAllow) << r.err;
  EXPECT_THAT(r.out, HasSubstr("    owner: alice\n"));
  EXPECT_THAT(r.out, HasSubstr("permissions: [repo.write]"));
  const CliRun two = Hubperm({"mint", "testdata/sequences/world.yaml", "--from-log", "testdata/batch/requests.jsonl"});
  EXPECT_EQ(two.exit_code, kExitBadInput);
  EXPECT_THAT(two.err, HasSubstr("belong to 2 users (alice, bob): give --owner USER"));
  EXPECT_EQ(two.out, "");
}

TEST(MintCommand, AnIntentNoTokenCanAllowIsAnErrorAndNothingIsPrinted) {
  const CliRun r = Hubperm({"mint", kClients, "--owner", "bob", "--for", "testdata/mint/impossible.yaml"});
  EXPECT_EQ(r.exit_code, kExitBadInput);
  EXPECT_EQ(r.out, "");
  EXPECT_THAT(r.err, HasSubstr("testdata/mint/impossible.yaml:4:3: error: create_commit acme/model: bob's user side "
                               "forbids it, so no token can allow it: bob needs org role write in acme"));
  EXPECT_THAT(r.err, HasSubstr("hubperm: 1 intent no token can allow; nothing was minted\n"));
  const CliRun two = Hubperm({"mint", kClients, "--owner", "bob", "--for", "-"},
                             "- {operation: create_commit, repo: acme/model}\n- {operation: delete_repo, repo: acme/model}\n");
  EXPECT_THAT(two.err, HasSubstr("hubperm: 2 intents no token can allow; nothing was minted\n"));
}

struct BadInput {
  const char* name;
  std::vector<std::string> args;
  const char* message;
};

class MintBadInputTest : public ::testing::TestWithParam<BadInput> {};

TEST_P(MintBadInputTest, IsExit2WithTheProblemNamed) {
  const CliRun r = Hubperm(GetParam().args);
  EXPECT_EQ(r.exit_code, kExitBadInput) << r.out;
  EXPECT_EQ(r.out, "");
  EXPECT_THAT(r.err, HasSubstr(GetParam().message));
}

INSTANTIATE_TEST_SUITE_P(
    Cases, MintBadInputTest,
    ::testing::Values(
        BadInput{"NoIntents", {"mint", kFounding, "--owner", "alice"}, "exactly one of --for INTENTS.yaml and --from-log FILE"},
        BadInput{"BothInputs",
                 {"mint", kFounding, "--owner", "alice", "--for", "testdata/mint/founding.yaml", "--from-log", "x.jsonl"},
                 "exactly one of --for INTENTS.yaml and --from-log FILE"},
        BadInput{"NoOwner", {"mint", kFounding, "--for", "testdata/mint/founding.yaml"}, "mint --for needs --owner USER"},
        BadInput{"UnknownOwner", {"mint", kFounding, "--owner", "alcie", "--for", "testdata/mint/founding.yaml"},
                 "unknown user 'alcie'; did you mean 'alice'?"},
        BadInput{"BadPreference", With(kFoundingMint, {"--prefer", "repos"}), "--prefer must be repo, group or org, not 'repos'"},
        BadInput{"NoSuchFile", {"mint", kFounding, "--owner", "alice", "--for", "no/such.yaml"}, "cannot read --for 'no/such.yaml'"},
        BadInput{"Html", With(kFoundingMint, {"--format", "html"}), "--format html applies to audit and diff only; mint takes text or json"},
        BadInput{"NoWorld", {"mint", "--owner", "alice", "--for", "testdata/mint/founding.yaml"}, "at least one fixture file"},
        BadInput{"AnIntentOfAnotherKind", {"mint", kFounding, "--owner", "alice", "--for", "testdata/founding/world.yaml"},
                 "an intents file (a list of requests) must be a sequence"},
        BadInput{"ARecorderLogWithoutOwner", {"mint", kClients, "--from-log", "testdata/mint/training_job.jsonl"},
                 "the log names no token: give --owner USER"},
        BadInput{"AnEmptyIntentsFile", {"mint", kFounding, "--owner", "alice", "--for", "-"}, "an intents file (a list of requests) must be a sequence"}),
    [](const ::testing::TestParamInfo<BadInput>& info) { return std::string(info.param.name); });

// --compare: alice-broad (repo.write on all of acme) against what committing to the group's model needs.
TEST(MintCommand, CompareNamesTheExcessTheMissingAndTheDenied) {
  const std::string intents = "- {operation: create_commit, repo: acme/token-test-model}\n";
  const CliRun broad = Hubperm({"mint", "testdata/audit/world.yaml", "--compare", "alice-broad", "--for", "-"}, intents);
  EXPECT_EQ(broad.exit_code, kExitAllow) << broad.err;
  EXPECT_THAT(broad.out, HasSubstr("# Compared with token alice-broad:\n"
                                   "#   excess (no intent needs it): the whole scope on org acme: repo.content.read, repo.write\n"
                                   "#   missing: the whole scope on model acme/token-test-model: repo.write\n"
                                   "tokens:\n"));  // alice-broad denies nothing: its org scope covers the model
  const CliRun limited =
      Hubperm({"mint", "testdata/audit/world.yaml", "--compare", "limited-test-token", "--for", "-", "--format", "json"}, intents);
  EXPECT_EQ(limited.exit_code, kExitAllow) << limited.err;
  EXPECT_THAT(limited.out, HasSubstr("\"compare\": {\n    \"token\": \"limited-test-token\",\n    \"role\": \"fineGrained\",\n"
                                     "    \"broader\": false,"));
  EXPECT_THAT(limited.out, HasSubstr("\"denied_intents\": [\n      1\n    ]"));
  const CliRun classic = Hubperm({"mint", "testdata/audit/world.yaml", "--compare", "bob-classic", "--for", "-"},
                                 "- {operation: create_commit, repo: acme/model-a}\n");
  EXPECT_EQ(classic.exit_code, kExitAllow) << classic.err;
  EXPECT_THAT(classic.out, HasSubstr("#   a classic write token: it holds every permission its role gives bob"));
  EXPECT_THAT(classic.out, HasSubstr("    owner: bob\n"));  // the compared token's owner
  const CliRun other = Hubperm({"mint", "testdata/audit/world.yaml", "--compare", "bob-classic", "--owner", "alice",
                                "--for", "-"}, intents);
  EXPECT_EQ(other.exit_code, kExitBadInput);
  EXPECT_THAT(other.err, HasSubstr("--compare: token 'bob-classic' is 'bob''s, not 'alice''s"));
  const CliRun unknown = Hubperm({"mint", "testdata/audit/world.yaml", "--compare", "alice-brod", "--for", "-"}, intents);
  EXPECT_EQ(unknown.exit_code, kExitBadInput);
  EXPECT_THAT(unknown.err, HasSubstr("--compare: unknown token 'alice-brod'; did you mean 'alice-broad' or 'alice-dead'?"));
}

TEST(MintCommand, TheOrgsThatMustApproveTheTokenAreNamed) {
  const CliRun r = Hubperm({"mint", "testdata/audit/world.yaml", "--owner", "erin", "--for", "-"},
                           "- {operation: create_commit, repo: strict/s-model}\n");
  EXPECT_EQ(r.exit_code, kExitAllow) << r.err;
  EXPECT_THAT(r.out, HasSubstr("# Org strict requires approval of fine-grained tokens: an admin of it must approve this one.\n"));
}

TEST(MintCommand, EveryJsonKeyIsDocumented) {
  const CliRun r = Hubperm({"mint", "testdata/audit/world.yaml", "--compare", "alice-broad", "--for", "-", "--format", "json"},
                           "- {operation: create_commit, repo: acme/token-test-model}\n");
  ASSERT_EQ(r.exit_code, kExitAllow) << r.err;
  const std::string doc = ReadFileOrEmpty("docs/mint.md");
  ASSERT_NE(doc, "");
  const std::set<std::string> keys = JsonKeys(r.out);
  EXPECT_GE(keys.size(), 25u);
  for (const std::string& key : keys) EXPECT_THAT(doc, HasSubstr("`" + key + "`")) << key;
}

TEST(MintCommand, IntentsFromStdin) {
  const CliRun bad = Hubperm({"mint", kFounding, "--owner", "alice", "--for", "-"},
                             "- {operation: model_info, repo: acme/token-test-modl}\n");
  EXPECT_EQ(bad.exit_code, kExitBadInput);
  EXPECT_THAT(bad.err, StartsWith("stdin:1:33: error: unknown model 'acme/token-test-modl'"));
  const CliRun good = Hubperm({"mint", kFounding, "--owner", "alice", "--for", "-"},
                              "- {operation: model_info, repo: acme/token-test-model}\n");
  EXPECT_EQ(good.exit_code, kExitAllow) << good.err;
  EXPECT_THAT(good.out, HasSubstr("model acme/token-test-model: repo.content.read: intent 1"));
}

}  // namespace
}  // namespace hubperm
