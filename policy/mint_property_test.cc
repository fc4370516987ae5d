// Copyright 2026 The hubperm Authors.
//
// Mint's promise, on random worlds and random intents (issue: "the minted token allows every intent, and
// removing any single permission or narrowing any single scope denies at least one intent"), checked
// from outside: the minted token is written as a fixture, loaded beside the world through the facade
// (so it is a valid fixture entry), and every intent is decided as `hubperm check` decides it.
//   - every intent Mint says is allowed is allowed, with the token as minted;
//   - removing any one permission denies at least one of them, exactly the ones `needed_by` lists;
//   - narrowing any namespace scope (an org's to one of its groups or repos, a group's or a user's to
//     one of its repos) denies at least one of them;
//   - an intent Mint says the owner's user side forbids is refused by the user side.

#include <algorithm>
#include <iostream>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "policy/hubperm.h"
#include "policy/load/world_writer.h"
#include "policy/testing/random_world.h"

namespace hubperm {
namespace {

// The methods intents are drawn from, by what they target.
struct Method {
  const char* name;
  TargetKind target;
};
constexpr Method kMethods[] = {
    {"repo_info", TargetKind::kRepo},       {"delete_repo", TargetKind::kRepo},
    {"update_repo_settings", TargetKind::kRepo}, {"create_branch", TargetKind::kRepo},
    {"create_commit", TargetKind::kRepo},   {"hf_hub_download", TargetKind::kRepo},
    {"create_repo", TargetKind::kNamespace}, {"list_organization_members", TargetKind::kOrg},
};

// Random intents, most of them (7 in 10) in the owner's own namespaces: the orgs the owner belongs to and
// the owner's user namespace, where a token has something to grant.
std::vector<Intent> RandomIntents(const World& world, const std::string& owner, std::mt19937* rng) {
  std::vector<std::string> own = {owner};
  for (const Org& org : world.orgs) {
    for (const Member<OrgRole>& m : org.members) {
      if (m.user.text == owner) own.push_back(org.name.text);
    }
  }
  std::vector<const Repo*> own_repos;
  for (const Repo& repo : world.repos) {
    if (std::find(own.begin(), own.end(), std::string(repo.ns())) != own.end()) own_repos.push_back(&repo);
  }
  const auto mine = [&] { return (*rng)() % 10 < 7; };
  std::vector<Intent> out;
  const int n = 1 + static_cast<int>((*rng)() % 4);
  for (int i = 0; i < n; ++i) {
    const Method& m = kMethods[(*rng)() % (sizeof(kMethods) / sizeof(kMethods[0]))];
    Intent intent;
    intent.input.operation = m.name;
    TargetArgs& t = intent.input.target;
    t.dialect = Dialect::kCaseKeys;
    if (m.target == TargetKind::kRepo) {
      if (world.repos.empty()) continue;
      const Repo& repo = !own_repos.empty() && mine() ? *own_repos[(*rng)() % own_repos.size()]
                                                       : world.repos[(*rng)() % world.repos.size()];
      t.repo = repo.id.text;
      t.repo_type = repo.type;
    } else if (m.target == TargetKind::kNamespace) {
      const bool org = !world.orgs.empty() && (*rng)() % 3 != 0;
      const std::string ns = mine()  ? own[(*rng)() % own.size()]
                             : org   ? world.orgs[(*rng)() % world.orgs.size()].name.text
                                     : world.users[(*rng)() % world.users.size()].text;
      t.repo = absl::StrCat(ns, "/minted-", i);
      t.repo_type = RepoType::kModel;
    } else {
      if (world.orgs.empty()) continue;
      t.org = own.size() > 1 && mine() ? own[1 + (*rng)() % (own.size() - 1)]
                                       : world.orgs[(*rng)() % world.orgs.size()].name.text;
    }
    out.push_back(std::move(intent));
  }
  return out;
}

// `world` with `token` (and, where a token policy asks for it, its approval), through the facade.
std::shared_ptr<const Engine> WithToken(const World& world, Token token) {
  World w = world;
  w.cases.clear();
  for (const Org& org : w.orgs) {
    if (org.token_policy == TokenPolicy::kRequireApproval) {
      token.org_status.push_back(OrgApproval{Name{org.name.text, {}}, ApprovalStatus::kApproved, {}});
    }
  }
  w.tokens.push_back(std::move(token));
  LoadResult loaded = Engine::LoadTexts({{"world.yaml", WriteFixture(w)}});
  EXPECT_TRUE(loaded.ok()) << loaded.RenderIssues();
  return loaded.engine;
}

// The decision of `intent` for `token` as `hubperm check` makes it: allowed, and whether the user side
// refused (the deciding step's, for a client method of several requests).
struct Outcome {
  bool allowed = false;
  bool user_refused = false;
};

Outcome Decide(const Engine& engine, const std::string& token, const Intent& intent) {
  Outcome out;
  if (AsksSequence(intent.input)) {
    const absl::StatusOr<SequenceDescription> sequence = ParseSequenceInput(intent.input);
    EXPECT_TRUE(sequence.ok()) << sequence.status();
    const absl::StatusOr<SequenceExplanation> e = engine.ExplainSequence(token, *sequence);
    EXPECT_TRUE(e.ok()) << e.status();
    out.allowed = e->allowed;
    const StepResult& step = e->steps[e->deciding_step - 1];
    out.user_refused = !e->allowed && step.explanation.has_value() && !step.explanation->decision.user.allowed;
    return out;
  }
  const absl::StatusOr<ResolvedRequest> request = engine.Resolve(token, intent.input);
  EXPECT_TRUE(request.ok()) << request.status();
  const Decision d = engine.Check(*request);
  out.allowed = d.allowed;
  out.user_refused = !d.user.allowed;
  return out;
}

// The intents (of those Mint allowed) that `token` does not allow.
std::set<int> DeniedUnder(const World& world, const Token& token, const std::vector<Intent>& intents,
                          const MintResult& minted) {
  const std::shared_ptr<const Engine> engine = WithToken(world, token);
  std::set<int> denied;
  if (engine == nullptr) return denied;
  for (size_t i = 0; i < intents.size(); ++i) {
    if (minted.intents[i].outcome != IntentOutcome::kAllowed) continue;
    if (!Decide(*engine, token.name.text, intents[i]).allowed) denied.insert(static_cast<int>(i));
  }
  return denied;
}

// The entities a namespace scope can be narrowed to: an org's groups and repos, a group's repos, a
// user's repos.
std::vector<std::pair<EntityType, std::string>> Narrower(const World& world, const Scope& scope) {
  std::vector<std::pair<EntityType, std::string>> out;
  if (scope.type == EntityType::kOrg) {
    for (const Org& org : world.orgs) {
      if (org.name.text != scope.entity.text) continue;
      for (const ResourceGroup& g : org.resource_groups) out.emplace_back(EntityType::kResourceGroup, g.name.text);
    }
  }
  for (const Repo& repo : world.repos) {
    const bool in_scope =
        scope.type == EntityType::kResourceGroup
            ? repo.resource_group.has_value() && repo.resource_group->text == scope.entity.text
            : (scope.type == EntityType::kOrg || scope.type == EntityType::kUser) && repo.ns() == scope.entity.text;
    if (in_scope) out.emplace_back(EntityOfRepoType(repo.type), repo.id.text);
  }
  return out;
}

TEST(MintProperty, TheMintedTokenIsMinimalAndAllowsEveryIntent) {
  int minted_tokens = 0, permissions_checked = 0, narrowings_checked = 0, user_refusals = 0;
  for (uint32_t seed = 1; seed <= 300; ++seed) {
    RandomWorldShape shape;
    shape.random_assumptions = seed % 2 == 0;
    const World world = RandomWorld(seed, shape);
    std::mt19937 rng(seed);
    const std::string owner = world.users[rng() % world.users.size()].text;
    const std::vector<Intent> intents = RandomIntents(world, owner, &rng);
    Diagnostics problems;
    const MintResult minted = Mint(world, owner, intents, MintOptions(), &problems);
    ASSERT_EQ(problems.error_count(), 0) << "seed " << seed;
    ++minted_tokens;
    const std::string context = absl::StrCat("seed ", seed, ", owner ", owner, ", token:\n", WriteFixture(minted.AsWorld()));

    // Every intent Mint allows is allowed; one it says the user side forbids is refused by it.
    const std::shared_ptr<const Engine> engine = WithToken(world, minted.token);
    ASSERT_NE(engine, nullptr) << context;
    for (size_t i = 0; i < intents.size(); ++i) {
      const Outcome o = Decide(*engine, minted.token.name.text, intents[i]);
      if (minted.intents[i].outcome == IntentOutcome::kAllowed) {
        EXPECT_TRUE(o.allowed) << context << "intent " << minted.intents[i].request;
      } else if (minted.intents[i].outcome == IntentOutcome::kUserSide) {
        EXPECT_TRUE(o.user_refused) << context << "intent " << minted.intents[i].request;
        ++user_refusals;
      }
    }

    // Removing any one permission denies the intents its needed_by lists, and at least one.
    for (const MintedGrant& g : minted.grants) {
      Token without = minted.token;
      for (Scope& scope : without.scoped) {
        if (scope.type != g.type || scope.entity.text != g.entity) continue;
        std::vector<PermissionEntry> kept;
        for (const PermissionEntry& p : scope.permissions) {
          if (p.permission != g.permission) kept.push_back(p);
        }
        scope.permissions = kept;
      }
      without.scoped.erase(std::remove_if(without.scoped.begin(), without.scoped.end(),
                                          [](const Scope& s) { return s.permissions.empty(); }),
                           without.scoped.end());
      const std::set<int> denied = DeniedUnder(world, without, intents, minted);
      EXPECT_FALSE(denied.empty()) << context << "removing " << PermissionName(g.permission) << " from " << g.entity;
      EXPECT_EQ(denied, std::set<int>(g.needed_by.begin(), g.needed_by.end())) << context << g.entity;
      ++permissions_checked;
    }

    // Narrowing any namespace scope denies at least one intent.
    for (size_t s = 0; s < minted.token.scoped.size(); ++s) {
      for (const auto& [type, entity] : Narrower(world, minted.token.scoped[s])) {
        Token narrowed = minted.token;
        narrowed.scoped[s].type = type;
        narrowed.scoped[s].entity = Name{entity, {}};
        // A permission the narrower entity does not accept (org.read on a repo) is left out, as the Hub's
        // form would.
        std::vector<PermissionEntry> accepted;
        for (const PermissionEntry& p : narrowed.scoped[s].permissions) {
          if (PermissionsAcceptedAt(PlacementOf(type)).Contains(*p.permission)) accepted.push_back(p);
        }
        narrowed.scoped[s].permissions = accepted;
        bool duplicate = false;
        for (size_t o = 0; o < narrowed.scoped.size(); ++o) {
          duplicate = duplicate || (o != s && narrowed.scoped[o].type == type && narrowed.scoped[o].entity.text == entity);
        }
        if (duplicate || accepted.empty()) continue;  // not a narrowing of this scope alone, or nothing left of it
        EXPECT_FALSE(DeniedUnder(world, narrowed, intents, minted).empty())
            << context << "narrowing " << minted.token.scoped[s].entity.text << " to " << entity;
        ++narrowings_checked;
      }
    }
  }
  std::cout << minted_tokens << " tokens, " << permissions_checked << " permissions removed, " << narrowings_checked
            << " scopes narrowed, " << user_refusals << " user-side refusals\n";
  // The property held on enough cases to mean something.
  EXPECT_GE(minted_tokens, 300);
  EXPECT_GE(permissions_checked, 300);
  EXPECT_GE(narrowings_checked, 25);
  EXPECT_GE(user_refusals, 100);
}

}  // namespace
}  // namespace hubperm
