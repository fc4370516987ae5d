// Copyright 2026 The hubperm Authors.
//
// The benchmarks' baseline decides exactly as the engine does: on synthetic worlds, every token asks
// every repo (see, read, write), every namespace it could create in, and every org's member list.

#include "bench/flat_checker.h"

#include <memory>

#include "absl/strings/str_cat.h"
#include "bench/synthetic_world.h"
#include "gtest/gtest.h"
#include "policy/compile/snapshot.h"
#include "policy/decide/check.h"

namespace hubperm {
namespace {

TEST(FlatChecker, DecidesAsTheEngine) {
  for (uint32_t seed = 1; seed <= 3; ++seed) {
    const World world = SyntheticWorld(*TierSize("S"), seed);
    const std::shared_ptr<const Snapshot> snapshot = Snapshot::Compile(world, SourceFiles());
    const Snapshot& s = *snapshot;
    const FlatChecker flat(s);
    int allowed = 0, compared = 0;
    int user_denies = 0, token_denies = 0, policy_denies = 0;
    auto expect_same = [&](const Request& r) {
      const Decision d = Check(s, r);
      const std::string what = absl::StrCat("seed ", seed, ", token ", s.token(r.token).name, ", operation ",
                                            static_cast<int>(r.operation), ", repo ",
                                            r.repo == kNoId ? "-" : std::string(s.repo(r.repo).id));
      ASSERT_EQ(flat.Allowed(r), d.allowed) << what;
      const uint8_t sides = flat.Sides(r);
      ASSERT_EQ((sides & FlatChecker::kUserAllows) != 0, d.user.allowed) << what;
      ASSERT_EQ((sides & FlatChecker::kTokenAllows) != 0, d.token.allowed) << what;
      ASSERT_EQ((sides & FlatChecker::kPolicyAllows) != 0, d.policy.allowed) << what;
      allowed += d.allowed;
      user_denies += !d.user.allowed;
      token_denies += !d.token.allowed;
      policy_denies += !d.policy.allowed;
      ++compared;
    };
    for (TokenId t : IdsUpTo<TokenId>(s.token_count())) {
      Request r;
      r.token = t;
      for (Operation op : {Operation::kRepoInfo, Operation::kDownloadFile, Operation::kCreateCommit}) {
        r.operation = op;
        for (RepoId repo : IdsUpTo<RepoId>(s.repo_count())) {
          r.repo = repo;
          expect_same(r);
        }
      }
      r = Request();
      r.token = t;
      r.operation = Operation::kCreateRepo;
      r.ns_user = s.token(t).owner;
      expect_same(r);
      r.ns_user = UserId();
      for (OrgId org : IdsUpTo<OrgId>(s.org_count())) {
        r.ns_org = org;
        expect_same(r);
      }
      r = Request();
      r.token = t;
      r.operation = Operation::kListOrgMembers;
      for (OrgId org : IdsUpTo<OrgId>(s.org_count())) {
        r.org = org;
        expect_same(r);
      }
    }
    // Both verdicts are common, and each side denies often, so agreement means something.
    EXPECT_GT(allowed, compared / 10) << "seed " << seed;
    EXPECT_LT(allowed, compared - compared / 10) << "seed " << seed;
    EXPECT_GT(user_denies, compared / 20) << "seed " << seed;
    EXPECT_GT(token_denies, compared / 20) << "seed " << seed;
    EXPECT_GT(policy_denies, compared / 100) << "seed " << seed;
  }
}

}  // namespace
}  // namespace hubperm
