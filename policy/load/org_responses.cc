// Copyright 2026 The hubperm Authors.

#include "policy/load/org_responses.h"

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <tuple>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "policy/common/escape.h"
#include "policy/common/read_file.h"

namespace hubperm {
namespace {

// One row per route: its URL template and, for the org routes, the path after "api/organizations/ORG/".
struct RouteRow {
  OrgRoute route;
  absl::string_view url_template;
  absl::string_view org_suffix;  // "" for the routes outside an org
  bool paginated;
};

constexpr RouteRow kRoutes[] = {
    {OrgRoute::kMembers, "/api/organizations/{name}/members", "members", true},
    {OrgRoute::kResourceGroups, "/api/organizations/{name}/resource-groups", "resource-groups", true},
    {OrgRoute::kRepositories, "/api/organizations/{name}/settings/repositories", "settings/repositories", true},
    {OrgRoute::kServiceAccounts, "/api/organizations/{name}/service-accounts", "service-accounts", true},
    {OrgRoute::kServiceAccount, "/api/organizations/{name}/service-accounts/{serviceAccountId}", "", false},
    {OrgRoute::kRepoInfo, "/api/{type}s/{namespace}/{repo}", "", false},
    {OrgRoute::kWhoami, "/api/whoami-v2", "", false},
};

const RouteRow& Row(OrgRoute route) { return kRoutes[static_cast<size_t>(route)]; }

constexpr absl::string_view kJson = ".json";
constexpr absl::string_view kPage = "page-";

bool IsHexId(absl::string_view text) {
  return text.size() == 24 && std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

// "page-N.json" -> N (1 or more, no leading zero); 0 otherwise.
int PageNumber(absl::string_view name) {
  if (!absl::ConsumePrefix(&name, kPage) || !absl::ConsumeSuffix(&name, kJson)) return 0;
  if (name.empty() || name.size() > 6 || name[0] == '0') return 0;
  int page = 0;
  return absl::SimpleAtoi(name, &page) ? page : 0;
}

// A path component the layout can hold: not empty, not "." or "..".
bool Component(absl::string_view part) { return !part.empty() && part != "." && part != ".."; }

}  // namespace

absl::string_view OrgRouteTemplate(OrgRoute route) { return Row(route).url_template; }
bool IsPaginated(OrgRoute route) { return Row(route).paginated; }

std::string ResponsePath::Path() const {
  const std::string url = Url().substr(1);  // without the leading '/'
  if (route == OrgRoute::kWhoami) return absl::StrCat(url, "/", whoami_name, kJson);
  if (IsPaginated(route)) return absl::StrCat(url, "/", kPage, page, kJson);
  return absl::StrCat(url, kJson);
}

std::string ResponsePath::Url() const {
  switch (route) {
    case OrgRoute::kServiceAccount:
      return absl::StrCat("/api/organizations/", org, "/service-accounts/", service_account_id);
    case OrgRoute::kRepoInfo:
      return absl::StrCat("/api/", NameOf(repo_type), "s/", repo_id);
    case OrgRoute::kWhoami:
      return "/api/whoami-v2";
    default:
      return absl::StrCat("/api/organizations/", org, "/", Row(route).org_suffix);
  }
}

absl::optional<ResponsePath> ParseResponsePath(absl::string_view relative) {
  const std::vector<absl::string_view> parts = absl::StrSplit(relative, '/');
  if (parts.size() < 3 || parts[0] != "api" || !std::all_of(parts.begin(), parts.end(), Component)) return absl::nullopt;
  absl::string_view last = parts.back();
  if (!absl::EndsWith(last, kJson) || last.size() == kJson.size()) return absl::nullopt;
  ResponsePath path;
  if (parts[1] == "whoami-v2") {
    if (parts.size() != 3) return absl::nullopt;
    path.route = OrgRoute::kWhoami;
    path.whoami_name = std::string(last.substr(0, last.size() - kJson.size()));
    return path;
  }
  for (RepoType type : {RepoType::kModel, RepoType::kDataset, RepoType::kSpace}) {
    if (parts[1] == absl::StrCat(NameOf(type), "s")) {
      if (parts.size() != 4) return absl::nullopt;
      path.route = OrgRoute::kRepoInfo;
      path.repo_type = type;
      path.repo_id = absl::StrCat(parts[2], "/", last.substr(0, last.size() - kJson.size()));
      return path;
    }
  }
  if (parts[1] != "organizations" || parts.size() < 5) return absl::nullopt;
  path.org = std::string(parts[2]);
  const std::string middle = absl::StrJoin(parts.begin() + 3, parts.end() - 1, "/");
  if (middle == "service-accounts" && IsHexId(last.substr(0, last.size() - kJson.size()))) {
    path.route = OrgRoute::kServiceAccount;
    path.service_account_id = std::string(last.substr(0, last.size() - kJson.size()));
    return path;
  }
  for (const RouteRow& row : kRoutes) {
    if (row.paginated && row.org_suffix == middle) {
      path.page = PageNumber(last);
      if (path.page == 0) return absl::nullopt;
      path.route = row.route;
      return path;
    }
  }
  return absl::nullopt;
}

absl::StatusOr<OrgResponses> ReadOrgResponses(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return absl::InvalidArgumentError(absl::StrCat(QuotePath(dir), " is not a directory of saved responses"));
  }
  struct Found {
    std::string relative;
    absl::optional<ResponsePath> where;
  };
  std::vector<Found> found;
  fs::recursive_directory_iterator it(dir, fs::directory_options::none, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_directory(ec)) continue;
    const std::string relative = it->path().lexically_relative(dir).generic_string();
    found.push_back(Found{relative, ParseResponsePath(relative)});
  }
  if (ec) return absl::InvalidArgumentError(absl::StrCat("cannot list ", QuotePath(dir), ": ", ec.message()));

  OrgResponses out;
  std::vector<std::string> orgs;
  for (const Found& f : found) {
    if (f.where.has_value() && !f.where->org.empty()) orgs.push_back(f.where->org);
  }
  std::sort(orgs.begin(), orgs.end());
  orgs.erase(std::unique(orgs.begin(), orgs.end()), orgs.end());
  if (orgs.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(QuotePath(dir), " holds no organization's responses (no file under ",
                                                   "api/organizations/ORG/; docs/org-import.md has the layout)"));
  }
  if (orgs.size() > 1) {
    std::vector<std::string> quoted;
    for (const std::string& org : orgs) quoted.push_back(QuoteValue(org));
    return absl::InvalidArgumentError(absl::StrCat(QuotePath(dir), " holds the responses of several organizations (",
                                                   absl::StrJoin(quoted, ", "), "): import one at a time"));
  }
  out.dir = dir;
  out.org = orgs[0];

  // Read in the layout's order, so every later step sees the responses sorted.
  auto key = [](const Found& f) {
    const ResponsePath& w = *f.where;
    return std::make_tuple(static_cast<int>(w.route), w.page, w.service_account_id, static_cast<int>(w.repo_type),
                           w.repo_id, w.whoami_name, f.relative);
  };
  std::vector<const Found*> responses;
  for (const Found& f : found) {
    if (f.where.has_value()) {
      responses.push_back(&f);
    } else {
      out.not_in_layout.push_back(absl::StrCat(dir, "/", f.relative));
    }
  }
  std::sort(responses.begin(), responses.end(), [&](const Found* a, const Found* b) { return key(*a) < key(*b); });
  std::sort(out.not_in_layout.begin(), out.not_in_layout.end());
  size_t total = 0;
  for (const Found* f : responses) {
    const std::string path = absl::StrCat(dir, "/", f->relative);
    absl::StatusOr<std::string> text = ReadRegularFile(path, kMaxInputBytes);
    if (!text.ok()) return text.status();
    total += text->size();
    if (total > kMaxFixtureBytes) {
      return absl::InvalidArgumentError(absl::StrCat("the responses under ", QuotePath(dir), " exceed ",
                                                     FormatBytes(kMaxFixtureBytes), " in all (docs/limits.md)"));
    }
    out.responses.push_back(OrgResponse{*f->where, out.files.Add(path, *std::move(text))});
  }
  return out;
}

}  // namespace hubperm
