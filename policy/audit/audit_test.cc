// Copyright 2026 The hubperm Authors.
//
// The audit: the findings of testdata/audit/world.yaml (one token per kind of finding, and one with
// none) row by row; the founding scenario reported as "will fail"; goldens of the text and JSON reports;
// every finding's fix, applied to its world, makes that finding disappear (on every testdata world and
// on random worlds); and the effective access computed from each token's reach agrees with asking about
// every repo and every namespace of the world.

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "policy/audit/apply_fix.h"
#include "policy/audit/audit.h"
#include "policy/audit/audit_report.h"
#include "policy/common/timestamp.h"
#include "policy/compile/snapshot.h"
#include "policy/decide/check.h"
#include "policy/load/fixtures.h"
#include "policy/load/world_writer.h"
#include "policy/model/operation.h"
#include "policy/testing/random_world.h"
#include "testdata/fixture_files.h"

namespace hubperm {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr uint32_t kRandomWorlds = 120;

struct Loaded {
  World world;
  std::shared_ptr<const Snapshot> snapshot;
};

Loaded Load(const std::vector<std::string>& paths) {
  Fixtures fixtures = LoadFixtures(paths);
  EXPECT_TRUE(fixtures.ok()) << fixtures.RenderIssues();
  Loaded loaded;
  loaded.world = fixtures.world;
  loaded.snapshot = Snapshot::Compile(fixtures.world, std::move(fixtures.files));
  return loaded;
}

// A world as fixture text, loaded like a user's (so every fix must leave a valid fixture).
Loaded LoadWorld(const World& world, const std::string& name) {
  Fixtures fixtures = LoadFixtureTexts({{name, WriteFixture(world)}});
  EXPECT_TRUE(fixtures.ok()) << name << ":\n" << fixtures.RenderIssues() << WriteFixture(world);
  Loaded loaded;
  loaded.world = fixtures.world;
  if (fixtures.ok()) loaded.snapshot = Snapshot::Compile(fixtures.world, std::move(fixtures.files));
  return loaded;
}

using Key = std::tuple<std::string, std::string, std::string>;  // kind, token, subject

std::set<Key> Keys(const Snapshot& s, const AuditReport& report) {
  std::set<Key> keys;
  for (const Finding& f : report.findings) {
    keys.insert({std::string(GetFindingKindInfo(f.kind).name), s.token(f.token).name, f.subject});
  }
  return keys;
}

TEST(AuditWorld, EachTokenHasExactlyItsFindings) {
  const Loaded w = Load({"testdata/audit/world.yaml"});
  const std::set<Key> expected = {
      {"will-fail", "limited-test-token", "group token-test-group"},
      {"does-nothing", "limited-test-token", ""},
      {"broad-org-write", "alice-broad", "org acme"},
      {"dead-scope", "alice-dead", "org old-team"},
      {"dead-scope", "alice-dead", "model acme/model-a"},
      {"classic-write", "bob-classic", ""},
      // strict requires approval, which refuses classic tokens [doc, November 2026].
      {"blocked-by-policy", "bob-classic", "org strict"},
      {"blocked-by-policy", "bob-pending", "org strict"},
      {"does-nothing", "bob-pending", ""},
      {"blocked-by-policy", "carol-read", "org fgonly"},
      {"blocked-by-policy", "erin-revoked", "org strict"},
      {"does-nothing", "erin-revoked", ""},
  };
  EXPECT_EQ(Keys(*w.snapshot, Audit(*w.snapshot)), expected);
}

TEST(AuditWorld, TheFoundingScenarioWillFail) {
  const Loaded w = Load({"testdata/founding/world.yaml"});
  const AuditReport report = Audit(*w.snapshot);
  ASSERT_FALSE(report.findings.empty());
  const Finding& f = report.findings[0];
  EXPECT_EQ(f.kind, FindingKind::kWillFail);
  EXPECT_EQ(f.subject, "group token-test-group");
  EXPECT_THAT(f.summary, HasSubstr("alice is write in resource group token-test-group, but token limited-test-token does not cover it"));
  // The user side allows each failing request; the token side denies it.
  ASSERT_EQ(f.requests.size(), 3u);
  for (const Request& r : f.requests) {
    const Decision d = Check(*w.snapshot, r);
    EXPECT_TRUE(d.user.allowed) << DescribeRequest(*w.snapshot, r);
    EXPECT_FALSE(d.token.allowed) << DescribeRequest(*w.snapshot, r);
  }
  EXPECT_EQ(DescribeRequest(*w.snapshot, f.requests[2]), "create_repo in org acme (into resource group token-test-group)");
  EXPECT_THAT(f.fix, HasSubstr("add repo.content.read, repo.write scoped to resource-group token-test-group"));
}

struct GoldenCase {
  const char* name;
  std::vector<std::string> files;
  const char* golden;
  bool json;
  const char* at = nullptr;  // the audit's moment (audit --at), or none
};

// The options of `audit --at AT` with the default thresholds.
AuditOptions At(const char* at) {
  AuditOptions options;
  if (at != nullptr) options.at = *ParseTimestamp(at);
  return options;
}

class AuditGoldenTest : public ::testing::TestWithParam<GoldenCase> {};

TEST_P(AuditGoldenTest, MatchesTheGolden) {
  const Loaded w = Load(GetParam().files);
  const AuditReport report = Audit(*w.snapshot, At(GetParam().at));
  const std::string actual = GetParam().json ? RenderAuditJson(*w.snapshot, report) : RenderAuditText(*w.snapshot, report);
  EXPECT_EQ(actual, ReadFileOrEmpty(GetParam().golden)) << "actual:\n" << actual;
}

INSTANTIATE_TEST_SUITE_P(
    Reports, AuditGoldenTest,
    ::testing::Values(GoldenCase{"FoundingText", {"testdata/founding/world.yaml"}, "testdata/golden/audit_founding.txt", false},
                      GoldenCase{"WorldText", {"testdata/audit/world.yaml"}, "testdata/golden/audit_world.txt", false},
                      GoldenCase{"WorldJson", {"testdata/audit/world.yaml"}, "testdata/golden/audit_world.json", true},
                      GoldenCase{"AlikeText", {"testdata/audit/alike.yaml"}, "testdata/golden/audit_alike.txt", false},
                      GoldenCase{"AutoJoinText", {"testdata/audit/auto_join.yaml"}, "testdata/golden/audit_auto_join.txt", false},
                      GoldenCase{"LifetimeText", {"testdata/audit/lifetime.yaml"}, "testdata/golden/audit_lifetime.txt",
                                 false, "2026-11-30"},
                      GoldenCase{"LifetimeJson", {"testdata/audit/lifetime.yaml"}, "testdata/golden/audit_lifetime.json",
                                 true, "2026-11-30"}),
    [](const ::testing::TestParamInfo<GoldenCase>& info) { return std::string(info.param.name); });

// Applies each finding's fix to a copy of `world` and checks that the finding is gone, and that the
// fixed world is still a valid fixture.
void ExpectEveryFixRemovesItsFinding(const World& original, const std::string& name,
                                      const AuditOptions& options = AuditOptions()) {
  World world = original;
  world.cases.clear();  // cases play no part in an audit
  const Loaded before = LoadWorld(world, name);
  ASSERT_NE(before.snapshot, nullptr);
  const AuditReport report = Audit(*before.snapshot, options);
  for (const Finding& f : report.findings) {
    const std::string token = before.snapshot->token(f.token).name;
    const Key key{std::string(GetFindingKindInfo(f.kind).name), token, f.subject};
    SCOPED_TRACE(absl::StrCat(name, ": ", std::get<0>(key), " ", token, " ", f.subject, "; fix: ", f.fix));
    ASSERT_FALSE(f.edits.empty());
    World fixed = world;
    ASSERT_TRUE(ApplyFix(token, f.edits, &fixed).ok());
    const Loaded after = LoadWorld(fixed, name + " (fixed)");
    ASSERT_NE(after.snapshot, nullptr);
    EXPECT_EQ(Keys(*after.snapshot, Audit(*after.snapshot, options)).count(key), 0u);
  }
}

TEST(FixRemovesFinding, OnEveryTestdataWorld) {
  const std::vector<std::vector<std::string>> worlds = {
      {"testdata/founding/world.yaml"},
      {"testdata/audit/world.yaml"},
      YamlFilesIn("testdata/spec"),
      YamlFilesIn("testdata/assumptions"),
      YamlFilesIn("testdata/regressions"),
      YamlFilesIn("testdata/rules2026"),
  };
  int findings = 0;
  for (const std::vector<std::string>& files : worlds) {
    const Loaded w = Load(files);
    findings += static_cast<int>(Audit(*w.snapshot).findings.size());
    ExpectEveryFixRemovesItsFinding(w.world, files[0]);
  }
  EXPECT_GT(findings, 20);  // the worlds do hold findings of every kind
}

TEST(FixRemovesFinding, OnRandomWorlds) {
  std::set<FindingKind> kinds;
  RandomWorldShape shape;
  shape.max_scopes_per_token = 4;
  for (uint32_t seed = 1; seed <= kRandomWorlds; ++seed) {
    const World world = RandomWorld(seed, shape);
    const Loaded w = LoadWorld(world, absl::StrCat("random-", seed, ".yaml"));
    ASSERT_NE(w.snapshot, nullptr);
    // At a moment within the random lifetimes, with thresholds they cross (random_world.h).
    AuditOptions options;
    options.at = kLifetimeEpoch + absl::Hours(24 * 200);
    options.expiring_within = absl::Hours(24 * 60);
    options.older_than = absl::Hours(24 * 120);
    for (const Finding& f : Audit(*w.snapshot, options).findings) kinds.insert(f.kind);

    ExpectEveryFixRemovesItsFinding(w.world, absl::StrCat("random-", seed, ".yaml"), options);
  }
  // Every kind the audit computes: broader-than-needed is policy/mint's, for tokens with a purpose
  // (policy/mint:purpose_findings_test), which random worlds do not write.
  EXPECT_EQ(kinds.size(), AllFindingKinds().size() - 1) << "the random worlds should show every kind of finding";
  EXPECT_EQ(kinds.count(FindingKind::kBroaderThanNeeded), 0u);
}

// The effective access is computed from each token's reach; asking about every repo and namespace of
// the world must find nothing more: outside the reach, a token only reads public repos (and nothing in
// the orgs whose policy blocks it), and creates nowhere. Every repo, namespace and group of `s`, asked
// on its own, against each token's effective access.
void ExpectReachMissesNothing(const Snapshot& s, const std::string& name) {
  const AuditReport report = Audit(s);
  for (const TokenAccess& access : report.tokens) {
    IdVector<RepoId, RepoLevel> reached(s.repo_count(), RepoLevel::kNone);
    IdVector<RepoId, char> is_reached(s.repo_count(), false);  // not bool: vector<bool> has no references
    std::set<std::pair<bool, int32_t>> namespaces;
    for (const NamespaceAccess& ns : access.namespaces) {
      namespaces.insert({ns.is_org, ns.id});
      for (int level = 0; level < kRepoLevelCount; ++level) {
        ns.repos[level].ForEach([&](RepoId r) {
          EXPECT_FALSE(is_reached[r]) << "reached twice: " << s.repo(r).id;
          reached[r] = static_cast<RepoLevel>(level);
          is_reached[r] = true;
        });
      }
    }
    for (RepoId r : IdsUpTo<RepoId>(s.repo_count())) {
      const RepoLevel level = LevelOn(s, access.token, r);
      SCOPED_TRACE(absl::StrCat(name, ", token ", s.token(access.token).name, ", repo ", s.repo(r).id));
      if (is_reached[r]) {
        EXPECT_EQ(level, reached[r]);
        continue;
      }
      const Snapshot::RepoRecord& repo = s.repo(r);
      const bool blocked = repo.ns_org != kNoId && access.reads_public && !ReadsPublicIn(s, access, repo.ns_org);
      EXPECT_LE(level, RepoLevel::kRead);
      if (repo.is_private || blocked) {
        EXPECT_EQ(level, RepoLevel::kNone);
      }
      if (!repo.is_private && !blocked && repo.gated == Gating::kNone) {
        EXPECT_EQ(level, access.reads_public ? RepoLevel::kRead : RepoLevel::kNone);
      }
    }
    // The groups it may create into and manage, each asked on its own (the audit decides the groups
    // the token is not involved with once).
    for (const NamespaceAccess& ns : access.namespaces) {
      if (!ns.is_org) continue;
      std::vector<GroupId> create_into, admin_groups;
      for (GroupId g : IdsUpTo<GroupId>(s.group_count())) {
        if (s.group(g).org != ns.org()) continue;
        Request create;
        create.operation = Operation::kCreateRepo;
        create.token = access.token;
        create.ns_org = ns.org();
        create.group = g;
        if (!ns.create && Check(s, create).allowed) create_into.push_back(g);
        Request manage;
        manage.operation = Operation::kManageGroupMembers;
        manage.token = access.token;
        manage.group = g;
        if (ns.whole && Check(s, manage).allowed) admin_groups.push_back(g);
      }
      EXPECT_EQ(ns.create_into, create_into) << s.org(ns.org()).name;
      EXPECT_EQ(ns.admin_groups, admin_groups) << s.org(ns.org()).name;
    }
    for (UserId u : IdsUpTo<UserId>(s.user_count())) {
      Request r;
      r.operation = Operation::kCreateRepo;
      r.token = access.token;
      r.ns_user = u;
      if (namespaces.count({false, u.index()}) == 0) {
        EXPECT_FALSE(Check(s, r).allowed) << s.user(u).name;
      }
    }
    for (OrgId o : IdsUpTo<OrgId>(s.org_count())) {
      if (namespaces.count({true, o.index()}) != 0) continue;
      Request r;
      r.operation = Operation::kCreateRepo;
      r.token = access.token;
      r.ns_org = o;
      EXPECT_FALSE(Check(s, r).allowed) << s.org(o).name;
    }
  }
}

TEST(EffectiveAccess, ReachMissesNothing) {
  for (uint32_t seed = 1; seed <= kRandomWorlds; ++seed) {
    const Loaded w = LoadWorld(RandomWorld(seed, RandomWorldShape{}), absl::StrCat("random-", seed, ".yaml"));
    ASSERT_NE(w.snapshot, nullptr);
    ExpectReachMissesNothing(*w.snapshot, absl::StrCat("seed ", seed));
  }
}

// Groups alike for a token share its decisions when the owner holds the same role in them: by auto-join
// of either scope (read_plus gives nothing to a no_access member), listed, or none; and a scope makes a
// group apart. Each member's tokens against a decision per repo and group.
TEST(EffectiveAccess, GroupsAlikeByTheRoleHeldThere) {
  const Loaded w = Load({"testdata/audit/auto_join.yaml"});
  ASSERT_NE(w.snapshot, nullptr);
  ExpectReachMissesNothing(*w.snapshot, "auto_join.yaml");
  const Snapshot& s = *w.snapshot;
  // nina (no_access) writes only the repos of the group whose auto-join reaches every member.
  const AuditReport report = Audit(s);
  for (const TokenAccess& access : report.tokens) {
    if (s.token(access.token).name != "nina-write") continue;
    ASSERT_GE(access.namespaces.size(), 2u);
    std::vector<absl::string_view> writes;
    for (RepoId r : access.namespaces[1].repos[static_cast<int>(RepoLevel::kWrite)].Sorted()) writes.push_back(s.repo(r).id);
    EXPECT_THAT(writes, ElementsAre("acme/all-1", "acme/all-2"));
  }
}

// The report is the same, byte for byte, whatever the number of threads that audit the tokens.
TEST(AuditJobs, TheReportDoesNotDependOnTheThreads) {
  std::vector<Loaded> worlds = {Load({"testdata/audit/world.yaml"}), Load({"testdata/spec/world.yaml"})};
  for (uint32_t seed = 1; seed <= 20; ++seed) {
    worlds.push_back(LoadWorld(RandomWorld(seed, RandomWorldShape{}), absl::StrCat("random-", seed, ".yaml")));
  }
  for (const Loaded& w : worlds) {
    ASSERT_NE(w.snapshot, nullptr);
    AuditOptions options;
    options.at = absl::FromUnixSeconds(1780000000);
    const AuditReport one = Audit(*w.snapshot, options);
    // In the report's order: by severity, then token name, then kind and subject.
    const Snapshot& s = *w.snapshot;
    EXPECT_TRUE(std::is_sorted(one.findings.begin(), one.findings.end(), [&](const Finding& a, const Finding& b) {
      return std::make_tuple(GetFindingKindInfo(a.kind).severity, s.token(a.token).name, a.kind, a.subject) <
             std::make_tuple(GetFindingKindInfo(b.kind).severity, s.token(b.token).name, b.kind, b.subject);
    }));
    const std::string json = RenderAuditJson(*w.snapshot, one);
    const std::string text = RenderAuditText(*w.snapshot, one);
    for (int jobs : {2, 3, 8}) {
      options.jobs = jobs;
      const AuditReport many = Audit(*w.snapshot, options);
      EXPECT_EQ(RenderAuditJson(*w.snapshot, many), json) << "jobs " << jobs;
      EXPECT_EQ(RenderAuditText(*w.snapshot, many), text) << "jobs " << jobs;
    }
  }
}

// Reading public repos elsewhere: the token policies that block it, named by org when they are few,
// counted when they are many, with the orgs that recorded a status for the token apart.
TEST(AuditText, PublicReadsNameTheBlockingPolicies) {
  std::string orgs;
  for (int i = 1; i <= 7; ++i) {
    absl::StrAppend(&orgs, "  - {name: o", i, ", plan: enterprise, token_policy: require_approval, members: {bob: read}}\n");
  }
  absl::StrAppend(&orgs, "  - {name: f1, plan: enterprise, token_policy: fine_grained_only, members: {bob: read}}\n");
  const std::string world = absl::StrCat("users: [ann, bob]\norgs:\n", orgs, R"(tokens:
  - {name: ann-classic, owner: ann, role: read}
  - {name: ann-fg, owner: ann, role: fineGrained, org_status: {o1: approved, o2: revoked}}
  - {name: ann-approved, owner: ann, role: fineGrained, org_status: {o1: approved, o2: approved, o3: approved}}
)");
  Fixtures fixtures = LoadFixtureTexts({{"world.yaml", world}});
  ASSERT_TRUE(fixtures.ok()) << fixtures.RenderIssues();
  const std::shared_ptr<const Snapshot> s = Snapshot::Compile(fixtures.world, std::move(fixtures.files));
  const std::string text = RenderAuditText(*s, Audit(*s));
  EXPECT_THAT(text, HasSubstr("  ann-classic (ann, read)\n    user ann (own namespace)\n      no namespace rights\n"
                              "    elsewhere: reads public repos, except in f1 (token policy fine_grained_only), and in "
                              "the 7 orgs whose token policy is require_approval (o1, o2, o3, o4, o5, ...)\n"));
  EXPECT_THAT(text, HasSubstr("    elsewhere: reads public repos, except in o3, o4, o5, o6, o7 (token policy "
                              "require_approval), and in o2 (token policy)\n"));
  EXPECT_THAT(text, HasSubstr("    elsewhere: reads public repos, except in o4, o5, o6, o7 (token policy require_approval)\n"));
}

// The classes of alike repos the audit decides once: on random worlds, every repo of a class decides every
// operation hubperm models on a repo exactly as the class's first repo does, on each side.
TEST(RepoClasses, EveryRepoDecidesAsItsClass) {
  int compared = 0, shared = 0;
  // Namespaces of up to 12 repos in up to 3 groups, so that classes hold several repos.
  RandomWorldShape shape;
  shape.max_repos_per_namespace = 12;
  shape.max_groups_per_org = 3;
  for (uint32_t seed = 1; seed <= kRandomWorlds; ++seed) {
    const Loaded w = LoadWorld(RandomWorld(seed, shape), absl::StrCat("random-", seed, ".yaml"));
    ASSERT_NE(w.snapshot, nullptr);
    const Snapshot& s = *w.snapshot;
    const AuditIndex index(s);
    for (TokenId token : IdsUpTo<TokenId>(s.token_count())) {
      const std::vector<RepoId> own = index.OwnFactRepos(s, token);
      std::vector<std::pair<std::vector<RepoId>, RepoClasses>> all;  // a namespace's repos, and its classes
      for (OrgId org : IdsUpTo<OrgId>(s.org_count())) {
        all.emplace_back(index.repos_of_org(org), RepoClasses::OfOrg(s, index, token, org, own));
      }
      for (UserId user : IdsUpTo<UserId>(s.user_count())) {
        all.emplace_back(index.repos_of_user(user), RepoClasses::OfUser(s, index, user, own));
      }
      for (const auto& [repos, classes] : all) {
        // The classes partition the namespace's repos.
        std::vector<RepoId> members;
        for (size_t c = 0; c < classes.size(); ++c) {
          for (absl::Span<const RepoId> range : classes.members(c)) members.insert(members.end(), range.begin(), range.end());
        }
        ASSERT_EQ(members.size(), classes.repo_count());
        std::sort(members.begin(), members.end());
        ASSERT_EQ(members, repos) << "seed " << seed << ", token " << s.token(token).name;
        for (size_t c = 0; c < classes.size(); ++c) {
          const RepoId first = classes.representatives()[c];
          for (absl::Span<const RepoId> range : classes.members(c)) {
            for (RepoId repo : range) {
              if (repo == first) continue;
              ++shared;
              for (const OperationInfo& op : AllOperations()) {
                if (op.target != TargetKind::kRepo) continue;
                Request a;
                a.operation = op.operation;
                a.token = token;
                a.repo = repo;
                Request b = a;
                b.repo = first;
                const Decision da = Check(s, a), db = Check(s, b);
                SCOPED_TRACE(absl::StrCat("seed ", seed, ", token ", s.token(token).name, ", ", op.name, " on ",
                                          s.repo(repo).id, " vs ", s.repo(first).id));
                ASSERT_EQ(da.allowed, db.allowed);
                ASSERT_EQ(da.user.allowed, db.user.allowed);
                ASSERT_EQ(da.token.allowed, db.token.allowed);
                ASSERT_EQ(da.policy.allowed, db.policy.allowed);
                ASSERT_EQ(da.status, db.status);
                ++compared;
              }
            }
          }
        }
      }
    }
  }
  EXPECT_GT(shared, 5000) << "the random worlds should put many repos in shared classes";
  EXPECT_GT(compared, 50000);
}

// will-fail's lines, each standing for its repo's alike repos (and, creating a repo into a group, for the
// finding's alike groups), name exactly the failing requests: on random worlds, for every fine-grained
// token, the requests the user side and the policy allow and the token does not, in every resource group
// of its owner's orgs where the owner holds a role (writing and reading each of the group's repos, creating
// a repo into it), each asked alone, are those its findings' lines name and stand for, each once, with the
// status each line gives; each finding counts them in its summary, and speaks only of its groups.
TEST(WillFail, LinesStandForExactlyTheFailingRequests) {
  int groups = 0, standing_for = 0, merged = 0;
  // Namespaces of up to 24 repos in up to 6 groups, so that groups hold runs of alike repos, and orgs
  // hold auto-join groups alike for a token.
  RandomWorldShape shape;
  shape.max_repos_per_namespace = 24;
  shape.max_groups_per_org = 6;
  for (uint32_t seed = 1; seed <= 3 * kRandomWorlds; ++seed) {
    const World world = RandomWorld(seed, shape);
    const Loaded w = LoadWorld(world, absl::StrCat("random-", seed, ".yaml"));
    ASSERT_NE(w.snapshot, nullptr);
    const Snapshot& s = *w.snapshot;
    const AuditReport report = Audit(s);
    const int merged_before = merged;
    // token -> the failing (operation, repo or none, group created into or none, status) its findings name.
    using Failing = std::set<std::tuple<Operation, int32_t, int32_t, int>>;
    std::map<TokenId, Failing> named;
    for (const Finding& f : report.findings) {
      if (f.kind != FindingKind::kWillFail) continue;
      SCOPED_TRACE(absl::StrCat("seed ", seed, ", token ", s.token(f.token).name, ", ", f.subject));
      Failing& failing = named[f.token];
      ASSERT_EQ(f.evidence.size(), f.requests.size() + 1) << "a line per request, after the role";
      // The finding's groups: the first, named by its subject, and the others on its role line.
      absl::string_view first = f.subject;
      ASSERT_TRUE(absl::ConsumePrefix(&first, "groups ") || absl::ConsumePrefix(&first, "group "));
      first = first.substr(0, std::min(first.find(','), first.find(" and ")));
      std::set<GroupId> its_groups(f.evidence[0].alike_groups.begin(), f.evidence[0].alike_groups.end());
      const absl::optional<GroupId> first_group = s.FindGroup(first);
      ASSERT_TRUE(first_group.has_value()) << first;
      its_groups.insert(*first_group);
      ASSERT_EQ(its_groups.size(), 1 + f.evidence[0].alike_groups.size());
      EXPECT_EQ(f.subject.rfind("groups ", 0) == 0, its_groups.size() > 1);
      merged += its_groups.size() > 1;
      size_t count = 0;
      auto name = [&](const Request& r, int32_t repo, GroupId group, int status) {
        EXPECT_TRUE(failing.insert({r.operation, repo, group.index(), status}).second) << "named twice";
        EXPECT_EQ(its_groups.count(repo >= 0 ? s.repo(RepoId(repo)).group : group), 1u) << "outside the finding's groups";
        ++count;
      };
      for (size_t i = 0; i < f.requests.size(); ++i) {
        const Request& r = f.requests[i];
        const int status = Check(s, r).status;
        name(r, r.repo.index(), r.group, status);
        f.evidence[i + 1].alike.ForEach([&](RepoId repo) {
          name(r, repo.index(), r.group, status);
          ++standing_for;
        });
        for (GroupId g : f.evidence[i + 1].alike_groups) name(r, r.repo.index(), g, status);
      }
      EXPECT_THAT(f.summary, HasSubstr(absl::StrCat(count, count == 1 ? " request " : " requests ")));
    }
    for (TokenId token : IdsUpTo<TokenId>(s.token_count())) {
      const Snapshot::TokenRecord& t = s.token(token);
      if (t.role != TokenRole::kFineGrained || t.kind != TokenKind::kUser) continue;
      const std::vector<OrgId>& orgs = report.index->orgs_of_user(t.owner);
      Failing expected;
      s.ForEachGroupRoleOf(t.owner, [&](GroupId g, const RoleGrant<GroupRole>&) {
        if (std::find(orgs.begin(), orgs.end(), s.group(g).org) == orgs.end()) return;
        auto ask = [&](const Request& r) {
          const Decision d = Check(s, r);
          if (d.user.allowed && !d.token.allowed && d.policy.allowed) {
            expected.insert({r.operation, r.repo.index(), r.group.index(), d.status});
          }
        };
        for (RepoId repo : report.index->repos_of_group(g)) {
          for (RepoLevel level : {RepoLevel::kWrite, RepoLevel::kRead}) ask(LevelRequest(token, repo, level));
        }
        Request create;
        create.operation = Operation::kCreateRepo;
        create.token = token;
        create.ns_org = s.group(g).org;
        create.group = g;
        ask(create);
        ++groups;
      });
      const auto it = named.find(token);
      EXPECT_EQ(it == named.end() ? Failing() : it->second, expected) << "seed " << seed << ", token " << t.name;
    }
    // A finding that stands for several groups is gone once its fix (an edit per group) is applied.
    if (merged > merged_before) ExpectEveryFixRemovesItsFinding(world, absl::StrCat("random-", seed, ".yaml"));
  }
  EXPECT_GT(groups, 1000);
  EXPECT_GT(standing_for, 400) << "the random worlds should give lines that stand for alike repos";
  EXPECT_GT(merged, 10) << "the random worlds should give findings that stand for alike groups";
}

TEST(ApplyFix, EditsTheTokenByName) {
  World w;
  Token t;
  t.name = Name{"t", SourcePos()};
  t.owner = Name{"u", SourcePos()};
  t.role = TokenRole::kWrite;
  t.org_status.push_back(OrgApproval{Name{"o", SourcePos()}, ApprovalStatus::kRevoked, SourcePos()});
  w.tokens.push_back(t);
  Case c;
  c.name = Name{"c", SourcePos()};
  c.tokens.push_back(Name{"t", SourcePos()});
  w.cases.push_back(c);

  FixEdit make;
  make.kind = FixEdit::Kind::kMakeFineGrained;
  FixEdit add;
  add.kind = FixEdit::Kind::kAddPermissions;
  add.entity_type = EntityType::kOrg;
  add.entity = "o";
  add.permissions = {Permission::kRepoWrite, Permission::kRepoContentRead};
  FixEdit add_again = add;  // adding what is there adds nothing
  FixEdit clear;
  clear.kind = FixEdit::Kind::kClearOrgStatus;
  clear.org = "o";
  ASSERT_TRUE(ApplyFix("t", {make, add, add_again, clear}, &w).ok());
  EXPECT_EQ(w.tokens[0].role, TokenRole::kFineGrained);
  ASSERT_EQ(w.tokens[0].scoped.size(), 1u);
  EXPECT_EQ(w.tokens[0].scoped[0].permissions.size(), 2u);
  EXPECT_TRUE(w.tokens[0].org_status.empty());

  FixEdit remove = add;
  remove.kind = FixEdit::Kind::kRemovePermissions;
  remove.permissions = {Permission::kRepoWrite};
  ASSERT_TRUE(ApplyFix("t", {remove}, &w).ok());
  ASSERT_EQ(w.tokens[0].scoped[0].permissions.size(), 1u);
  remove.permissions = {Permission::kRepoContentRead};
  ASSERT_TRUE(ApplyFix("t", {remove}, &w).ok());
  EXPECT_TRUE(w.tokens[0].scoped.empty()) << "a scope left with nothing goes";

  FixEdit del;
  del.kind = FixEdit::Kind::kDeleteToken;
  ASSERT_TRUE(ApplyFix("t", {del}, &w).ok());
  EXPECT_TRUE(w.tokens.empty());
  EXPECT_TRUE(w.cases.empty()) << "the cases that name a deleted token go with it";
  EXPECT_FALSE(ApplyFix("t", {del}, &w).ok());
}

// Token hygiene at a moment: each token has exactly its lifetime findings, and a token whose lifetime
// is unknown has none; an expired token has no other finding.
TEST(AuditLifetime, EachTokenHasExactlyItsFindings) {
  const Loaded w = Load({"testdata/audit/lifetime.yaml"});
  const std::set<Key> expected = {
      {"expired", "mia-expired", ""},
      {"expiring", "mia-expiring", ""},
      {"no-expiry", "mia-forever", ""},
      {"old", "mia-old", ""},
  };
  EXPECT_EQ(Keys(*w.snapshot, Audit(*w.snapshot, At("2026-11-30"))), expected);
  // Without a moment only the timeless finding remains (and mia-expired, not expired then, is a classic
  // write token).
  EXPECT_EQ(Keys(*w.snapshot, Audit(*w.snapshot)),
            (std::set<Key>{{"classic-write", "mia-expired", ""}, {"no-expiry", "mia-forever", ""}}));
  // The thresholds move the findings: a year's window catches the 2027 expiries, a long age none.
  AuditOptions wide = At("2026-11-30");
  wide.expiring_within = absl::Hours(24 * 365);
  wide.older_than = absl::Hours(24 * 3650);
  EXPECT_EQ(Keys(*w.snapshot, Audit(*w.snapshot, wide)),
            (std::set<Key>{{"expired", "mia-expired", ""},
                           {"expiring", "mia-expiring", ""},
                           {"expiring", "mia-old", ""},
                           {"expiring", "mia-fine", ""},
                           {"no-expiry", "mia-forever", ""}}));
  ExpectEveryFixRemovesItsFinding(w.world, "testdata/audit/lifetime.yaml", At("2026-11-30"));
  ExpectEveryFixRemovesItsFinding(w.world, "testdata/audit/lifetime.yaml", wide);
}

}  // namespace
}  // namespace hubperm
