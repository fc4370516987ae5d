// Copyright 2026 The hubperm Authors.
//
// diff against brute force on random worlds: each world is changed by random `--set`s and edits of every
// kind (a member's org or group role, a token's permissions or role, a token policy, plan or approval, a
// repo's visibility, gating, group or access requests, a token or a repo added or removed, an
// assumption), loaded through the whole pipeline as `hubperm diff` loads it, and Diff's changes must be
// exactly the requests of the space (every token x every request, ForEachSpaceRequest) whose answer
// differs between the two worlds, each touched by at least one changed fact.

#include <algorithm>
#include <iostream>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "policy/diff/diff.h"
#include "policy/hubperm.h"
#include "policy/load/world_writer.h"
#include "policy/testing/random_world.h"

namespace hubperm {
namespace {

enum Kind { kOrgRole, kGroupRole, kScope, kPolicy, kRepoFact, kToken, kRepoAdded, kAssumption, kPlan, kKindCount };
constexpr const char* kKindNames[kKindCount] = {"org role", "group role", "scope",   "policy", "repo",
                                                "token",    "repo added/removed", "assumption", "plan"};

template <typename T>
const T& Pick(const std::vector<T>& v, std::mt19937* rng) {
  return v[(*rng)() % v.size()];
}
std::string PickOf(std::initializer_list<const char*> v, std::mt19937* rng) {
  return *(v.begin() + (*rng)() % v.size());
}

std::string RandomPermissions(std::mt19937* rng) {
  static const std::vector<std::string> kPermissions = {"repo.content.read", "repo.write", "discussion.write",
                                                        "org.read", "org.write", "resource_group.write",
                                                        "repo.access.read"};
  std::string out;
  const int n = static_cast<int>((*rng)() % 3) + 1;
  for (int i = 0; i < n; ++i) absl::StrAppend(&out, i ? "," : "", Pick(kPermissions, rng));
  return out;
}

// One random change of `kind`, as a set (or, for added and removed records, an edit of `after`).
// Returns false when the world has nothing of that kind to change.
bool RandomChange(Kind kind, const World& world, std::mt19937* rng, std::vector<std::string>* sets, World* after) {
  std::vector<std::string> users;
  for (const Name& u : world.users) users.push_back(u.text);
  switch (kind) {
    case kOrgRole: {
      if (world.orgs.empty()) return false;
      const Org& org = Pick(world.orgs, rng);
      sets->push_back(absl::StrCat("orgs.", org.name.text, ".members.", Pick(users, rng), "=",
                                   PickOf({"none", "no_access", "read", "contributor", "write", "admin"}, rng)));
      return true;
    }
    case kGroupRole: {
      std::vector<std::pair<std::string, std::string>> groups;
      for (const Org& org : world.orgs) {
        for (const ResourceGroup& g : org.resource_groups) groups.emplace_back(org.name.text, g.name.text);
      }
      if (groups.empty()) return false;
      const auto& [org, group] = Pick(groups, rng);
      sets->push_back(absl::StrCat("orgs.", org, ".resource_groups.", group, ".members.", Pick(users, rng), "=",
                                   PickOf({"none", "no_access", "read", "contributor", "write", "admin"}, rng)));
      return true;
    }
    case kScope: {
      std::vector<const Token*> tokens;
      for (const Token& t : world.tokens) {
        if (t.kind == TokenKind::kUser) tokens.push_back(&t);
      }
      if (tokens.empty()) return false;
      const Token& t = *Pick(tokens, rng);
      const int what = static_cast<int>((*rng)() % 4);
      if (what == 0) {
        sets->push_back(absl::StrCat("tokens.", t.name.text, ".role=", PickOf({"read", "write", "fineGrained"}, rng)));
        return true;
      }
      if (t.role != TokenRole::kFineGrained) {
        sets->push_back(absl::StrCat("tokens.", t.name.text, ".role=fineGrained"));
      }
      if (what == 1) {
        sets->push_back(absl::StrCat("tokens.", t.name.text, ".can_read_gated_repos=", PickOf({"true", "false"}, rng)));
      } else if (what == 2 && !world.orgs.empty()) {
        // A scope on an org, or on a repo (named with the repo's own type).
        std::string entity = absl::StrCat("org:", Pick(world.orgs, rng).name.text);
        if ((*rng)() % 2 == 0 && !world.repos.empty()) {
          const Repo& repo = world.repos[(*rng)() % world.repos.size()];
          entity = absl::StrCat(NameOf(EntityOfRepoType(repo.type)), ":", repo.id.text);
        }
        const bool drop = (*rng)() % 3 == 0;
        sets->push_back(absl::StrCat("tokens.", t.name.text, ".scoped.", entity, "=", drop ? "none" : RandomPermissions(rng)));
      } else {
        sets->push_back(absl::StrCat("tokens.", t.name.text, ".scoped.user:", t.owner.text, "=", RandomPermissions(rng)));
      }
      return true;
    }
    case kPolicy: {
      std::vector<const Org*> paid;
      for (const Org& o : world.orgs) {
        if (o.plan != OrgPlan::kFree) paid.push_back(&o);
      }
      if (paid.empty() || world.tokens.empty()) return false;
      const Org& org = *Pick(paid, rng);
      if ((*rng)() % 2 == 0) {
        sets->push_back(absl::StrCat("orgs.", org.name.text, ".token_policy=",
                                     PickOf({"allow_all", "fine_grained_only", "require_approval"}, rng)));
      } else {
        const Token& t = world.tokens[(*rng)() % world.tokens.size()];
        sets->push_back(absl::StrCat("tokens.", t.name.text, ".org_status.", org.name.text, "=",
                                     PickOf({"none", "approved", "pending", "denied", "revoked", "auto_approved"}, rng)));
      }
      return true;
    }
    case kRepoFact: {
      if (world.repos.empty()) return false;
      const Repo& repo = world.repos[(*rng)() % world.repos.size()];
      const std::string path = absl::StrCat("repos.", NameOf(repo.type), ":", repo.id.text);
      const int what = static_cast<int>((*rng)() % 4);
      if (what == 0) {
        sets->push_back(absl::StrCat(path, ".private=", PickOf({"true", "false"}, rng)));
      } else if (what == 1) {
        sets->push_back(absl::StrCat(path, ".gated=", PickOf({"false", "auto", "manual"}, rng)));
      } else if (what == 2) {
        std::string group = "none";
        for (const Org& o : world.orgs) {
          if (o.name.text == repo.ns() && !o.resource_groups.empty() && (*rng)() % 3 != 0) {
            group = o.resource_groups[(*rng)() % o.resource_groups.size()].name.text;
          }
        }
        sets->push_back(absl::StrCat(path, ".resource_group=", group));
      } else {
        if (repo.gated == Gating::kNone) sets->push_back(absl::StrCat(path, ".gated=manual"));
        sets->push_back(absl::StrCat(path, ".access_requests.", Pick(users, rng), "=",
                                     PickOf({"none", "accepted", "pending", "rejected"}, rng)));
      }
      return true;
    }
    case kToken: {
      if (world.tokens.empty()) return false;
      const Token& t = world.tokens[(*rng)() % world.tokens.size()];
      if ((*rng)() % 2 == 0) {
        sets->push_back(absl::StrCat("tokens.", t.name.text, "=none"));
      } else {
        Token copy = t;
        copy.name.text = absl::StrCat(t.name.text, "-new");
        after->tokens.push_back(copy);
      }
      return true;
    }
    case kRepoAdded: {
      if (world.repos.empty()) return false;
      const size_t i = (*rng)() % world.repos.size();
      if ((*rng)() % 2 == 0) {
        after->repos.erase(after->repos.begin() + static_cast<std::ptrdiff_t>(i));
      } else {
        Repo copy = world.repos[i];
        copy.id.text += "-new";
        copy.created_by_token.reset();
        after->repos.push_back(copy);
      }
      return true;
    }
    case kAssumption:
      sets->push_back(absl::StrCat("assumptions.",
                                   PickOf({"org_role_applies_in_groups", "repo_write_implies_read",
                                           "hide_private_repo_from_token", "repo_scope_overrides_namespace_scope"},
                                          rng),
                                   "=", PickOf({"true", "false"}, rng)));
      return true;
    case kPlan: {
      if (world.orgs.empty()) return false;
      sets->push_back(absl::StrCat("orgs.", Pick(world.orgs, rng).name.text, ".plan=",
                                   PickOf({"free", "team", "enterprise"}, rng)));
      return true;
    }
    default:
      return false;
  }
}

bool SameRequest(const DiffRequest& a, const DiffRequest& b) {
  return a.operation == b.operation && a.token == b.token && a.repo == b.repo && a.ns == b.ns && a.org == b.org &&
         a.group == b.group && a.type == b.type;
}
bool SameVerdict(const DiffVerdict& a, const DiffVerdict& b) {
  return a.presence == b.presence && a.allowed == b.allowed && a.status == b.status && a.denied == b.denied;
}

TEST(DiffProperty, ReportsExactlyTheDecisionsThatChanged) {
  int worlds = 0;
  int64_t compared = 0, changed = 0, gained = 0, lost = 0, classed_changes = 0, group_classed_changes = 0;
  int kind_worlds[kKindCount] = {}, kind_changes[kKindCount] = {};
  // The default shape, whose tokens are inside most namespaces, then a wider one, whose tokens are
  // outside of most (their repos decided in classes).
  RandomWorldShape wide;
  wide.users = 8;
  wide.orgs = 4;
  wide.max_repos_per_namespace = 5;
  wide.fine_grained_tokens_per_user = 1;
  for (uint32_t seed = 1; seed <= 180; ++seed) {
    const World world = RandomWorld(seed, seed <= 120 ? RandomWorldShape() : wide);
    const std::string before_text = WriteFixture(world);
    LoadResult before = Engine::LoadTexts({{"before.yaml", before_text}});
    ASSERT_TRUE(before.ok()) << before.RenderIssues();
    std::mt19937 rng(seed * 7919);
    const Kind kind = static_cast<Kind>(seed % kKindCount);
    // A change of `kind` (and sometimes one more of any kind) that leaves the world valid.
    LoadResult after;
    for (int attempt = 0; attempt < 30 && !after.ok(); ++attempt) {
      std::vector<std::string> sets;
      World edited = world;
      if (!RandomChange(kind, world, &rng, &sets, &edited)) continue;
      if (rng() % 3 == 0) RandomChange(static_cast<Kind>(rng() % kKindCount), world, &rng, &sets, &edited);
      LoadOptions options;
      options.overrides = sets;
      after = Engine::LoadTexts({{"after.yaml", WriteFixture(edited)}}, options);
    }
    if (!after.ok()) continue;
    ++worlds;
    ++kind_worlds[kind];

    const WorldPair pair(before.engine->snapshot(), after.engine->snapshot());
    const DiffResult diff = Diff(pair);

    // Brute force: every token x every request of the space, in both worlds.
    std::vector<DecisionChange> brute;
    for (int32_t t = 0; t < pair.token_count(); ++t) {
      ForEachSpaceRequest(pair, t, [&](const DiffRequest& d) {
        DecisionChange c;
        c.request = d;
        c.before = DecideIn(pair, kBefore, d, Request::kAnyMoment);
        c.after = DecideIn(pair, kAfter, d, Request::kAnyMoment);
        ++compared;
        if (Differs(c.before, c.after)) brute.push_back(c);
      });
    }
    std::stable_sort(brute.begin(), brute.end(),
                     [&](const DecisionChange& a, const DecisionChange& b) { return SpaceOrder(pair, a.request, b.request); });
    // The diff's changes, each class's change once for each of its repos, in the space's order.
    std::vector<DecisionChange> got_all;
    int classed = 0, group_classed = 0;
    for (const DecisionChange& c : diff.changes) {
      EXPECT_FALSE(diff.FactsOf(pair, c).empty())
          << "seed " << seed << ": a change touched by no fact: " << GetOperationInfo(c.request.operation).name
          << " token " << pair.token_name(c.request.token);
      if (c.repo_class != kNoIndex) {
        ++classed;
        EXPECT_GE(diff.classes[c.repo_class].repos.size(), 2u);
        EXPECT_EQ(diff.classes[c.repo_class].repos[0], c.request.repo);
      }
      if (c.group_class != kNoIndex) {
        ++group_classed;
        EXPECT_GE(diff.group_classes[c.group_class].groups.size(), 2u);
        EXPECT_EQ(diff.group_classes[c.group_class].groups[0], c.request.group);
      }
      diff.ForEachRequest(c, [&](const DiffRequest& d) {
        DecisionChange one = c;
        one.request = d;
        one.repo_class = kNoIndex;
        got_all.push_back(one);
      });
    }
    // Every class listed is one a change stands for (the JSON lists them all).
    std::set<int32_t> repo_classes_used, group_classes_used;
    for (const DecisionChange& c : diff.changes) {
      if (c.repo_class != kNoIndex) repo_classes_used.insert(c.repo_class);
      if (c.group_class != kNoIndex) group_classes_used.insert(c.group_class);
    }
    EXPECT_EQ(repo_classes_used.size(), diff.classes.size()) << "seed " << seed;
    EXPECT_EQ(group_classes_used.size(), diff.group_classes.size()) << "seed " << seed;
    classed_changes += classed;
    group_classed_changes += group_classed;
    std::stable_sort(got_all.begin(), got_all.end(),
                     [&](const DecisionChange& a, const DecisionChange& b) { return SpaceOrder(pair, a.request, b.request); });
    ASSERT_EQ(got_all.size(), brute.size()) << "seed " << seed << " kind " << kKindNames[kind];
    for (size_t i = 0; i < brute.size(); ++i) {
      const DecisionChange& got = got_all[i];
      const DecisionChange& want = brute[i];
      ASSERT_TRUE(SameRequest(got.request, want.request))
          << "seed " << seed << " change " << i << ": " << GetOperationInfo(got.request.operation).name << " vs "
          << GetOperationInfo(want.request.operation).name << " token " << pair.token_name(want.request.token);
      EXPECT_TRUE(SameVerdict(got.before, want.before)) << "seed " << seed << " change " << i;
      EXPECT_TRUE(SameVerdict(got.after, want.after)) << "seed " << seed << " change " << i;
      gained += want.gained();
      lost += want.lost();
    }
    EXPECT_EQ(diff.changed, static_cast<int64_t>(brute.size()));
    EXPECT_EQ(diff.gained + diff.lost + diff.other, static_cast<int64_t>(brute.size()));
    EXPECT_EQ(diff.changes.empty(), brute.empty());
    changed += static_cast<int64_t>(brute.size());
    kind_changes[kind] += static_cast<int>(brute.size());
  }
  EXPECT_GE(worlds, 160);
  for (int k = 0; k < kKindCount; ++k) {
    EXPECT_GE(kind_worlds[k], 10) << kKindNames[k];
    EXPECT_GT(kind_changes[k], 0) << "no change of kind " << kKindNames[k] << " changed a decision";
  }
  EXPECT_GT(gained, 100);
  EXPECT_GT(lost, 100);
  EXPECT_GT(classed_changes, 0) << "no change stood for a class of repos: the classes went untested";
  EXPECT_GT(group_classed_changes, 0) << "no change stood for a class of groups: the classes went untested";
  std::cout << worlds << " worlds, " << compared << " requests compared, " << changed << " changed (" << classed_changes << " changes of a class of repos, " << group_classed_changes << " of groups; " << gained
            << " gained, " << lost << " lost)\n";
}

// Two identical worlds differ in nothing, and no request is decided.
TEST(DiffProperty, AWorldAgainstItselfChangesNothing) {
  const World world = RandomWorld(3, RandomWorldShape());
  LoadResult a = Engine::LoadTexts({{"a.yaml", WriteFixture(world)}});
  LoadResult b = Engine::LoadTexts({{"b.yaml", WriteFixture(world)}});
  ASSERT_TRUE(a.ok() && b.ok());
  const WorldPair pair(a.engine->snapshot(), b.engine->snapshot());
  const DiffResult diff = Diff(pair);
  EXPECT_TRUE(diff.delta.empty());
  EXPECT_TRUE(diff.changes.empty());
  EXPECT_EQ(diff.decisions, 0);
}

}  // namespace
}  // namespace hubperm
