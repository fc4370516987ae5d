// Copyright 2026 The hubperm Authors.
//
// policy/diff/world_pair.h: two compiled worlds, their records matched by name.
//
// `hubperm diff` asks the same request of two worlds. Each world interns its names into its own ids, so
// a request is stated once in the pair's own numbering (the union of both worlds' records, sorted by
// name) and turned into each world's ids when it is decided; a record one world lacks has no id there.
//
//   WorldPair pair(*before, *after);
//   for (int32_t t = 0; t < pair.token_count(); ++t) pair.token(kBefore, t) ...   // kNoId when absent

#ifndef HUBPERM_POLICY_DIFF_WORLD_PAIR_H_
#define HUBPERM_POLICY_DIFF_WORLD_PAIR_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "policy/compile/snapshot.h"

namespace hubperm {

// Which world of the pair.
enum WorldSide : int { kBefore = 0, kAfter = 1 };

class WorldPair {
 public:
  // Both snapshots must outlive the pair.
  WorldPair(const Snapshot& before, const Snapshot& after);

  const Snapshot& world(WorldSide side) const { return *worlds_[side]; }

  // The union of both worlds' records of each kind, by name (a repo by its type and id), numbered from 0.
  int user_count() const { return static_cast<int>(users_.size()); }
  int org_count() const { return static_cast<int>(orgs_.size()); }
  int group_count() const { return static_cast<int>(groups_.size()); }
  int repo_count() const { return static_cast<int>(repos_.size()); }
  int token_count() const { return static_cast<int>(tokens_.size()); }
  // Namespaces: every user and org name of either world (a name may be a user in one world and an org
  // in the other).
  int namespace_count() const { return static_cast<int>(namespaces_.size()); }

  UserId user(WorldSide side, int32_t u) const { return users_[u].ids[side]; }
  OrgId org(WorldSide side, int32_t o) const { return orgs_[o].ids[side]; }
  GroupId group(WorldSide side, int32_t g) const { return groups_[g].ids[side]; }
  RepoId repo(WorldSide side, int32_t r) const { return repos_[r].ids[side]; }
  TokenId token(WorldSide side, int32_t t) const { return tokens_[t].ids[side]; }

  absl::string_view user_name(int32_t u) const { return users_[u].name; }
  absl::string_view org_name(int32_t o) const { return orgs_[o].name; }
  absl::string_view group_name(int32_t g) const { return groups_[g].name; }
  absl::string_view token_name(int32_t t) const { return tokens_[t].name; }
  RepoType repo_type(int32_t r) const { return repos_[r].type; }
  absl::string_view repo_id(int32_t r) const { return repos_[r].name; }
  // "model:acme/m".
  std::string repo_key(int32_t r) const;
  absl::string_view namespace_name(int32_t n) const { return namespaces_[n].name; }

  // A namespace's user (kNoId when it is an org there, or absent) and org in one world.
  UserId namespace_user(WorldSide side, int32_t n) const { return namespaces_[n].user[side]; }
  OrgId namespace_org(WorldSide side, int32_t n) const { return namespaces_[n].org[side]; }
  // Whether the namespace is an org in either world.
  bool namespace_is_org(int32_t n) const { return namespaces_[n].org_index != kNoIndex; }
  // The pair's org of an org namespace (kNoIndex otherwise), and a namespace's pair user.
  int32_t namespace_org_index(int32_t n) const { return namespaces_[n].org_index; }

  // The namespace a repo's id names (the part before '/').
  int32_t namespace_of_repo(int32_t r) const { return repos_[r].ns; }
  // The repos of each namespace and the groups of each org (either world's), in the pair's numbering.
  const std::vector<int32_t>& repos_of_namespace(int32_t n) const { return namespaces_[n].repos; }
  const std::vector<int32_t>& groups_of_org(int32_t o) const { return orgs_[o].groups; }
  // The org a group belongs to (in either world; a group that moved between orgs is two groups' worth of
  // change and takes its after-world org), kNoIndex when none.
  int32_t org_of_group(int32_t g) const { return groups_[g].org; }
  // A world's record in the pair's numbering.
  int32_t pair_user(WorldSide side, UserId id) const { return user_index_[side][id.index()]; }
  int32_t pair_org(WorldSide side, OrgId id) const { return org_index_[side][id.index()]; }
  int32_t pair_group(WorldSide side, GroupId id) const { return group_index_[side][id.index()]; }
  int32_t pair_repo(WorldSide side, RepoId id) const { return repo_index_[side][id.index()]; }
  int32_t pair_token(WorldSide side, TokenId id) const { return token_index_[side][id.index()]; }
  // The namespace of a user or org name, kNoIndex when neither world has it.
  int32_t namespace_index(absl::string_view name) const;
  int32_t namespace_of_user(int32_t u) const { return users_[u].ns; }
  int32_t namespace_of_org(int32_t o) const { return orgs_[o].ns; }

 private:
  template <typename IdType>
  struct Entry {
    std::string name;
    IdType ids[2] = {kNoId, kNoId};
    RepoType type = RepoType::kModel;  // repos
    int32_t ns = kNoIndex;             // repos, users, orgs: their namespace
    int32_t org = kNoIndex;            // groups
    std::vector<int32_t> groups;       // orgs
  };
  struct Namespace {
    std::string name;
    UserId user[2] = {kNoId, kNoId};
    OrgId org[2] = {kNoId, kNoId};
    int32_t org_index = kNoIndex;
    std::vector<int32_t> repos;
  };

  const Snapshot* worlds_[2];
  std::vector<Entry<UserId>> users_;
  std::vector<Entry<OrgId>> orgs_;
  std::vector<Entry<GroupId>> groups_;
  std::vector<Entry<RepoId>> repos_;
  std::vector<Entry<TokenId>> tokens_;
  std::vector<Namespace> namespaces_;
  std::vector<int32_t> user_index_[2], org_index_[2], group_index_[2], repo_index_[2], token_index_[2];
};

}  // namespace hubperm

#endif  // HUBPERM_POLICY_DIFF_WORLD_PAIR_H_
