// Copyright 2026 The hubperm Authors.

#include "policy/diff/world_pair.h"

#include <algorithm>
#include <tuple>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace hubperm {
namespace {

// Merges the records of both worlds, named by `name_of(side, index)`, into `entries` sorted by name,
// and fills each world's index into them.
template <typename Entry, typename IdType, typename NameOf>
void Merge(const int counts[2], NameOf name_of, std::vector<Entry>* entries, std::vector<int32_t> index[2]) {
  struct Row {
    std::string name;
    int side;
    int32_t id;
  };
  std::vector<Row> rows;
  rows.reserve(static_cast<size_t>(counts[0] + counts[1]));
  for (int side = 0; side < 2; ++side) {
    index[side].assign(static_cast<size_t>(counts[side]), kNoIndex);
    for (int32_t i = 0; i < counts[side]; ++i) rows.push_back(Row{name_of(side, i), side, i});
  }
  std::sort(rows.begin(), rows.end(),
            [](const Row& a, const Row& b) { return std::tie(a.name, a.side) < std::tie(b.name, b.side); });
  for (Row& row : rows) {
    if (entries->empty() || entries->back().name != row.name) {
      entries->emplace_back();
      entries->back().name = std::move(row.name);
    }
    entries->back().ids[row.side] = IdType(row.id);
    index[row.side][static_cast<size_t>(row.id)] = static_cast<int32_t>(entries->size() - 1);
  }
}

}  // namespace

WorldPair::WorldPair(const Snapshot& before, const Snapshot& after) : worlds_{&before, &after} {
  const Snapshot* w[2] = {&before, &after};
  {
    const int counts[2] = {before.user_count(), after.user_count()};
    Merge<Entry<UserId>, UserId>(counts, [&](int s, int32_t i) { return w[s]->user(UserId(i)).name; }, &users_, user_index_);
  }
  {
    const int counts[2] = {before.org_count(), after.org_count()};
    Merge<Entry<OrgId>, OrgId>(counts, [&](int s, int32_t i) { return w[s]->org(OrgId(i)).name; }, &orgs_, org_index_);
  }
  {
    const int counts[2] = {before.group_count(), after.group_count()};
    Merge<Entry<GroupId>, GroupId>(counts, [&](int s, int32_t i) { return w[s]->group(GroupId(i)).name; }, &groups_,
                                   group_index_);
  }
  {
    const int counts[2] = {before.token_count(), after.token_count()};
    Merge<Entry<TokenId>, TokenId>(counts, [&](int s, int32_t i) { return w[s]->token(TokenId(i)).name; }, &tokens_,
                                   token_index_);
  }
  {
    // Repos by "type:id", so a model and a dataset of one id stay apart.
    const int counts[2] = {before.repo_count(), after.repo_count()};
    Merge<Entry<RepoId>, RepoId>(
        counts,
        [&](int s, int32_t i) {
          const Snapshot::RepoRecord& r = w[s]->repo(RepoId(i));
          return absl::StrCat(static_cast<int>(r.type), ":", r.id);
        },
        &repos_, repo_index_);
    for (Entry<RepoId>& e : repos_) {
      const WorldSide side = e.ids[kBefore] != kNoId ? kBefore : kAfter;
      const Snapshot::RepoRecord& r = w[side]->repo(e.ids[side]);
      e.type = r.type;
      e.name = std::string(r.id);
    }
  }
  // Namespaces: every user and org name, sorted.
  std::vector<std::string> names;
  // A repo's trusted publisher ([OIDC]) is a user record, not a namespace anyone creates in.
  for (const auto& u : users_) {
    if (!absl::StartsWith(u.name, kOidcUser)) names.push_back(u.name);
  }
  for (const auto& o : orgs_) names.push_back(o.name);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  namespaces_.resize(names.size());
  for (size_t n = 0; n < names.size(); ++n) namespaces_[n].name = std::move(names[n]);
  for (size_t u = 0; u < users_.size(); ++u) {
    const int32_t n = namespace_index(users_[u].name);
    users_[u].ns = n;
    if (n == kNoIndex) continue;
    for (int s = 0; s < 2; ++s) namespaces_[n].user[s] = users_[u].ids[s];
  }
  for (size_t o = 0; o < orgs_.size(); ++o) {
    const int32_t n = namespace_index(orgs_[o].name);
    orgs_[o].ns = n;
    namespaces_[n].org_index = static_cast<int32_t>(o);
    for (int s = 0; s < 2; ++s) namespaces_[n].org[s] = orgs_[o].ids[s];
  }
  for (size_t r = 0; r < repos_.size(); ++r) {
    const std::string& id = repos_[r].name;
    repos_[r].ns = namespace_index(absl::string_view(id).substr(0, id.find('/')));
    if (repos_[r].ns != kNoIndex) namespaces_[repos_[r].ns].repos.push_back(static_cast<int32_t>(r));
  }
  for (size_t g = 0; g < groups_.size(); ++g) {
    for (int s = 1; s >= 0; --s) {
      if (groups_[g].ids[s] == kNoId) continue;
      groups_[g].org = org_index_[s][w[s]->group(groups_[g].ids[s]).org.index()];
      break;
    }
    if (groups_[g].org != kNoIndex) orgs_[groups_[g].org].groups.push_back(static_cast<int32_t>(g));
  }
}

std::string WorldPair::repo_key(int32_t r) const { return absl::StrCat(NameOf(repos_[r].type), ":", repos_[r].name); }

int32_t WorldPair::namespace_index(absl::string_view name) const {
  auto it = std::lower_bound(namespaces_.begin(), namespaces_.end(), name,
                             [](const Namespace& n, absl::string_view v) { return n.name < v; });
  if (it == namespaces_.end() || it->name != name) return kNoIndex;
  return static_cast<int32_t>(it - namespaces_.begin());
}

}  // namespace hubperm
