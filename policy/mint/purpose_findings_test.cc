// Copyright 2026 The hubperm Authors.
//
// broader-than-needed on testdata/audit/purpose.yaml: a fine-grained token with org-wide and global
// permissions its purpose does not need, a classic write token that only reads, and one that holds
// exactly what it needs; and for each finding, its fix applied to the world: the finding is gone, and the
// fixed token still does all of its purpose.

#include "policy/mint/purpose_findings.h"

#include <memory>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "policy/audit/apply_fix.h"
#include "policy/load/fixtures.h"
#include "policy/mint/mint.h"

namespace hubperm {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

struct Loaded {
  World world;
  std::shared_ptr<const Snapshot> snapshot;
};

Loaded Load(World world) {
  Loaded l;
  l.snapshot = Snapshot::Compile(world, SourceFiles());
  l.world = std::move(world);
  return l;
}

World PurposeWorld() {
  Fixtures f = LoadFixtures({"testdata/audit/purpose.yaml"});
  EXPECT_TRUE(f.ok()) << f.diagnostics.Render(f.files);
  return std::move(f.world);
}

const Token& TokenNamed(const World& world, const std::string& name) {
  for (const Token& t : world.tokens) {
    if (t.name.text == name) return t;
  }
  ADD_FAILURE() << "no token " << name;
  return world.tokens.front();
}

TEST(BroaderThanNeeded, ReportsTheTokensThatHoldMoreThanTheirPurpose) {
  const Loaded l = Load(PurposeWorld());
  const std::vector<Finding> findings = BroaderThanNeeded(l.world, *l.snapshot);
  ASSERT_EQ(findings.size(), 2u);
  std::vector<std::string> tokens;
  for (const Finding& f : findings) tokens.push_back(l.snapshot->token(f.token).name);
  EXPECT_THAT(tokens, ElementsAre("ci", "reader"));  // not `exact`
  EXPECT_EQ(findings[0].kind, FindingKind::kBroaderThanNeeded);
  EXPECT_THAT(findings[0].summary, HasSubstr("repo.content.read, repo.write on org acme; global discussion.write"));
  EXPECT_EQ(findings[0].evidence[0].pos.line, 25);  // the purpose
  EXPECT_THAT(findings[0].fix, HasSubstr("add repo.write on model acme/model"));
  EXPECT_THAT(findings[1].summary, HasSubstr("a classic write role (every permission its owner's roles give)"));
  EXPECT_EQ(findings[1].edits.front().kind, FixEdit::Kind::kMakeFineGrained);
}

TEST(BroaderThanNeeded, EachFixMakesTheTokenTheMintedOneAndTheFindingGoes) {
  const Loaded before = Load(PurposeWorld());
  for (const Finding& f : BroaderThanNeeded(before.world, *before.snapshot)) {
    const std::string name = before.snapshot->token(f.token).name;
    World fixed = before.world;
    ASSERT_TRUE(ApplyFix(name, f.edits, &fixed).ok()) << name;
    const Loaded after = Load(fixed);
    for (const Finding& again : BroaderThanNeeded(after.world, *after.snapshot)) {
      EXPECT_NE(after.snapshot->token(again.token).name, name) << again.summary;
    }
    // The fixed token still does all of its purpose: nothing is missing from it, and it denies nothing.
    const Token& token = TokenNamed(after.world, name);
    const std::vector<Intent> intents = PurposeIntents(token);
    Diagnostics problems;
    const MintResult minted = Mint(after.world, token.owner.text, intents, MintOptions(), &problems);
    const MintComparison c = Compare(after.world, *after.snapshot, token, intents, minted, MintOptions());
    EXPECT_TRUE(c.missing.empty()) << name;
    EXPECT_TRUE(c.denied.empty()) << name;
    EXPECT_EQ(token.role, TokenRole::kFineGrained) << name;
  }
}

TEST(BroaderThanNeeded, APurposeOfSeveralReposIsOneIntentPerRepo) {
  Token token;
  token.name = Name{"t", {}};
  Case c;
  c.operation = Name{"model_info", {}};
  c.repos = {Name{"acme/a", {}}, Name{"acme/b", {}}};
  c.tokens = {token.name};
  token.purpose.push_back(c);
  const std::vector<Intent> intents = PurposeIntents(token);
  ASSERT_EQ(intents.size(), 2u);
  EXPECT_EQ(intents[0].input.target.repo, "acme/a");
  EXPECT_EQ(intents[1].input.target.repo, "acme/b");
}

}  // namespace
}  // namespace hubperm
