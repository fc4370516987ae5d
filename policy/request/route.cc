// Copyright 2026 The hubperm Authors.

#include "policy/request/route.h"

#include <algorithm>
#include <array>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "policy/common/diagnostics.h"
#include "policy/common/suggest.h"
#include "policy/load/yaml_tree.h"

namespace hubperm {
namespace {

// What a route's body may hold: the keys of the Hub's OpenAPI request schema for that route.
enum class BodyKind : uint8_t { kNone, kCreate, kDelete, kMove, kMoveToGroup, kSettings, kAny };

constexpr absl::string_view kCreateKeys[] = {
    "devModeEnabled", "files",   "hardware",   "license",         "license_link", "license_name", "name",
    "organization",   "private", "region",     "resourceGroupId", "sdk",          "sdkVersion",   "secrets",
    "short_description", "sleepTimeSeconds", "template", "type", "variables", "visibility", "volumes"};
constexpr absl::string_view kDeleteKeys[] = {"name", "organization", "type"};  // huggingface_hub delete_repo
constexpr absl::string_view kMoveKeys[] = {"fromRepo", "toRepo", "type"};
constexpr absl::string_view kMoveToGroupKeys[] = {"resourceGroupId"};
constexpr absl::string_view kSettingsKeys[] = {"discussionsDisabled", "discussionsSorting",     "gated",
                                               "gatedNotificationsEmail", "gatedNotificationsMode",
                                               "orgMembersGated", "private", "visibility"};

// Path template segments: literals, or {placeholders}. `{type}s` is models|datasets|spaces (sets the
// repo type), `{ns}`/`{name}` the repo, `{org}`, `{group}`, `{user}` names, `{_}` any one segment
// that does not matter to the decision, `{path*}` one or more remaining segments.
struct Route {
  absl::string_view method;
  absl::string_view path;
  Operation operation;
  RepoType type;  // for routes without {type}s
  BodyKind body;
};

using O = Operation;
constexpr RepoType M = RepoType::kModel, D = RepoType::kDataset, S = RepoType::kSpace;

constexpr std::array<Route, 26> kRoutes = {{
    {"GET", "/{ns}/{name}/resolve/{_}/{path*}", O::kDownloadFile, M, BodyKind::kNone},
    {"GET", "/datasets/{ns}/{name}/resolve/{_}/{path*}", O::kDownloadFile, D, BodyKind::kNone},
    {"GET", "/spaces/{ns}/{name}/resolve/{_}/{path*}", O::kDownloadFile, S, BodyKind::kNone},
    {"HEAD", "/{ns}/{name}/resolve/{_}/{path*}", O::kDownloadFile, M, BodyKind::kNone},
    {"HEAD", "/datasets/{ns}/{name}/resolve/{_}/{path*}", O::kDownloadFile, D, BodyKind::kNone},
    {"HEAD", "/spaces/{ns}/{name}/resolve/{_}/{path*}", O::kDownloadFile, S, BodyKind::kNone},
    {"GET", "/api/{type}s/{ns}/{name}", O::kRepoInfo, M, BodyKind::kNone},
    {"POST", "/api/repos/create", O::kCreateRepo, M, BodyKind::kCreate},
    {"DELETE", "/api/repos/delete", O::kDeleteRepo, M, BodyKind::kDelete},
    {"POST", "/api/repos/move", O::kMoveRepo, M, BodyKind::kMove},
    {"PUT", "/api/{type}s/{ns}/{name}/settings", O::kUpdateRepoSettings, M, BodyKind::kSettings},
    {"POST", "/api/{type}s/{ns}/{name}/commit/{_}", O::kCreateCommit, M, BodyKind::kAny},
    {"POST", "/api/{type}s/{ns}/{name}/preupload/{_}", O::kCreateCommit, M, BodyKind::kAny},
    {"POST", "/api/{type}s/{ns}/{name}/branch/{_}", O::kCreateBranch, M, BodyKind::kAny},
    {"DELETE", "/api/{type}s/{ns}/{name}/branch/{_}", O::kDeleteBranch, M, BodyKind::kNone},
    {"POST", "/api/{type}s/{ns}/{name}/tag/{_}", O::kCreateTag, M, BodyKind::kAny},
    {"POST", "/api/{type}s/{ns}/{name}/discussions", O::kCreateDiscussion, M, BodyKind::kAny},
    {"POST", "/api/{type}s/{ns}/{name}/discussions/{_}/comment", O::kCommentDiscussion, M, BodyKind::kAny},
    {"GET", "/api/{type}s/{ns}/{name}/user-access-request/{_}", O::kListAccessRequests, M, BodyKind::kNone},
    {"POST", "/api/{type}s/{ns}/{name}/user-access-request/handle", O::kHandleAccessRequest, M, BodyKind::kAny},
    {"POST", "/api/{type}s/{ns}/{name}/resource-group", O::kMoveRepoToGroup, M, BodyKind::kMoveToGroup},
    {"GET", "/api/organizations/{org}/members", O::kListOrgMembers, M, BodyKind::kNone},
    {"PUT", "/api/organizations/{org}/members/{user}/role", O::kChangeMemberRole, M, BodyKind::kAny},
    {"GET", "/api/whoami-v2", O::kWhoami, M, BodyKind::kNone},
    {"POST", "/api/organizations/{org}/resource-groups/{group}/users", O::kManageGroupMembers, M, BodyKind::kAny},
    {"POST", "/api/organizations/{org}/resource-groups", O::kCreateGroup, M, BodyKind::kAny},
}};

// PATCH and DELETE of one member go to the same operation as adding one.
constexpr std::array<Route, 2> kMemberRoutes = {{
    {"PATCH", "/api/organizations/{org}/resource-groups/{group}/users/{user}", O::kManageGroupMembers, M, BodyKind::kAny},
    {"DELETE", "/api/organizations/{org}/resource-groups/{group}/users/{user}", O::kManageGroupMembers, M, BodyKind::kNone},
}};

std::string PercentDecode(absl::string_view in) {
  std::string out;
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '%' && i + 2 < in.size() && absl::ascii_isxdigit(in[i + 1]) && absl::ascii_isxdigit(in[i + 2])) {
      auto hex = [](char c) { return absl::ascii_isdigit(c) ? c - '0' : absl::ascii_tolower(c) - 'a' + 10; };
      out.push_back(static_cast<char>(hex(in[i + 1]) * 16 + hex(in[i + 2])));
      i += 2;
    } else {
      out.push_back(in[i]);
    }
  }
  return out;
}

// Matches `segments` against `route`; fills `spec` on success.
bool Match(const Route& route, const std::vector<std::string>& segments, RequestSpec* spec) {
  std::vector<absl::string_view> parts = absl::StrSplit(absl::StripPrefix(route.path, "/"), '/');
  RequestSpec out;
  out.operation = route.operation;
  out.repo_type = route.type;
  std::string ns, name;
  size_t i = 0;
  for (size_t p = 0; p < parts.size(); ++p) {
    const absl::string_view part = parts[p];
    if (part == "{path*}") {
      if (i >= segments.size()) return false;
      i = segments.size();
      break;
    }
    if (i >= segments.size()) return false;
    const std::string& seg = segments[i++];
    if (part == "{type}s") {
      if (seg == "models") out.repo_type = RepoType::kModel;
      else if (seg == "datasets") out.repo_type = RepoType::kDataset;
      else if (seg == "spaces") out.repo_type = RepoType::kSpace;
      else return false;
    } else if (part == "{ns}") {
      ns = seg;
    } else if (part == "{name}") {
      name = seg;
    } else if (part == "{org}") {
      out.org = seg;
    } else if (part == "{group}") {
      out.group = seg;
    } else if (part == "{user}" || part == "{_}") {
    } else if (part != seg) {
      return false;
    }
    if (seg.empty()) return false;
  }
  if (i != segments.size()) return false;
  if (!ns.empty()) out.repo = absl::StrCat(ns, "/", name);
  *spec = std::move(out);
  return true;
}

absl::Status CheckBodyKeys(const Body& body, BodyKind kind, absl::string_view route) {
  absl::Span<const absl::string_view> allowed;
  switch (kind) {
    case BodyKind::kAny:
      return absl::OkStatus();
    case BodyKind::kNone:
      break;
    case BodyKind::kCreate:
      allowed = kCreateKeys;
      break;
    case BodyKind::kDelete:
      allowed = kDeleteKeys;
      break;
    case BodyKind::kMove:
      allowed = kMoveKeys;
      break;
    case BodyKind::kMoveToGroup:
      allowed = kMoveToGroupKeys;
      break;
    case BodyKind::kSettings:
      allowed = kSettingsKeys;
      break;
  }
  std::vector<std::string> problems;
  for (const auto& [key, value] : body) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      problems.push_back(absl::StrCat("'", key, "'", DidYouMean(key, allowed)));
    }
  }
  if (problems.empty()) return absl::OkStatus();
  if (allowed.empty()) return absl::InvalidArgumentError(absl::StrCat(route, " takes no body"));
  return absl::InvalidArgumentError(absl::StrCat("unknown body field ", absl::StrJoin(problems, ", "), " for ", route,
                                                 " (valid: ", absl::StrJoin(allowed, ", "), ")"));
}

const std::string* Field(const Body& body, absl::string_view key) {
  for (const auto& [k, v] : body) {
    if (k == key) return &v;
  }
  return nullptr;
}

}  // namespace

absl::StatusOr<Body> ParseBody(absl::string_view text) {
  Body body;
  if (absl::StripAsciiWhitespace(text).empty()) return body;
  SourceFiles files;
  const int file = files.Add("<body>", std::string(text));
  Diagnostics diagnostics;
  absl::optional<YamlNode> root = ParseYaml(files.text(file), file, &diagnostics);
  if (diagnostics.has_errors() || !root.has_value()) {
    return absl::InvalidArgumentError(absl::StrCat("the body is not valid JSON or YAML:\n", diagnostics.Render(files)));
  }
  if (!root->is_map()) return absl::InvalidArgumentError("the body must be a JSON object");
  for (size_t i = 0; i < root->map_size(); ++i) {
    const YamlNode& key = root->key(i);
    const YamlNode& value = root->value(i);
    if (!key.is_scalar()) return absl::InvalidArgumentError("body keys must be strings");
    if (value.is_sequence() || value.is_map()) {
      body.emplace_back(key.scalar, "");  // nested values (files, secrets) do not affect the decision
      continue;
    }
    for (const auto& [k, v] : body) {
      if (k == key.scalar) return absl::InvalidArgumentError(absl::StrCat("body field '", k, "' appears twice"));
    }
    body.emplace_back(key.scalar, value.is_null() ? "" : value.scalar);
  }
  return body;
}

std::vector<RouteRow> AllRoutes() {
  std::vector<RouteRow> out;
  for (const Route& r : kRoutes) out.push_back(RouteRow{r.method, r.path, r.operation});
  for (const Route& r : kMemberRoutes) out.push_back(RouteRow{r.method, r.path, r.operation});
  return out;
}

std::vector<std::string> KnownRoutes() {
  std::vector<std::string> out;
  for (const RouteRow& r : AllRoutes()) out.push_back(absl::StrCat(r.method, " ", r.path));
  return out;
}

absl::StatusOr<RequestSpec> ParseHttpRequest(absl::string_view line, const Body& body) {
  line = absl::StripAsciiWhitespace(line);
  std::vector<absl::string_view> words = absl::StrSplit(line, absl::ByAnyChar(" \t"), absl::SkipEmpty());
  if (words.size() != 2) {
    return absl::InvalidArgumentError(absl::StrCat("an HTTP request is 'VERB PATH', e.g. 'POST /api/repos/create'; got '", line, "'"));
  }
  const std::string method = absl::AsciiStrToUpper(words[0]);
  absl::string_view target = words[1];
  for (absl::string_view prefix : {"https://huggingface.co", "http://huggingface.co", "huggingface.co"}) {
    if (absl::ConsumePrefix(&target, prefix)) break;
  }
  absl::string_view query;
  if (size_t q = target.find('?'); q != absl::string_view::npos) {
    query = target.substr(q + 1);
    target = target.substr(0, q);
  }
  if (!absl::StartsWith(target, "/")) {
    return absl::InvalidArgumentError(absl::StrCat("the path must start with '/': '", target, "'"));
  }
  std::vector<std::string> segments;
  for (absl::string_view seg : absl::StrSplit(absl::StripPrefix(target, "/"), '/')) segments.push_back(PercentDecode(seg));
  if (!segments.empty() && segments.back().empty()) segments.pop_back();  // a trailing slash

  const Route* matched = nullptr;
  RequestSpec spec;
  for (absl::Span<const Route> table : {absl::Span<const Route>(kRoutes), absl::Span<const Route>(kMemberRoutes)}) {
    for (const Route& r : table) {
      if (matched == nullptr && r.method == method && Match(r, segments, &spec)) matched = &r;
    }
  }
  if (matched == nullptr) {
    const std::vector<std::string> known = KnownRoutes();
    std::vector<absl::string_view> views(known.begin(), known.end());
    const std::string asked = absl::StrCat(method, " ", target);
    // Nearest by edit distance over the whole "VERB /path".
    std::vector<std::pair<int, size_t>> scored;
    for (size_t i = 0; i < views.size(); ++i) scored.emplace_back(EditDistance(asked, views[i]), i);
    std::stable_sort(scored.begin(), scored.end());
    std::string nearest;
    for (size_t i = 0; i < 3 && i < scored.size(); ++i) absl::StrAppend(&nearest, "\n  ", views[scored[i].second]);
    return absl::NotFoundError(absl::StrCat("unknown route '", asked, "'; the nearest known routes:", nearest,
                                            "\n(hubperm routes lists them all)"));
  }
  const std::string route_name = absl::StrCat(matched->method, " ", matched->path);
  if (absl::Status st = CheckBodyKeys(body, matched->body, route_name); !st.ok()) return st;

  // A commit with ?create_pr=1 opens a pull request: read access plus discussion.write [client].
  if (spec.operation == Operation::kCreateCommit) {
    for (absl::string_view param : absl::StrSplit(query, '&', absl::SkipEmpty())) {
      if (param == "create_pr=1" || param == "create_pr=true" || param == "create_pr=True") {
        spec.operation = Operation::kCreatePullRequest;
      }
    }
  }
  auto type_field = [&](RequestSpec* s) -> absl::Status {
    if (const std::string* type = Field(body, "type")) {
      absl::optional<RepoType> t = ParseName<RepoType>(*type);
      if (!t.has_value()) {
        return absl::InvalidArgumentError(absl::StrCat("body field 'type' must be model, dataset or space, not '", *type, "'"));
      }
      s->repo_type = *t;
    }
    return absl::OkStatus();
  };
  switch (spec.operation) {
    case Operation::kCreateRepo:
    case Operation::kDeleteRepo: {
      if (absl::Status st = type_field(&spec); !st.ok()) return st;
      const std::string* name = Field(body, "name");
      if (name == nullptr || name->empty()) {
        return absl::InvalidArgumentError(absl::StrCat(route_name, " needs a body with 'name' (and 'organization' for an org)"));
      }
      const std::string* org = Field(body, "organization");
      const std::string ns = org == nullptr ? "" : *org;
      if (spec.operation == Operation::kCreateRepo) {
        spec.ns = ns;
        if (const std::string* group = Field(body, "resourceGroupId")) spec.group = *group;
      } else {
        spec.repo = ns.empty() ? *name : absl::StrCat(ns, "/", *name);
      }
      break;
    }
    case Operation::kMoveRepo: {
      if (absl::Status st = type_field(&spec); !st.ok()) return st;
      const std::string* from = Field(body, "fromRepo");
      const std::string* to = Field(body, "toRepo");
      if (from == nullptr || to == nullptr || from->empty() || to->empty()) {
        return absl::InvalidArgumentError(absl::StrCat(route_name, " needs a body with 'fromRepo' and 'toRepo' (NS/NAME each)"));
      }
      absl::StatusOr<std::string> ns = MoveDestination(*to);
      if (!ns.ok()) return ns.status();
      spec.repo = *from;
      spec.ns = *ns;
      break;
    }
    case Operation::kMoveRepoToGroup: {
      const std::string* group = Field(body, "resourceGroupId");
      if (group == nullptr || group->empty()) return absl::InvalidArgumentError("moving a repo into a group needs 'resourceGroupId' in the body");
      spec.group = *group;
      break;
    }
    default:
      break;
  }
  return spec;
}

}  // namespace hubperm
