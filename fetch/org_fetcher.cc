// Copyright 2026 The hubperm Authors.

#include "fetch/org_fetcher.h"

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <ostream>
#include <set>
#include <type_traits>
#include <system_error>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "fetch/http_client.h"
#include "fetch/link_header.h"
#include "policy/hubperm.h"

namespace hubperm {
namespace {

namespace fs = std::filesystem;

// What the whoami-v2 response says that the fetch needs, as import-whoami reads it.
struct Who {
  std::string user;
  std::string token_name;  // displayName
  std::string token_role;  // read, write, fineGrained
  std::string role_in_org;  // "" when the user is not a member
  OrgPlan plan = OrgPlan::kFree;  // plus and academia read as enterprise (whoami_import.h)
  bool org_read = false;   // the token may use org.read on the org
};

const YamlNode* Field(const YamlNode& map, absl::string_view key) {
  if (!map.is_map()) return nullptr;
  const YamlNode* value = TreeReader::Find(map, key);
  return value != nullptr && !value->is_null() ? value : nullptr;
}

std::string Text(const YamlNode* node) { return node != nullptr && node->is_scalar() ? node->scalar : ""; }

// A file-name-safe form of a token's display name: letters, digits, '.', '_' and '-' kept, the rest '_'.
std::string FileSafe(absl::string_view text) {
  std::string out;
  for (char c : text.substr(0, 80)) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                      c == '_' || c == '-';
    out.push_back(keep ? c : '_');
  }
  if (out.empty() || out[0] == '.') out.insert(out.begin(), '_');
  return out;
}

std::string PathOf(absl::string_view url) {
  const std::string origin = Origin(url);
  return std::string(url.substr(origin.size()));
}

// The path without its query, as messages and progress lines show a request.
std::string ShownPath(absl::string_view url) {
  const std::string path = PathOf(url);
  return path.substr(0, path.find('?'));
}

bool Retryable(int status) { return status == 429 || (status >= 500 && status <= 599); }

// The "error" of a Hub error body, quoted and cut, for a message; "" when there is none.
std::string HubMessage(const std::string& body) {
  Diagnostics ignored;
  absl::optional<YamlNode> root = ParseYaml(body, 0, &ignored);
  if (!root.has_value()) return "";
  const std::string error = Text(Field(*root, "error"));
  if (error.empty() || LooksLikeSecret(error)) return "";
  return absl::StrCat(" (the Hub's answer: ", QuoteValue(error, 200), ")");
}

class Fetcher {
 public:
  Fetcher(const FetchOrgOptions& options, std::ostream& progress)
      : o_(options), progress_(progress), auth_(absl::StrCat("Authorization: Bearer ", options.token)) {}

  absl::StatusOr<FetchReport> Run() {
    if (o_.token.empty()) return absl::InvalidArgumentError("no token: set HF_TOKEN, or give --token-file FILE");
    for (char c : o_.token) {
      if (c <= ' ' || c == 0x7f) {
        return absl::InvalidArgumentError("the token holds a space or a control character: it cannot be sent");
      }
    }
    if (Origin(o_.endpoint).empty() || PathOf(o_.endpoint) != "") {
      return absl::InvalidArgumentError(absl::StrCat("HF_ENDPOINT must be http(s)://HOST[:PORT], not ",
                                                     QuoteValue(o_.endpoint)));
    }
    origin_ = Origin(o_.endpoint);
    if (absl::Status s = MakeStaging(); !s.ok()) return s;
    absl::Status status = FetchAll();
    if (status.ok()) status = Publish();
    std::error_code ec;
    fs::remove_all(staging_, ec);
    if (!status.ok()) return status;
    return report_;
  }

 private:
  absl::Status FetchAll() {
    absl::StatusOr<HttpResponse> whoami = Get(absl::StrCat(o_.endpoint, "/api/whoami-v2"));
    if (!whoami.ok()) return whoami.status();
    absl::StatusOr<Who> who = ReadWho(whoami->body);
    if (!who.ok()) return who.status();
    who_ = *who;
    ResponsePath whoami_path;
    whoami_path.route = OrgRoute::kWhoami;
    whoami_path.whoami_name = absl::StrCat(who_.user, "-", FileSafe(who_.token_name));
    if (absl::Status s = Save(whoami_path, whoami->body); !s.ok()) return s;
    report_.whoami_file = absl::StrCat(o_.out_dir, "/", whoami_path.Path());
    if (o_.whoami_only) return absl::OkStatus();

    if (who_.role_in_org.empty()) {
      return absl::PermissionDeniedError(absl::StrCat(who_.user, " (the token's user) is not a member of ", o_.org,
                                                      ": fetch-org needs the token of one of its admins"));
    }
    if (who_.role_in_org != "admin") {
      return absl::PermissionDeniedError(absl::StrCat(
          who_.user, " (the token's user) is '", who_.role_in_org, "' in ", o_.org, ": fetch-org needs an admin of ",
          o_.org, " (the Hub shows members' roles and the repository settings to admins only)"));
    }
    const std::string base = absl::StrCat(o_.endpoint, "/api/organizations/", o_.org);
    if (absl::Status s = Pages(OrgRoute::kMembers, base + "/members?limit=500", nullptr); !s.ok()) return s;
    // Resource groups need a team or enterprise plan, service accounts an enterprise one [openapi].
    if (who_.plan != OrgPlan::kFree) {
      if (absl::Status s = Pages(OrgRoute::kResourceGroups, base + "/resource-groups", nullptr); !s.ok()) return s;
    } else {
      progress_ << "fetch-org: " << o_.org << " has no team or enterprise plan: no resource groups to fetch\n";
    }
    std::vector<std::pair<RepoType, std::string>> repos;
    if (absl::Status s = Pages(OrgRoute::kRepositories, base + "/settings/repositories?limit=100000",
                               [&](const YamlNode& item) { CollectRepo(item, &repos); });
        !s.ok()) {
      return s;
    }
    if (who_.plan == OrgPlan::kEnterprise) {
      std::vector<std::string> accounts;
      if (absl::Status s = Pages(OrgRoute::kServiceAccounts, base + "/service-accounts",
                                 [&](const YamlNode& item) { CollectAccount(item, &accounts); });
          !s.ok()) {
        return s;
      }
      for (const std::string& id : accounts) {
        ResponsePath where;
        where.route = OrgRoute::kServiceAccount;
        where.org = o_.org;
        where.service_account_id = id;
        absl::StatusOr<HttpResponse> r = Get(o_.endpoint + where.Url());
        if (!r.ok()) return r.status();
        if (absl::Status s = Save(where, r->body); !s.ok()) return s;
      }
    }
    int done = 0;
    for (const auto& [type, id] : repos) {
      ResponsePath where;
      where.route = OrgRoute::kRepoInfo;
      where.repo_type = type;
      where.repo_id = id;
      absl::StatusOr<HttpResponse> r = Get(o_.endpoint + where.Url(), /*missing_ok=*/true);
      if (!r.ok()) return r.status();
      if (r->status == 404) {
        progress_ << "fetch-org: " << NameOf(type) << " " << id << " is gone (404): its info is not saved\n";
      } else if (absl::Status s = Save(where, r->body); !s.ok()) {
        return s;
      }
      ++done;
      if (done % 100 == 0 || done == static_cast<int>(repos.size())) {
        progress_ << "fetch-org: repo info " << done << " of " << repos.size() << "\n";
      }
    }
    return absl::OkStatus();
  }

  // Every page of a paginated route, from `first` along the next links; `item` sees each item.
  template <typename Fn>
  absl::Status Pages(OrgRoute route, const std::string& first, Fn item) {
    std::set<std::string> seen;
    std::string url = first;
    for (int page = 1;; ++page) {
      if (page > o_.max_pages) {
        return absl::ResourceExhaustedError(absl::StrCat("GET ", OrgRouteTemplate(route), ": more than ", o_.max_pages,
                                                         " pages; stopped"));
      }
      seen.insert(url);
      absl::StatusOr<HttpResponse> r = Get(url);
      if (!r.ok()) return r.status();
      Diagnostics diagnostics;
      absl::optional<YamlNode> root = ParseYaml(r->body, 0, &diagnostics);
      if (!root.has_value() || diagnostics.has_errors() || !root->is_sequence()) {
        return absl::DataLossError(absl::StrCat("GET ", ShownPath(url), ": the response is not the JSON array the Hub's API "
                                                "documents; nothing was saved"));
      }
      if constexpr (!std::is_same_v<Fn, std::nullptr_t>) {
        for (const YamlNode& entry : root->children) item(entry);
      }
      ResponsePath where;
      where.route = route;
      where.org = o_.org;
      where.page = page;
      if (absl::Status s = Save(where, r->body); !s.ok()) return s;
      progress_ << "fetch-org: " << ShownPath(url) << " page " << page << ": "
                << root->children.size() << (root->children.size() == 1 ? " item\n" : " items\n");
      const absl::optional<std::string> next = NextLink(r->Header("Link"));
      if (!next.has_value()) return absl::OkStatus();
      const std::string resolved = ResolveLink(url, *next);
      if (resolved.empty() || Origin(resolved) != origin_) {
        return absl::PermissionDeniedError(absl::StrCat("GET ", ShownPath(url), ": the next page is not on ", origin_,
                                                        " (Link header); not followed, the token is sent nowhere else"));
      }
      if (seen.count(resolved) > 0) {
        return absl::DataLossError(absl::StrCat("GET ", ShownPath(url), ": the next page link loops back to an earlier page"));
      }
      url = resolved;
    }
  }

  void CollectRepo(const YamlNode& item, std::vector<std::pair<RepoType, std::string>>* repos) {
    const std::string type = Text(Field(item, "type"));
    const std::string id = Text(Field(item, "id"));
    if (type != "model" && type != "dataset" && type != "space") return;  // buckets, kernels: not modeled
    // The id becomes a path and a URL: only a valid repo id of the org.
    if (!RepoIdProblem(id).empty() || id.substr(0, id.find('/')) != o_.org) {
      progress_ << "fetch-org: the repository listing holds an id that is not a repo of " << o_.org
                << ": its info is not fetched\n";
      return;
    }
    repos->emplace_back(*ParseName<RepoType>(type), id);
  }

  void CollectAccount(const YamlNode& item, std::vector<std::string>* accounts) {
    const std::string id = Text(Field(item, "_id"));
    ResponsePath where;
    where.route = OrgRoute::kServiceAccount;
    where.org = o_.org;
    where.service_account_id = id;
    const absl::optional<ResponsePath> back = ParseResponsePath(where.Path());
    if (!back.has_value() || back->route != OrgRoute::kServiceAccount) {
      progress_ << "fetch-org: the service-accounts listing holds an '_id' that is not 24 hexadecimal digits: "
                   "that account is not fetched\n";
      return;
    }
    accounts->push_back(id);
  }

  absl::StatusOr<Who> ReadWho(const std::string& body) {
    const WhoamiImport whoami = ImportWhoami("GET /api/whoami-v2", body, {});
    if (!whoami.ok() || whoami.world.users.empty() || whoami.world.tokens.size() != 1) {
      const std::string issues = RenderImportIssues(whoami);
      return absl::DataLossError(absl::StrCat("the response to GET /api/whoami-v2 is not one hubperm can read: ",
                                              issues.substr(0, issues.find('\n'))));
    }
    const Token& token = whoami.world.tokens[0];
    Who who;
    who.user = whoami.world.users[0].text;
    who.token_name = token.name.text;
    who.token_role = std::string(NameOf(token.role));
    who.org_read = token.role != TokenRole::kFineGrained;  // a classic token carries org.read
    for (const Scope& scope : token.scoped) {
      if (scope.type != EntityType::kOrg || scope.entity.text != o_.org) continue;
      for (const PermissionEntry& p : scope.permissions) who.org_read |= p.permission == Permission::kOrgRead;
    }
    for (const Org& org : whoami.world.orgs) {
      if (org.name.text != o_.org || org.members.empty()) continue;  // an org the token is only scoped to
      who.role_in_org = std::string(NameOf(org.members[0].role));
      who.plan = org.plan;
    }
    return who;
  }

  // One GET, retried on 429, 5xx and no response, following redirects on the endpoint's origin only.
  // Returns the 2xx response (or, with `missing_ok`, a 404); any other status is an error that says why.
  absl::StatusOr<HttpResponse> Get(const std::string& first_url, bool missing_ok = false) {
    std::string url = first_url;
    absl::Duration backoff = o_.first_backoff;
    int redirects = 0;
    for (int attempt = 1;; ++attempt) {
      ++report_.requests;
      absl::StatusOr<HttpResponse> r = http_.Get(url, {auth_, "Accept: application/json"});
      std::string why;
      absl::Duration wait = backoff;
      int max_attempts = o_.max_attempts;
      if (!r.ok()) {
        why = std::string(r.status().message());
        // No response at all: the host is likely down or unreachable; fewer attempts than for a busy one.
        max_attempts = std::min(max_attempts, 3);
      } else if (Retryable(r->status)) {
        why = absl::StrCat("GET ", ShownPath(url), " -> ", r->status);
        if (absl::optional<int> after = RetryAfterSeconds(r->Header("Retry-After"))) wait = absl::Seconds(*after);
      } else if (r->status >= 300 && r->status < 400 && !r->Header("Location").empty()) {
        const std::string to = ResolveLink(url, r->Header("Location"));
        if (to.empty() || Origin(to) != origin_ || ++redirects > 5) {
          return absl::PermissionDeniedError(absl::StrCat("GET ", ShownPath(url), " -> ", r->status,
                                                          ": redirected away from ", origin_,
                                                          "; not followed, the token is sent nowhere else"));
        }
        url = to;
        --attempt;
        continue;
      } else {
        return Checked(url, *std::move(r), missing_ok);
      }
      if (attempt >= max_attempts) {
        return absl::UnavailableError(absl::StrCat(why, "; gave up after ", attempt, " attempts"));
      }
      wait = std::min(wait, o_.max_backoff);
      progress_ << "fetch-org: " << why << ", retrying in " << absl::FormatDuration(wait) << " (attempt " << attempt + 1
                << " of " << max_attempts << ")\n";
      ++report_.retries;
      absl::SleepFor(wait);
      backoff = std::min(backoff * 2, o_.max_backoff);
    }
  }

  absl::StatusOr<HttpResponse> Checked(const std::string& url, HttpResponse r, bool missing_ok) {
    const std::string path = ShownPath(url);
    if (r.status >= 200 && r.status < 300) {
      if (r.body.find(o_.token) != std::string::npos) {
        return absl::PermissionDeniedError(absl::StrCat("GET ", path, ": the response contains the token itself; "
                                                        "nothing was saved"));
      }
      return r;
    }
    if (r.status == 404 && missing_ok) return r;
    const std::string hub = r.body.find(o_.token) == std::string::npos ? HubMessage(r.body) : "";
    if (r.status == 401) {
      return absl::UnauthenticatedError(absl::StrCat("GET ", path, " -> 401 Unauthorized", hub, ": ", origin_,
                                                     " does not accept the token (HF_TOKEN or --token-file): it is "
                                                     "mistyped, expired or revoked"));
    }
    if (r.status == 403) {
      std::string missing;
      if (!who_.user.empty()) {
        const std::string token =
            who_.token_role == "fineGrained"
                ? absl::StrCat("this fine-grained token ", who_.org_read ? "has org.read there" : "lacks org.read there")
                : absl::StrCat("a classic ", who_.token_role, " token carries both");
        missing = absl::StrCat(
            ". fetch-org needs the token of an admin of ", o_.org, " (", who_.user, " is ",
            who_.role_in_org.empty() ? std::string("not a member") : absl::StrCat("'", who_.role_in_org, "'"),
            "), with org.read on org ", o_.org, " and repo.content.read there (", token, ")");
      }
      return absl::PermissionDeniedError(absl::StrCat("GET ", path, " -> 403 Forbidden", hub, missing));
    }
    return absl::FailedPreconditionError(absl::StrCat("GET ", path, " -> ", r.status, hub));
  }

  absl::Status MakeStaging() {
    std::error_code ec;
    fs::create_directories(o_.out_dir, ec);
    if (ec || !fs::is_directory(o_.out_dir)) {
      return absl::InvalidArgumentError(absl::StrCat("cannot create ", QuotePath(o_.out_dir), ": ", ec.message()));
    }
    std::string pattern = absl::StrCat(o_.out_dir, "/.fetch-org.XXXXXX");
    if (mkdtemp(pattern.data()) == nullptr) {
      return absl::InvalidArgumentError(absl::StrCat("cannot write in ", QuotePath(o_.out_dir)));
    }
    staging_ = pattern;
    return absl::OkStatus();
  }

  // Writes a response into the staging directory, readable by its owner only (members' emails).
  absl::Status Save(const ResponsePath& where, const std::string& body) {
    const fs::path path = fs::path(staging_) / where.Path();
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    const int fd = ec ? -1 : open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    bool ok = fd >= 0;
    for (size_t written = 0; ok && written < body.size();) {
      const ssize_t n = write(fd, body.data() + written, body.size() - written);
      ok = n > 0;
      written += ok ? static_cast<size_t>(n) : 0;
    }
    if (fd >= 0) ok = close(fd) == 0 && ok;
    if (!ok) return absl::InternalError(absl::StrCat("cannot write ", QuotePath(path.string())));
    ++report_.files;
    return absl::OkStatus();
  }

  // Moves the staged responses in place of the org's old ones.
  absl::Status Publish() {
    std::vector<std::string> moved = {"api/whoami-v2"};
    if (!o_.whoami_only) {
      moved.push_back(absl::StrCat("api/organizations/", o_.org));
      for (absl::string_view type : {"models", "datasets", "spaces"}) moved.push_back(absl::StrCat("api/", type, "/", o_.org));
    }
    std::error_code ec;
    for (const std::string& part : moved) {
      const fs::path from = fs::path(staging_) / part;
      const fs::path to = fs::path(o_.out_dir) / part;
      if (part == "api/whoami-v2") {
        if (!fs::exists(from)) continue;
        fs::create_directories(to, ec);
        for (const auto& file : fs::directory_iterator(from)) fs::rename(file.path(), to / file.path().filename(), ec);
      } else {
        fs::remove_all(to, ec);
        if (!fs::exists(from)) continue;
        fs::create_directories(to.parent_path(), ec);
        fs::rename(from, to, ec);
      }
      if (ec) return absl::InternalError(absl::StrCat("cannot move the responses into ", QuotePath(to.string()), ": ", ec.message()));
    }
    return absl::OkStatus();
  }

  const FetchOrgOptions& o_;
  std::ostream& progress_;
  const std::string auth_;
  std::string origin_;
  std::string staging_;
  HttpClient http_;
  Who who_;
  FetchReport report_;
};

}  // namespace

absl::StatusOr<FetchReport> FetchOrg(const FetchOrgOptions& options, std::ostream& progress) {
  return Fetcher(options, progress).Run();
}

}  // namespace hubperm
