// Copyright 2026 The hubperm Authors.
//
// Properties of Check over random small worlds (policy/testing/random_world.h): each world is written
// as fixture YAML, loaded and validated like a user's fixture, compiled, and asked every request it can
// answer (each token x operation x target). The properties hold whatever the world:
//   - a request is allowed exactly when the user side, the token side and the org policy all allow it;
//   - an allowed request answers 200, a denied one 403 or 404;
//   - a classic `write` token lets everything through: it decides exactly as the user side does
//     (and the org policy, which may refuse classic tokens);
//   - whatever a classic `read` token lets through, the owner's `write` token lets through too;
//   - a fine-grained token with every permission at every level decides as the user side does;
//   - the user side depends on the token's owner, never on the token;
//   - a fine-grained token lets a request through only if it holds every needed permission;
//   - a denial explains one fix per denying side, and applying those fixes to the world allows it.

#include <string>
#include <tuple>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "policy/compile/snapshot.h"
#include "policy/decide/check.h"
#include "policy/explain/explain.h"
#include "policy/explain/fix.h"
#include "policy/load/fixtures.h"
#include "policy/load/world_writer.h"
#include "policy/model/oauth.h"
#include "policy/model/operation.h"
#include "policy/testing/random_world.h"

namespace hubperm {
namespace {

constexpr uint32_t kWorlds = 150;

// Every permission the Hub accepts at `placement`.
std::vector<PermissionEntry> AllAt(uint8_t placement) {
  std::vector<PermissionEntry> out;
  PermissionsAcceptedAt(placement).ForEach([&](Permission p) {
    out.push_back(PermissionEntry{Name{std::string(PermissionName(p)), SourcePos()}, p});
  });
  return out;
}

// A fine-grained token of `owner` with every permission the Hub accepts at each place: globally, on the
// owner, on every org, group and repo; and canReadGatedRepos.
Token FullToken(const std::string& owner, const World& w) {
  Token t;
  t.name = Name{absl::StrCat(owner, "-full"), SourcePos()};
  t.owner = Name{owner, SourcePos()};
  t.role = TokenRole::kFineGrained;
  t.can_read_gated_repos = true;
  t.global = AllAt(kPlacementGlobal);
  auto scope = [&](EntityType type, const std::string& entity) {
    t.scoped.push_back(Scope{type, Name{entity, SourcePos()}, SourcePos(), AllAt(PlacementOf(type))});
  };
  scope(EntityType::kUser, owner);
  for (const Org& org : w.orgs) {
    scope(EntityType::kOrg, org.name.text);
    for (const ResourceGroup& g : org.resource_groups) scope(EntityType::kResourceGroup, g.name.text);
  }
  for (const Repo& repo : w.repos) {
    scope(EntityOfRepoType(repo.type), repo.id.text);
  }
  return t;
}

// The world of `seed`, through YAML and the loader, as a user's fixture would be.
Fixtures LoadRandomFixtures(uint32_t seed) {
  World world = RandomWorld(seed, RandomWorldShape{});
  for (const Name& user : world.users) world.tokens.push_back(FullToken(user.text, world));
  Fixtures fixtures = LoadFixtureTexts({{absl::StrCat("random-", seed, ".yaml"), WriteFixture(world)}});
  EXPECT_TRUE(fixtures.ok()) << fixtures.diagnostics.Render(fixtures.files);
  return fixtures;
}

std::shared_ptr<const Snapshot> LoadRandomWorld(uint32_t seed) {
  Fixtures fixtures = LoadRandomFixtures(seed);
  if (!fixtures.ok()) return nullptr;
  return Snapshot::Compile(fixtures.world, std::move(fixtures.files));
}

std::string Describe(const Snapshot& s, const Request& r, const Decision& d) {
  return absl::StrCat("\n", RenderExplanation(Explain(s, r, d)));
}

// The request without its token, for comparing the user side across one owner's tokens.
using UserKey = std::tuple<UserId, Operation, RepoId, UserId, OrgId, RepoType, GroupId, OrgId>;

UserKey KeyOf(const Snapshot& s, const Request& r) {
  return UserKey{s.token(r.token).owner, r.operation, r.repo, r.ns_user, r.ns_org, r.create_type, r.group, r.org};
}

class CheckPropertyTest : public testing::TestWithParam<uint32_t> {};

TEST_P(CheckPropertyTest, HoldsForEveryRequest) {
  const std::shared_ptr<const Snapshot> snapshot = LoadRandomWorld(GetParam());
  ASSERT_NE(snapshot, nullptr);
  const Snapshot& s = *snapshot;
  const std::vector<Request> requests = AllRequests(s);
  ASSERT_GT(requests.size(), 100u);

  // The decision of the classic write token of each owner, by request-without-token.
  absl::flat_hash_map<UserKey, Decision> write_decisions;
  absl::flat_hash_map<UserKey, UserSide> user_sides;
  std::vector<std::pair<const Request*, Decision>> read_decisions;  // of classic read tokens
  int allowed = 0, failures = 0;
  for (const Request& r : requests) {
    if (failures > 5) break;  // enough to debug; the rest would repeat
    const Decision d = Check(s, r);
    const Snapshot::TokenRecord& t = s.token(r.token);
    const UserKey key = KeyOf(s, r);
    auto fail = [&](absl::string_view what) {
      ++failures;
      return absl::StrCat(what, Describe(s, r, d));
    };
    allowed += d.allowed;

    EXPECT_EQ(d.allowed, d.user.allowed && d.token.allowed && d.policy.allowed) << fail("allow != all sides allow");
    if (d.allowed) {
      EXPECT_EQ(d.status, 200) << fail("allowed, but not 200");
      EXPECT_EQ(d.reply, Reply::kOk) << fail("allowed, but the reply is not OK");
    } else {
      EXPECT_TRUE(d.status == 403 || d.status == 404) << fail("denied, but neither 403 nor 404");
      EXPECT_NE(d.reply, Reply::kOk) << fail("denied, but the reply is OK");
    }

    auto [side, inserted] = user_sides.try_emplace(key, d.user);
    if (!inserted) {
      EXPECT_EQ(d.user.allowed, side->second.allowed) << fail("the user side changed with the token");
      EXPECT_EQ(d.user.access, side->second.access) << fail("the user's access changed with the token");
      EXPECT_EQ(d.user.basis, side->second.basis) << fail("the user's basis changed with the token");
      EXPECT_EQ(d.user.reason, side->second.reason) << fail("the user's reason changed with the token");
    }

    switch (t.role) {
      case TokenRole::kWrite:
        EXPECT_TRUE(d.token.allowed) << fail("a classic write token refused");
        EXPECT_EQ(d.allowed, d.user.allowed && d.policy.allowed) << fail("a classic write token differs from the user side");
        write_decisions.emplace(key, d);
        break;
      case TokenRole::kRead:
        read_decisions.emplace_back(&r, d);
        break;
      case TokenRole::kFineGrained:
        if (d.token.allowed) {
          EXPECT_TRUE(d.token.granted.ContainsAll(d.token.needed)) << fail("a fine-grained token passed without the permissions");
        }
        if (absl::EndsWith(t.name, "-full")) {
          EXPECT_EQ(d.allowed, d.user.allowed && d.policy.allowed)
              << fail("a fine-grained token with every permission differs from the user side");
        }
        break;
    }

    if (!d.allowed) {
      const Explanation e = Explain(s, r, d);
      const size_t denying = !d.user.allowed + !d.token.allowed + !d.policy.allowed;
      if (GetOperationInfo(r.operation).creates_at_destination) {
        // Two parts: one fix per denying side and part, the token's merged into one.
        EXPECT_GE(e.fixes.size(), denying) << fail("a denying side without a fix");
        EXPECT_LE(e.fixes.size(), 2 * denying) << fail("more fixes than sides and parts");
      } else {
        EXPECT_EQ(e.fixes.size(), denying) << fail("not one fix per denying side");
      }
      for (const Fix& fix : e.fixes) EXPECT_FALSE(fix.text.empty()) << fail("an empty fix");
    }
  }
  // A classic read token passes nothing its owner's write token would not.
  for (const auto& [r, d] : read_decisions) {
    auto write = write_decisions.find(KeyOf(s, *r));
    ASSERT_NE(write, write_decisions.end());
    if (d.token.allowed) {
      EXPECT_TRUE(write->second.token.allowed) << Describe(s, *r, d);
    }
    if (d.allowed && write->second.policy.allowed) {
      EXPECT_TRUE(write->second.allowed) << Describe(s, *r, d);
    }
  }
  // The worlds are not trivial: some requests pass, most do not.
  EXPECT_GT(allowed, 0);
  EXPECT_LT(allowed, static_cast<int>(requests.size()));
}

INSTANTIATE_TEST_SUITE_P(RandomWorlds, CheckPropertyTest, testing::Range<uint32_t>(0, kWorlds));

// A token's lifetime (§4a), against the decision at no particular moment: outside its lifetime a token
// is denied with 401 by the token side, whatever it may do otherwise, and the user side and the policy
// do not change; inside it, the decision is the same.
class LifetimePropertyTest : public testing::TestWithParam<uint32_t> {};

TEST_P(LifetimePropertyTest, OutsideItsLifetimeATokenGets401) {
  const std::shared_ptr<const Snapshot> snapshot = LoadRandomWorld(GetParam());
  ASSERT_NE(snapshot, nullptr);
  const Snapshot& s = *snapshot;
  const absl::Time before_all = kLifetimeEpoch - absl::Hours(24);
  const absl::Time after_all = kLifetimeEpoch + absl::Hours(24 * 1000);
  int outside = 0, failures = 0, dated = 0;
  for (TokenId t : IdsUpTo<TokenId>(s.token_count())) dated += s.token(t).created_at != absl::InfinitePast();
  for (Request r : AllRequests(s)) {
    if (failures > 5) break;
    const Decision any = Check(s, r);
    const Snapshot::TokenRecord& t = s.token(r.token);
    for (absl::Time at : {before_all, after_all, t.created_at + absl::Hours(1)}) {
      if (at == absl::InfinitePast() + absl::Hours(1)) continue;  // no created_at
      r.at = at;
      const Decision d = Check(s, r);
      const bool valid = at >= t.created_at && at < t.expires_at;
      const std::string why = absl::StrCat("at ", absl::FormatTime(at), Describe(s, r, d));
      if (valid) {
        EXPECT_EQ(d.allowed, any.allowed) << why;
        EXPECT_EQ(d.status, any.status) << why;
        failures += d.allowed != any.allowed;
        continue;
      }
      ++outside;
      EXPECT_FALSE(d.allowed) << why;
      EXPECT_FALSE(d.token.allowed) << why;
      EXPECT_EQ(d.status, 401) << why;
      EXPECT_EQ(d.token.basis, at >= t.expires_at ? TokenBasis::kExpired : TokenBasis::kNotCreated) << why;
      EXPECT_EQ(d.user.allowed, any.user.allowed) << why;
      EXPECT_EQ(d.policy.allowed, any.policy.allowed) << why;
      failures += d.allowed || d.status != 401;
    }
  }
  if (dated > 0) {
    EXPECT_GT(outside, 0);
  }
}

INSTANTIATE_TEST_SUITE_P(RandomWorlds, LifetimePropertyTest, testing::Range<uint32_t>(0, kWorlds / 3));

// The generator is deterministic: a failing seed can be replayed.
TEST(RandomWorldTest, SameSeedSameWorld) {
  EXPECT_EQ(WriteFixture(RandomWorld(7, RandomWorldShape{})), WriteFixture(RandomWorld(7, RandomWorldShape{})));
  EXPECT_NE(WriteFixture(RandomWorld(7, RandomWorldShape{})), WriteFixture(RandomWorld(8, RandomWorldShape{})));
}

// Across the worlds, every kind of rule is reached: the generator covers the engine's cases.
TEST(RandomWorldTest, ReachesEveryRule) {
  absl::flat_hash_map<int, int> basis, reason, token_source, policy_rule, reply;
  for (uint32_t seed = 0; seed < kWorlds; ++seed) {
    const std::shared_ptr<const Snapshot> s = LoadRandomWorld(seed);
    ASSERT_NE(s, nullptr);
    for (const Request& r : AllRequests(*s)) {
      const Decision d = Check(*s, r);
      ++basis[static_cast<int>(d.user.basis)];
      ++reason[static_cast<int>(d.user.reason)];
      ++token_source[static_cast<int>(d.token.source)];
      ++policy_rule[static_cast<int>(d.policy.rule)];
      ++reply[static_cast<int>(d.reply)];
    }
  }
  for (UserBasis b : {UserBasis::kAnyUser, UserBasis::kOwnNamespace, UserBasis::kOtherNamespace, UserBasis::kOrgRole,
                      UserBasis::kOrgAdmin, UserBasis::kGroupRole, UserBasis::kBestGroupRole, UserBasis::kPublicRepo,
                      UserBasis::kNoRole, UserBasis::kServiceAccount}) {
    EXPECT_GT(basis[static_cast<int>(b)], 0) << "UserBasis " << static_cast<int>(b);
  }
  for (UserReason x : {UserReason::kEnough, UserReason::kTooLow, UserReason::kCreator, UserReason::kNotCreator,
                       UserReason::kGateGranted, UserReason::kGateMember, UserReason::kGateNotGranted,
                       UserReason::kGatePending, UserReason::kGateRejected}) {
    EXPECT_GT(reason[static_cast<int>(x)], 0) << "UserReason " << static_cast<int>(x);
  }
  for (GrantSource x : {GrantSource::kNone, GrantSource::kGlobal, GrantSource::kUserScope, GrantSource::kOrgScope,
                        GrantSource::kGroupScope, GrantSource::kRepoScope, GrantSource::kImplicitPublicRead,
                        GrantSource::kGatedFlag, GrantSource::kClassicRole}) {
    EXPECT_GT(token_source[static_cast<int>(x)], 0) << "GrantSource " << static_cast<int>(x);
  }
  for (PolicyRule x : {PolicyRule::kNotOrgResource, PolicyRule::kAllowAll, PolicyRule::kRevoked,
                       PolicyRule::kClassicBlocked, PolicyRule::kRevokedUnderApproval, PolicyRule::kApproved,
                       PolicyRule::kAdminAutoApproved, PolicyRule::kPending, PolicyRule::kDenied,
                       PolicyRule::kNotRequested, PolicyRule::kFineGrainedAllowed,
                       PolicyRule::kServiceAccountToken, PolicyRule::kNotUserAccessToken}) {
    EXPECT_GT(policy_rule[static_cast<int>(x)], 0) << "PolicyRule " << static_cast<int>(x);
  }
  for (Reply x : {Reply::kOk, Reply::kRepoNotFound, Reply::kGatedNotGranted, Reply::kCreateNoRights,
                  Reply::kReadAccessOnly, Reply::kReadAccessCommit, Reply::kMissingPermissions,
                  Reply::kPolicyApproval, Reply::kPolicyRevoked, Reply::kPolicyClassic}) {
    EXPECT_GT(reply[static_cast<int>(x)], 0) << "Reply " << static_cast<int>(x);
  }
}

// ---------------------------------------------------------------------------------------------------
// Fixes work: applying the fix of every denying side to the world lets the request through.

template <typename Role>
void Raise(std::vector<Member<Role>>* members, const std::string& user, Role role) {
  for (Member<Role>& m : *members) {
    if (m.user.text == user) {
      if (m.role < role) m.role = role;
      return;
    }
  }
  Member<Role> m;
  m.user = Name{user, SourcePos()};
  m.role = role;
  members->push_back(m);
}

OrgRole OrgRoleFor(RepoAccess access) {
  switch (access) {
    case RepoAccess::kNone:
      return OrgRole::kNoAccess;
    case RepoAccess::kRead:
      return OrgRole::kRead;
    case RepoAccess::kContributor:
      return OrgRole::kContributor;
    case RepoAccess::kWrite:
      return OrgRole::kWrite;
    case RepoAccess::kAdmin:
      return OrgRole::kAdmin;
  }
  return OrgRole::kNoAccess;
}

GroupRole GroupRoleFor(RepoAccess access) { return static_cast<GroupRole>(static_cast<int>(OrgRoleFor(access))); }

Org& FindOrg(World* w, const std::string& name) {
  for (Org& org : w->orgs) {
    if (org.name.text == name) return org;
  }
  ADD_FAILURE() << "no org " << name;
  return w->orgs.front();
}

// Applies `fixes` to `w`, the world `s` was compiled from. False if a fix is not a change to the world
// (no change can help, or "use another kind of token").
bool ApplyFixes(const Snapshot& s, const Request& r, const Fixes& fixes, World* w) {
  const Snapshot::TokenRecord& t = s.token(r.token);
  const std::string owner = s.user(t.owner).name;
  Token* token = nullptr;
  for (Token& candidate : w->tokens) {
    if (candidate.name.text == t.name) token = &candidate;
  }
  if (token == nullptr) return false;
  for (const UserChange& c : fixes.user) {
    switch (c.kind) {
      case UserChangeKind::kImpossible:
        return false;
      case UserChangeKind::kOrgRole:
        Raise(&FindOrg(w, s.org(c.org).name).members, owner, OrgRoleFor(c.role));
        break;
      case UserChangeKind::kGroupRole: {
        Org& org = FindOrg(w, s.org(c.org).name);
        if (c.join_org) Raise(&org.members, owner, OrgRole::kNoAccess);
        for (ResourceGroup& g : org.resource_groups) {
          if (g.name.text == s.group(c.group).name) Raise(&g.members, owner, GroupRoleFor(c.role));
        }
        break;
      }
      case UserChangeKind::kAcceptAccessRequest:
        for (Repo& repo : w->repos) {
          if (repo.id.text == s.repo(c.repo).id && repo.type == s.repo(c.repo).type) {
            bool requested = false;  // a pending or rejected request becomes accepted
            for (Member<AccessRequestState>& r : repo.access_requests) {
              if (r.user.text == owner) {
                r.role = AccessRequestState::kAccepted;
                requested = true;
              }
            }
            if (!requested) repo.access_granted.push_back(Name{owner, SourcePos()});
          }
        }
        break;
    }
  }
  if (fixes.token) {
    const TokenChange& c = *fixes.token;
    if (c.renew) {  // a new token, valid from now on
      token->created_at.reset();
      token->expires_at.reset();
    }
    switch (c.kind) {
      case TokenChangeKind::kImpossible:
        return false;
      case TokenChangeKind::kRenewToken:
        break;
      case TokenChangeKind::kOAuthScope: {  // the app authorized again with the scopes (and the org)
        for (OAuthScope scope : OAuthScopesIn(c.oauth_scopes)) {
          token->oauth_scopes.push_back(OAuthScopeEntry{Name{std::string(NameOf(scope)), SourcePos()}, scope});
        }
        for (OrgId org : c.oauth_orgs) token->oauth_orgs.push_back(Name{s.org(org).name, SourcePos()});
        break;
      }
      case TokenChangeKind::kAllowGatedRepos:
        token->can_read_gated_repos = true;
        break;
      case TokenChangeKind::kUseWriteToken:
        token->role = TokenRole::kWrite;
        break;
      case TokenChangeKind::kAddPermissions:
        for (const ScopeAddition& a : c.additions) {
          const std::string entity(s.EntityName(a.type, a.entity));
          Scope* scope = nullptr;
          for (Scope& candidate : token->scoped) {
            if (candidate.type == a.type && candidate.entity.text == entity) scope = &candidate;
          }
          PermissionSet add = a.add;
          if (scope == nullptr) {  // a new scope lists what it must keep too
            token->scoped.push_back(Scope{a.type, Name{entity, SourcePos()}, SourcePos(), {}});
            scope = &token->scoped.back();
            add = add | a.keep;
          }
          add.ForEach([&](Permission p) {
            scope->permissions.push_back(PermissionEntry{Name{std::string(PermissionName(p)), SourcePos()}, p});
          });
        }
        break;
    }
  }
  for (const PolicyChange& c : fixes.policy) {
    if (c.kind == PolicyChangeKind::kUseFineGrainedToken) return false;
    const std::string org = s.org(c.org).name;
    bool found = false;
    for (OrgApproval& a : token->org_status) {
      if (a.org.text == org) {
        a.status = ApprovalStatus::kApproved;
        found = true;
      }
    }
    if (!found) token->org_status.push_back(OrgApproval{Name{org, SourcePos()}, ApprovalStatus::kApproved, SourcePos()});
  }
  return true;
}

class FixPropertyTest : public testing::TestWithParam<uint32_t> {};

TEST_P(FixPropertyTest, ApplyingTheFixesAllows) {
  Fixtures fixtures = LoadRandomFixtures(GetParam());
  ASSERT_TRUE(fixtures.ok());
  const std::shared_ptr<const Snapshot> snapshot = Snapshot::Compile(fixtures.world, fixtures.files);
  const Snapshot& s = *snapshot;
  int tried = 0, applied = 0, failures = 0;
  for (const Request& r : AllRequests(s)) {
    const Decision d = Check(s, r);
    if (d.allowed || ++tried % 3 != 0 || failures > 5) continue;  // every third denial, for time
    const Fixes fixes = FindFixes(s, r, d);
    World fixed = fixtures.world;
    if (!ApplyFixes(s, r, fixes, &fixed)) continue;
    ++applied;
    const std::shared_ptr<const Snapshot> after = Snapshot::Compile(fixed, fixtures.files);
    const Decision then = Check(*after, r);
    if (!then.allowed) ++failures;
    EXPECT_TRUE(then.allowed) << "the fixes did not allow it; before:" << Describe(s, r, d) << "after:"
                              << Describe(*after, r, then);
  }
  EXPECT_GT(applied, 10);
}

INSTANTIATE_TEST_SUITE_P(RandomWorlds, FixPropertyTest, testing::Range<uint32_t>(0, kWorlds));

}  // namespace
}  // namespace hubperm
