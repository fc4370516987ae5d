// Copyright 2026 The hubperm Authors.
//
// The order the snapshot gives repos their ids in: by namespace (the namespaces in the order they first
// appear), and within one in the fixture's order, so that a namespace's facts lie together.

#include "policy/compile/snapshot.h"

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "gtest/gtest.h"
#include "policy/testing/random_world.h"

namespace hubperm {
namespace {

World Named(const std::vector<std::string>& users, const std::vector<std::string>& orgs,
            const std::vector<std::pair<RepoType, std::string>>& repos) {
  World w;
  for (const std::string& u : users) w.users.push_back(Name{u, SourcePos()});
  for (const std::string& o : orgs) {
    Org org;
    org.name = Name{o, SourcePos()};
    w.orgs.push_back(std::move(org));
  }
  for (const auto& [type, id] : repos) {
    Repo r;
    r.type = type;
    r.id = Name{id, SourcePos()};
    w.repos.push_back(std::move(r));
  }
  return w;
}

std::vector<std::string> IdsInIdOrder(const Snapshot& s) {
  std::vector<std::string> ids;
  for (RepoId r : IdsUpTo<RepoId>(s.repo_count())) {
    ids.push_back(absl::StrCat(NameOf(s.repo(r).type), " ", s.repo(r).id));
  }
  return ids;
}

TEST(SnapshotRepoOrder, InterleavedNamespacesAreGroupedInTheOrderTheyAppear) {
  const World w = Named({"alice", "bob"}, {"acme"},
                        {{RepoType::kModel, "alice/x"},
                         {RepoType::kModel, "acme/a"},
                         {RepoType::kDataset, "alice/y"},
                         {RepoType::kModel, "bob/z"},
                         {RepoType::kModel, "acme/b"},
                         {RepoType::kModel, "alice/x"},  // a repeat: the first is kept
                         {RepoType::kSpace, "acme/a"}});  // another type: another repo
  const auto s = Snapshot::Compile(w, SourceFiles());
  EXPECT_EQ(IdsInIdOrder(*s), (std::vector<std::string>{"model alice/x", "dataset alice/y", "model acme/a",
                                                        "model acme/b", "space acme/a", "model bob/z"}));
  // Every repo is still found by its name, and its facts are its record's.
  for (const Repo& repo : w.repos) {
    const absl::optional<RepoId> id = s->FindRepo(repo.type, repo.id.text);
    ASSERT_TRUE(id.has_value()) << repo.id.text;
    EXPECT_EQ(s->repo(*id).id, repo.id.text);
    EXPECT_EQ(s->facts(*id).ns_org, s->repo(*id).ns_org);
    EXPECT_EQ(s->facts(*id).ns_user, s->repo(*id).ns_user);
  }
}

TEST(SnapshotRepoOrder, AFixtureListingEachNamespaceTogetherKeepsItsOrder) {
  const World w = Named({"zed", "amy"}, {"org"},
                        {{RepoType::kModel, "zed/b"},
                         {RepoType::kModel, "zed/a"},
                         {RepoType::kModel, "org/m"},
                         {RepoType::kModel, "amy/q"},
                         {RepoType::kDataset, "amy/p"}});
  const auto s = Snapshot::Compile(w, SourceFiles());
  EXPECT_EQ(IdsInIdOrder(*s), (std::vector<std::string>{"model zed/b", "model zed/a", "model org/m", "model amy/q",
                                                        "dataset amy/p"}));
}

// On random worlds, their repos shuffled: ids run namespace by namespace in the order of first
// appearance, and within a namespace in the fixture's order of first occurrence.
TEST(SnapshotRepoOrder, RandomWorlds) {
  for (uint32_t seed = 1; seed <= 60; ++seed) {
    RandomWorldShape shape;
    World w = RandomWorld(seed, shape);
    std::mt19937 rng(seed);
    std::shuffle(w.repos.begin(), w.repos.end(), rng);
    const auto s = Snapshot::Compile(w, SourceFiles());
    absl::flat_hash_map<std::string, int> ns_rank;
    absl::flat_hash_map<std::string, int> first_at;  // "type id" -> index of its first occurrence
    for (size_t k = 0; k < w.repos.size(); ++k) {
      ns_rank.try_emplace(std::string(w.repos[k].ns()), static_cast<int>(ns_rank.size()));
      first_at.try_emplace(absl::StrCat(NameOf(w.repos[k].type), " ", w.repos[k].id.text), static_cast<int>(k));
    }
    ASSERT_EQ(static_cast<size_t>(s->repo_count()), first_at.size()) << "seed " << seed;
    int last_rank = -1, last_at = -1;
    for (RepoId r : IdsUpTo<RepoId>(s->repo_count())) {
      const absl::string_view id = s->repo(r).id;
      const int rank = ns_rank.at(std::string(id.substr(0, id.find('/'))));
      const int at = first_at.at(absl::StrCat(NameOf(s->repo(r).type), " ", id));
      ASSERT_GE(rank, last_rank) << "seed " << seed << ": " << id;
      if (rank == last_rank) {
        ASSERT_GT(at, last_at) << "seed " << seed << ": " << id;
      }
      last_rank = rank;
      last_at = at;
    }
  }
}

}  // namespace
}  // namespace hubperm
