// Copyright 2026 The hubperm Authors.
//
// `--set PATH=VALUE` (policy/load/overrides.h) through the facade: each path form changes the decision it
// should, and the explanation cites the set; each bad set is an error at the part to blame, naming the
// nearest valid names, and then no engine is built.

#include <string>
#include <vector>

#include "absl/strings/str_join.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "policy/hubperm.h"
#include "policy/load/overrides.h"

namespace hubperm {
namespace {

using ::testing::HasSubstr;

constexpr char kWorld[] = "testdata/diff/before.yaml";

struct Ask {
  const char* token;
  const char* operation;
  const char* repo;
  RepoType type;
};

// The decision on `ask` in the world with `sets`, or "no token" / "no target" when it does not resolve.
std::string Answer(const std::vector<std::string>& sets, const Ask& ask, std::string* explanation = nullptr) {
  LoadOptions options;
  options.overrides = sets;
  const LoadResult loaded = Engine::Load({kWorld}, options);
  if (!loaded.ok()) return "load failed: " + loaded.RenderIssues();
  RequestInput input;
  input.operation = ask.operation;
  input.target.repo = ask.repo;
  input.target.repo_type = ask.type;
  const absl::StatusOr<ResolvedRequest> request = loaded.engine->Resolve(ask.token, input);
  if (!request.ok()) return "unresolved: " + std::string(request.status().message());
  const Decision d = loaded.engine->Check(*request);
  if (explanation != nullptr) *explanation = RenderExplanation(loaded.engine->Explain(*request, d));
  return d.allowed ? "allow" : "deny";
}

struct SetRow {
  std::vector<std::string> sets;
  Ask ask;
  const char* before;
  const char* after;
  bool cites = false;  // the explanation after names a fact the set gave (a removal gives none)
};

// One row per path form: the request whose answer the set should turn.
const SetRow kSetRows[] = {
    {{"orgs.acme.members.bob=write"}, {"bob-rw", "update_repo_settings", "acme/public-model", RepoType::kModel}, "deny", "allow", true},
    {{"orgs.acme.members.bob=none"}, {"bob-rw", "repo_info", "acme/eval-data", RepoType::kDataset}, "allow", "deny"},
    {{"orgs.acme.resource_groups.vision.members.carol=none"},
     {"carol-vision", "update_repo_settings", "acme/vision-model", RepoType::kModel}, "allow", "deny"},
    {{"repos.acme/eval-data.resource_group=vision"},
     {"carol-vision", "repo_info", "acme/eval-data", RepoType::kDataset}, "deny", "allow"},
    {{"repos.dataset:acme/eval-data.resource_group=vision"},
     {"carol-vision", "repo_info", "acme/eval-data", RepoType::kDataset}, "deny", "allow"},
    {{"repos.acme/vision-model.resource_group=none"},
     {"carol-vision", "update_repo_settings", "acme/vision-model", RepoType::kModel}, "allow", "deny"},
    {{"tokens.ci.org_status.acme=revoked"}, {"ci", "repo_info", "acme/eval-data", RepoType::kDataset}, "allow", "deny", true},
    {{"tokens.bob-rw.org_status.acme=pending"},
     {"bob-rw", "repo_info", "acme/eval-data", RepoType::kDataset}, "allow", "deny", true},
    // A later set can undo what an earlier one did: the org stops asking for approval.
    {{"tokens.bob-rw.org_status.acme=pending", "orgs.acme.token_policy=allow_all"},
     {"bob-rw", "repo_info", "acme/eval-data", RepoType::kDataset}, "allow", "allow"},
    {{"tokens.ci.scoped.org:acme=repo.content.read"},
     {"ci", "update_repo_settings", "acme/public-model", RepoType::kModel}, "allow", "deny"},
    {{"tokens.ci.scoped.org:acme=none"}, {"ci", "repo_info", "acme/eval-data", RepoType::kDataset}, "allow", "deny"},
    {{"tokens.alice-old.role=write", "orgs.acme.token_policy=allow_all"}, {"alice-old", "update_repo_settings", "acme/public-model", RepoType::kModel}, "deny", "allow", true},
    {{"tokens.bob-rw=none"}, {"bob-rw", "repo_info", "acme/eval-data", RepoType::kDataset}, "allow",
     "unresolved: unknown token 'bob-rw'"},
    {{"tokens.ci.scoped.org:acme=none", "tokens.ci.scoped.dataset:acme/eval-data=repo.content.read"},
     {"ci", "repo_info", "acme/eval-data", RepoType::kDataset}, "allow", "allow", true},
};

TEST(Overrides, EachPathFormTurnsItsDecision) {
  for (const SetRow& row : kSetRows) {
    const std::string label = absl::StrJoin(row.sets, " ");
    EXPECT_EQ(Answer({}, row.ask), row.before) << label;
    std::string explanation;
    const std::string after = Answer(row.sets, row.ask, &explanation);
    EXPECT_THAT(after, HasSubstr(row.after)) << label;
    // A set that gave a fact the answer rests on is cited where the explanation names its facts.
    if (row.cites) {
      EXPECT_THAT(explanation, HasSubstr("--set:")) << label << "\n" << explanation;
    }
  }
}

struct BadRow {
  std::string set;
  const char* at;       // "--set:LINE:COL"
  const char* message;  // a part of the message
};

const BadRow kBadRows[] = {
    {"orgs.acme.token_policy", "--set:1:1", "PATH=VALUE"},
    {"orgs.acmee.token_policy=allow_all", "--set:1:6", "no org 'acmee' in the world; the nearest: acme"},
    {"orgs.acme.token_polcy=allow_all", "--set:1:11", "token_policy"},
    {"orgs.acme.token_policy=maybe", "--set:1:24", "require_approval"},
    {"orgs.acme.members.bobb=write", "--set:1:19", "no user 'bobb' in the world; the nearest: bob"},
    {"orgs.acme.members.bob=boss", "--set:1:23", "contributor"},
    {"orgs.acme.resource_groups.visoin.members.carol=read", "--set:1:27", "the nearest: vision"},
    {"repos.acme/eval-dat.private=true", "--set:1:7", "no repo 'acme/eval-dat' in the world; the nearest: acme/eval-data"},
    {"repos.acme/eval-data.private=maybe", "--set:1:30", "'maybe' is not a boolean; valid: true, false"},
    {"tokens.cii.org_status.acme=revoked", "--set:1:8", "no token 'cii' in the world; the nearest: ci"},
    {"tokens.ci.org_status.acme=gone", "--set:1:27", "revoked"},
    {"tokens.alice-old.scoped.org:acme=repo.write", "--set:1:18", "'scoped' is only for fineGrained tokens; 'alice-old' is a read token"},
    {"nowhere.x=1", "--set:1:1", "orgs"},
};

TEST(Overrides, BadSetsAreErrorsAtThePartToBlame) {
  for (const BadRow& row : kBadRows) {
    LoadOptions options;
    options.overrides = {row.set};
    const LoadResult loaded = Engine::Load({kWorld}, options);
    EXPECT_FALSE(loaded.ok()) << row.set;
    const std::string issues = loaded.RenderIssues();
    EXPECT_THAT(issues, HasSubstr(std::string(row.at) + ": error: ")) << row.set << "\n" << issues;
    EXPECT_THAT(issues, HasSubstr(row.message)) << row.set << "\n" << issues;
  }
}

// Every problem of every set is reported, each on its own line of the "--set" file.
TEST(Overrides, EveryBadSetIsReported) {
  LoadOptions options;
  options.overrides = {"orgs.acmee.plan=team", "orgs.acme.members.bob=write", "tokens.cii=none"};
  const LoadResult loaded = Engine::Load({kWorld}, options);
  EXPECT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error_count(), 2);
  const std::string issues = loaded.RenderIssues();
  EXPECT_THAT(issues, HasSubstr("--set:1:6: error: "));
  EXPECT_THAT(issues, HasSubstr("--set:3:8: error: "));
}

// The help's and the docs' table lists every form the rows above exercise.
TEST(Overrides, PathFormsAreListed) {
  const std::string forms = absl::StrJoin(OverridePathForms(), "\n");
  for (const char* form : {"orgs.ORG.token_policy", "orgs.ORG.members.USER", "repos.", "tokens.TOKEN.org_status.ORG",
                           "tokens.TOKEN.scoped.", "tokens.TOKEN.role", "assumptions."}) {
    EXPECT_THAT(forms, HasSubstr(form));
  }
}

}  // namespace
}  // namespace hubperm
