// Copyright 2026 The hubperm Authors.
//
// The world imported from the sample org's responses (testdata/org/acme) against its hand-written twin
// (testdata/org/twin.yaml): every token decides every request the same way in both, asked in the method
// form (every huggingface_hub method hubperm knows, on every repo and a new one) and in the permission
// form (every permission on every repo, org, user and group); and the hand-written cases
// (testdata/org/cases.yaml) pass against both.

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "policy/hubperm.h"
#include "policy/request/method.h"
#include "testdata/fixture_files.h"

namespace hubperm {
namespace {

std::string ImportedFixture() {
  absl::StatusOr<OrgResponses> responses = ReadOrgResponses("testdata/org/acme");
  EXPECT_TRUE(responses.ok()) << responses.status();
  if (!responses.ok()) return "";
  const OrgImport import = ImportOrg(*std::move(responses), {});
  EXPECT_TRUE(import.ok()) << RenderResponseIssues(import.responses.files, import.diagnostics);
  return RenderOrgFixture(import);
}

// One decision, as far as two worlds with different source positions can agree on it.
std::string Summary(const absl::StatusOr<ResolvedRequest>& request, const Engine& engine) {
  if (!request.ok()) return absl::StrCat("unresolved: ", request.status().message());
  const Decision d = engine.Check(*request);
  std::vector<std::string> sides;
  for (Side s : d.DeniedBy()) sides.push_back(std::string(NameOf(s)));
  return absl::StrCat(d.allowed ? "allow" : "deny", " ", d.status, " reply ", static_cast<int>(d.reply), " user basis ",
                      static_cast<int>(d.user.basis), " denied by [", absl::StrJoin(sides, ","), "]");
}

class OrgTwinTest : public ::testing::Test {
 protected:
  void SetUp() override {
    LoadResult imported = Engine::LoadTexts({{"imported.yaml", ImportedFixture()},
                                             {"cases.yaml", ReadFileOrEmpty("testdata/org/cases.yaml")}});
    ASSERT_TRUE(imported.ok()) << imported.RenderIssues();
    LoadResult twin = Engine::Load({"testdata/org/twin.yaml", "testdata/org/cases.yaml"});
    ASSERT_TRUE(twin.ok()) << twin.RenderIssues();
    imported_ = std::move(imported.engine);
    twin_ = std::move(twin.engine);
  }

  std::shared_ptr<const Engine> imported_, twin_;
};

TEST_F(OrgTwinTest, BothWorldsHaveTheSameNames) {
  auto names = [](const World& w) {
    std::vector<std::string> out;
    for (const Name& u : w.users) out.push_back("user " + u.text);
    for (const Org& o : w.orgs) {
      out.push_back("org " + o.name.text);
      for (const ResourceGroup& g : o.resource_groups) out.push_back("group " + g.name.text);
      for (const Name& s : o.service_accounts) out.push_back("service account " + s.text);
    }
    for (const Repo& r : w.repos) out.push_back(RepoKey(r.type, r.id.text));
    for (const Token& t : w.tokens) out.push_back("token " + t.name.text);
    std::sort(out.begin(), out.end());
    return out;
  };
  EXPECT_EQ(names(imported_->world()), names(twin_->world()));
}

TEST_F(OrgTwinTest, EveryTokenDecidesEveryMethodOnEveryRepoTheSameWay) {
  const World& world = twin_->world();
  std::vector<std::pair<std::string, RepoType>> repos;
  for (const Repo& r : world.repos) repos.emplace_back(r.id.text, r.type);
  repos.emplace_back("acme/brand-new", RepoType::kModel);
  int compared = 0;
  for (const Token& token : world.tokens) {
    for (absl::string_view method : KnownMethods()) {
      for (const auto& [id, type] : repos) {
        RequestInput input;
        input.operation = std::string(method);
        input.target.repo = id;
        input.target.repo_type = type;
        const std::string twin = Summary(twin_->Resolve(token.name.text, input), *twin_);
        const std::string imported = Summary(imported_->Resolve(token.name.text, input), *imported_);
        EXPECT_EQ(imported, twin) << token.name.text << " " << method << " " << id;
        ++compared;
      }
    }
  }
  EXPECT_GT(compared, 1000);
}

TEST_F(OrgTwinTest, EveryTokenDecidesEveryPermissionOnEveryTargetTheSameWay) {
  const World& world = twin_->world();
  std::vector<TargetArgs> targets;
  for (const Repo& r : world.repos) {
    TargetArgs t;
    t.repo = r.id.text;
    t.repo_type = r.type;
    targets.push_back(t);
  }
  for (const Org& o : world.orgs) {
    TargetArgs t;
    t.org = o.name.text;
    targets.push_back(t);
    for (const ResourceGroup& g : o.resource_groups) {
      TargetArgs group;
      group.group = g.name.text;
      targets.push_back(group);
    }
  }
  for (const Name& u : world.users) {
    TargetArgs t;
    t.user = u.text;
    targets.push_back(t);
  }
  int compared = 0;
  for (const Token& token : world.tokens) {
    for (const PermissionInfo& p : AllPermissions()) {
      for (const TargetArgs& target : targets) {
        RequestInput input;
        input.permission = std::string(p.name);
        input.target = target;
        const std::string twin = Summary(twin_->Resolve(token.name.text, input), *twin_);
        const std::string imported = Summary(imported_->Resolve(token.name.text, input), *imported_);
        EXPECT_EQ(imported, twin) << token.name.text << " " << p.name << " " << target.repo << target.org << target.group
                                  << target.user;
        ++compared;
      }
    }
  }
  EXPECT_GT(compared, 1000);
}

TEST_F(OrgTwinTest, TheHandWrittenCasesPassOnBoth) {
  for (const std::shared_ptr<const Engine>& engine : {imported_, twin_}) {
    const TestRun run = engine->RunTests("");
    EXPECT_GT(run.passed, 8);
    EXPECT_EQ(run.failed, 0);
    EXPECT_EQ(run.invalid, 0);
  }
}

}  // namespace
}  // namespace hubperm
