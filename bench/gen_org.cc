// Copyright 2026 The hubperm Authors.
//
// bench/gen_org.cc: writes the saved API responses of a synthetic organization, in the layout
// `hubperm import-org` reads (policy/load/org_responses.h), for bench/org_import_bench.cc and for trying
// import-org at scale. The responses have the shapes of the Hub's OpenAPI schemas (the sample of
// testdata/org/acme is checked against them); names, roles, groups and gating are drawn from a seeded
// generator, so the same flags write the same files.
//
//   bazel run -c opt //bench:gen_org -- --members=2000 --repos=10000 --out=/tmp/org
//   hubperm import-org /tmp/org > /tmp/org.yaml

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "policy/load/org_responses.h"

namespace hubperm {
namespace {

struct Shape {
  int members = 2000;
  int repos = 10000;
  int groups = 50;
  int service_accounts = 5;
  int tokens = 200;  // members' whoami-v2 responses
  int page_size = 500;  // members per page, as the Hub's default limit
  uint32_t seed = 1;
  std::string out;
};

constexpr const char* kOrg = "synth";
constexpr const char* kRoles[] = {"no_access", "read", "contributor", "write", "admin"};

std::string Hex24(uint32_t kind, uint32_t i) { return absl::StrFormat("%08x%016x", kind, i); }
std::string User(int i) { return absl::StrFormat("user%05d", i); }
std::string Group(int i) { return absl::StrFormat("group-%03d", i); }
std::string RepoName(int i) { return absl::StrFormat("%s/repo-%05d", kOrg, i); }
const char* RepoType(int i) { return i % 10 < 7 ? "model" : i % 10 < 9 ? "dataset" : "space"; }

class Writer {
 public:
  explicit Writer(const Shape& shape) : s_(shape), rng_(shape.seed) {
    // Each member's org role, and each group's members and repos.
    for (int m = 0; m < s_.members; ++m) {
      const int r = Pick(100);
      role_.push_back(r < 5 ? 4 : r < 20 ? 3 : r < 35 ? 2 : r < 90 ? 1 : 0);
    }
    member_groups_.resize(s_.members);
    group_members_.resize(s_.groups);
    for (int m = 0; m < s_.members; ++m) {
      const int count = Pick(3);  // 0 to 2 groups
      for (int k = 0; k < count && s_.groups > 0; ++k) {
        const int g = Pick(s_.groups);
        bool already = false;
        for (const auto& [group, role] : member_groups_[m]) already = already || group == g;
        if (already) continue;
        const int role = 1 + Pick(4);
        member_groups_[m].emplace_back(g, role);
        group_members_[g].emplace_back(m, role);
      }
    }
    repo_group_.assign(s_.repos, -1);
    for (int r = 0; r < s_.repos; ++r) {
      if (s_.groups > 0 && Pick(10) < 3) repo_group_[r] = Pick(s_.groups);
    }
  }

  void Run() {
    WritePages(OrgRoute::kMembers, s_.members, [&](int m) { return Member(m); });
    WritePages(OrgRoute::kResourceGroups, s_.groups, [&](int g) { return GroupJson(g); });
    WritePages(OrgRoute::kRepositories, s_.repos, [&](int r) { return Repository(r); });
    WritePages(OrgRoute::kServiceAccounts, s_.service_accounts, [&](int a) { return Account(a, false); });
    for (int a = 0; a < s_.service_accounts; ++a) {
      ResponsePath p;
      p.route = OrgRoute::kServiceAccount;
      p.org = kOrg;
      p.service_account_id = Hex24(3, a);
      Write(p, Account(a, true));
    }
    for (int r = 0; r < s_.repos; ++r) {
      ResponsePath p;
      p.route = OrgRoute::kRepoInfo;
      p.repo_type = *ParseName<hubperm::RepoType>(RepoType(r));
      p.repo_id = RepoName(r);
      Write(p, Info(r));
    }
    for (int t = 0; t < s_.tokens && s_.members > 0; ++t) {
      const int m = t * s_.members / std::max(1, s_.tokens);
      ResponsePath p;
      p.route = OrgRoute::kWhoami;
      p.whoami_name = absl::StrCat(User(m), "-token-", t);
      Write(p, Whoami(m, t));
    }
  }

 private:
  int Pick(int n) { return static_cast<int>(rng_() % static_cast<uint32_t>(n)); }

  template <typename Fn>
  void WritePages(OrgRoute route, int count, Fn item) {
    const int per_page = route == OrgRoute::kMembers ? s_.page_size : std::max(count, 1);
    int start = 0, page = 1;
    do {  // one page at least, as the Hub answers [] for none
      std::vector<std::string> items;
      for (int i = start; i < std::min(count, start + per_page); ++i) items.push_back(item(i));
      ResponsePath p;
      p.route = route;
      p.org = kOrg;
      p.page = page++;
      Write(p, absl::StrCat("[\n", absl::StrJoin(items, ",\n"), "\n]\n"));
      start += per_page;
    } while (start < count);
  }

  std::string Member(int m) {
    std::vector<std::string> groups;
    for (const auto& [g, role] : member_groups_[m]) {
      groups.push_back(absl::StrFormat(R"({"name": "%s", "id": "%s", "numUsers": %d, "role": "%s"})", Group(g),
                                       Hex24(2, g), group_members_[g].size(), kRoles[role]));
    }
    return absl::StrFormat(
        R"(  {"_id": "%s", "type": "user", "user": "%s", "fullname": "User %d", "avatarUrl": "/avatars/%d.svg", )"
        R"("isPro": false, "role": "%s", "twoFaEnabled": true, "resourceGroups": [%s]})",
        Hex24(1, m), User(m), m, m, kRoles[role_[m]], absl::StrJoin(groups, ", "));
  }

  std::string GroupJson(int g) {
    std::vector<std::string> users, resources;
    for (const auto& [m, role] : group_members_[g]) {
      users.push_back(absl::StrFormat(
          R"({"type": "user", "_id": "%s", "fullname": "User %d", "name": "%s", "avatarUrl": "/a.svg", "role": "%s"})",
          Hex24(1, m), m, User(m), kRoles[role]));
    }
    for (int r = 0; r < s_.repos; ++r) {
      if (repo_group_[r] == g) {
        resources.push_back(absl::StrFormat(R"({"type": "%s", "name": "%s", "private": %s})", RepoType(r),
                                            RepoName(r), Private(r) ? "true" : "false"));
      }
    }
    const std::string auto_join = g % 5 == 0 ? R"({"enabled": true, "role": "read", "scope": "read_plus"})"
                                             : R"({"enabled": false})";
    return absl::StrFormat(R"(  {"id": "%s", "name": "%s", "description": null, "autoJoin": %s, "users": [%s], )"
                           R"("resources": [%s]})",
                           Hex24(2, g), Group(g), auto_join, absl::StrJoin(users, ", "), absl::StrJoin(resources, ", "));
  }

  bool Private(int r) const { return (r * 7919) % 10 < 4; }

  std::string Repository(int r) {
    return absl::StrFormat(
        R"(  {"id": "%s", "type": "%s", "updatedAt": "2026-11-20T10:00:00.000Z", "visibility": "%s", )"
        R"("storage": %d, "storagePercent": 0.01})",
        RepoName(r), RepoType(r), Private(r) ? "private" : "public", 1000 + r);
  }

  std::string Info(int r) {
    const char* gated = r % 20 == 0 ? R"("manual")" : r % 20 == 1 ? R"("auto")" : "false";
    return absl::StrFormat(
        R"({"_id": "%s", "id": "%s", "author": "%s", "sha": "%040x", "lastModified": "2026-11-20T10:00:00.000Z", )"
        R"("private": %s, "disabled": false, "gated": %s, "downloads": %d, "likes": %d, "tags": ["synthetic"], )"
        R"("siblings": [{"rfilename": "README.md"}, {"rfilename": "config.json"}]})"
        "\n",
        Hex24(4, r), RepoName(r), kOrg, r, Private(r) ? "true" : "false", gated, r * 3, r % 17);
  }

  std::string Account(int a, bool detail) {
    std::string out = absl::StrFormat(
        R"({"_id": "%s", "user": "%s-bot-%d", "name": "Bot %d", "email": "bot%d@serviceaccount.example", )"
        R"("createdAt": "2026-07-01T09:00:00.000Z")",
        Hex24(3, a), kOrg, a, a, a);
    if (detail) {
      std::vector<std::string> tokens;
      for (int t = 0; t < 2; ++t) {
        const int repo = (a * 2 + t) % std::max(1, s_.repos);
        tokens.push_back(absl::StrFormat(
            R"({"_id": "%s", "displayName": "bot-%d-token-%d", "createdAt": "2026-07-01T09:05:00.000Z", )"
            R"("role": "fineGrained", "permissions": ["repo.content.read"], "repoIds": [%s], )"
            R"("repoPermissions": ["repo.content.read", "repo.write"], "endpointPatterns": []})",
            Hex24(5, a * 2 + t), a, t, s_.repos > 0 ? absl::StrCat("\"", Hex24(4, repo), "\"") : ""));
      }
      absl::StrAppend(&out, R"(, "accessTokens": [)", absl::StrJoin(tokens, ", "), "]");
    }
    return absl::StrCat(detail ? "" : "  ", out, "}", detail ? "\n" : "");
  }

  std::string Whoami(int m, int t) {
    std::vector<std::string> groups, scoped;
    for (const auto& [g, role] : member_groups_[m]) {
      groups.push_back(absl::StrFormat(R"({"id": "%s", "name": "%s", "role": "%s"})", Hex24(2, g), Group(g), kRoles[role]));
      scoped.push_back(absl::StrFormat(
          R"({"entity": {"_id": "%s", "type": "resource-group"}, "permissions": ["repo.content.read", "repo.write"]})",
          Hex24(2, g)));
    }
    const int repo = (t * 37) % std::max(1, s_.repos);
    if (s_.repos > 0) {
      scoped.push_back(absl::StrFormat(
          R"({"entity": {"_id": "%s", "type": "%s", "name": "%s"}, "permissions": ["repo.content.read"]})",
          Hex24(4, repo), RepoType(repo), RepoName(repo)));
    }
    const bool classic = t % 4 == 0;
    const std::string token = classic
        ? absl::StrFormat(R"({"displayName": "token-%d", "role": "%s", "createdAt": "2026-01-01T00:00:00.000Z"})", t,
                          t % 8 == 0 ? "write" : "read")
        : absl::StrFormat(R"({"displayName": "token-%d", "role": "fineGrained", "createdAt": "2026-01-01T00:00:00.000Z", )"
                          R"("fineGrained": {"canReadGatedRepos": %s, "global": [], "scoped": [%s]}})",
                          t, t % 3 == 0 ? "true" : "false", absl::StrJoin(scoped, ", "));
    return absl::StrFormat(
        R"({"type": "user", "id": "%s", "name": "%s", "fullname": "User %d", "avatarUrl": "/a.svg", "isPro": false, )"
        R"("orgs": [{"type": "org", "id": "%s", "name": "%s", "fullname": "Synth", "avatarUrl": "/o.svg", )"
        R"("plan": "enterprise", "roleInOrg": "%s", "resourceGroups": [%s]}], )"
        R"("auth": {"type": "access_token", "accessToken": %s}})"
        "\n",
        Hex24(1, m), User(m), m, Hex24(6, 0), kOrg, kRoles[role_[m]], absl::StrJoin(groups, ", "), token);
  }

  void Write(const ResponsePath& where, const std::string& text) {
    const std::filesystem::path path = std::filesystem::path(s_.out) / where.Path();
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
  }

  const Shape& s_;
  std::mt19937 rng_;
  std::vector<int> role_;
  std::vector<std::vector<std::pair<int, int>>> member_groups_;  // member -> (group, role)
  std::vector<std::vector<std::pair<int, int>>> group_members_;  // group -> (member, role)
  std::vector<int> repo_group_;
};

bool Flag(absl::string_view arg, absl::string_view name, int* value) {
  const std::string prefix = absl::StrCat("--", name, "=");
  if (arg.substr(0, prefix.size()) != prefix) return false;
  if (!absl::SimpleAtoi(arg.substr(prefix.size()), value) || *value < 0) {
    std::cerr << "gen_org: --" << name << " takes a whole number\n";
    std::exit(2);
  }
  return true;
}

}  // namespace
}  // namespace hubperm

int main(int argc, char** argv) {
  hubperm::Shape shape;
  int seed = 1;
  for (int i = 1; i < argc; ++i) {
    const absl::string_view arg = argv[i];
    if (hubperm::Flag(arg, "members", &shape.members) || hubperm::Flag(arg, "repos", &shape.repos) ||
        hubperm::Flag(arg, "groups", &shape.groups) || hubperm::Flag(arg, "service-accounts", &shape.service_accounts) ||
        hubperm::Flag(arg, "tokens", &shape.tokens) || hubperm::Flag(arg, "seed", &seed)) {
      continue;
    }
    if (arg.substr(0, 6) == "--out=") {
      shape.out = std::string(arg.substr(6));
      continue;
    }
    std::cerr << "usage: gen_org --out=DIR [--members=2000] [--repos=10000] [--groups=50] [--service-accounts=5] "
                 "[--tokens=200] [--seed=1]\n";
    return 2;
  }
  if (shape.out.empty() || shape.members < 1) {
    std::cerr << "gen_org: --out=DIR is required, and at least one member\n";
    return 2;
  }
  shape.seed = static_cast<uint32_t>(seed);
  std::filesystem::remove_all(shape.out);
  hubperm::Writer(shape).Run();
  return 0;
}
