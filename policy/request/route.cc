// Copyright 2026 The hubperm Authors.

#include "policy/request/route.h"

#include <algorithm>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "policy/common/diagnostics.h"
#include "policy/common/suggest.h"
#include "policy/load/yaml_tree.h"
#include "policy/request/catalogue.h"

namespace hubperm {
namespace {

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

const std::string* Field(const Body& body, absl::string_view key) {
  for (const auto& [k, v] : body) {
    if (k == key) return &v;
  }
  return nullptr;
}


bool IsPlaceholder(absl::string_view segment) { return absl::StrContains(segment, '{'); }

// What a request's path says once matched against a row: views into the request's segments.
struct PathMatch {
  int literals = 0;  // literal segments matched: the more, the more specific the row
  absl::string_view ns, name, org, group;
  absl::optional<RepoType> type;
};

// Matches `segments` against the row's path template (see routes.yaml for the placeholders).
bool MatchPath(const CatalogueRoute& route, const std::vector<std::string>& segments, PathMatch* out) {
  // A trailing {path} takes any number of segments, even none.
  const bool rest = route.takes_rest;
  if (rest ? segments.size() + 1 < route.segments.size() : segments.size() != route.segments.size()) return false;
  PathMatch m;
  m.type = route.type;
  for (size_t p = 0; p < route.segments.size(); ++p) {
    const std::string& part = route.segments[p];
    if (rest && p + 1 == route.segments.size()) break;
    const std::string& seg = segments[p];
    if (seg.empty()) return false;
    if (!IsPlaceholder(part)) {
      if (part != seg) return false;
      ++m.literals;
    } else if (part == "{repoType}") {
      m.type = RepoTypeOfSegment(seg);
      if (!m.type.has_value()) return false;
    } else if (part == "{namespace}") {
      m.ns = seg;
    } else if (part == "{repo}") {
      m.name = seg;
    } else if (part == "{name}" && p > 0 && route.segments[p - 1] == "organizations") {
      m.org = seg;
    } else if (part == "{resourceGroupId}") {
      m.group = seg;
    }
  }
  *out = m;
  return true;
}

// How far a request's path is from a row, for "the nearest known routes": segment by segment, a
// placeholder costs nothing, a literal its edit distance; a missing or extra segment, or another verb, costs more.
int Distance(const CatalogueRoute& route, absl::string_view method, const std::vector<std::string>& segments) {
  int cost = route.method == method ? 0 : 3;
  const size_t n = std::max(route.segments.size(), segments.size());
  for (size_t i = 0; i < n; ++i) {
    if (i >= route.segments.size() || i >= segments.size()) {
      if (i < route.segments.size() && route.segments[i] == "{path}") break;
      cost += 6;
    } else if (!IsPlaceholder(route.segments[i])) {
      cost += EditDistance(route.segments[i], segments[i]);
    }
  }
  return cost;
}

absl::Status CheckBodyFields(const Body& body, const CatalogueRoute& route) {
  if (route.body == BodyKind::kAny) return absl::OkStatus();
  const absl::Span<const absl::string_view> allowed = BodyFields(route.body);
  std::vector<std::string> problems;
  for (const auto& [key, value] : body) {
    if (!BodyAllows(route.body, key)) problems.push_back(absl::StrCat("'", key, "'", DidYouMean(key, allowed)));
  }
  if (problems.empty()) return absl::OkStatus();
  if (allowed.empty()) return absl::InvalidArgumentError(absl::StrCat(route.Name(), " takes no body"));
  return absl::InvalidArgumentError(absl::StrCat("unknown body field ", absl::StrJoin(problems, ", "), " for ",
                                                 route.Name(), " (valid: ", absl::StrJoin(allowed, ", "), ")"));
}

// The path of a request line: a full URL loses its scheme and host ("https://huggingface.co/api/..."),
// the query goes to `query`.
absl::string_view SplitTarget(absl::string_view target, absl::string_view* query) {
  if (size_t scheme = target.find("://"); scheme != absl::string_view::npos) {
    target.remove_prefix(scheme + 3);
    const size_t slash = target.find('/');
    target = slash == absl::string_view::npos ? absl::string_view("/") : target.substr(slash);
  } else {
    absl::ConsumePrefix(&target, "huggingface.co");  // a URL without its scheme
  }
  if (size_t q = target.find('?'); q != absl::string_view::npos) {
    *query = target.substr(q + 1);
    target = target.substr(0, q);
  }
  return target;
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

absl::StatusOr<RouteMatch> MatchHttpRequest(absl::string_view line) {
  line = absl::StripAsciiWhitespace(line);
  std::vector<absl::string_view> words = absl::StrSplit(line, absl::ByAnyChar(" \t"), absl::SkipEmpty());
  if (words.size() != 2) {
    return absl::InvalidArgumentError(absl::StrCat("an HTTP request is 'VERB PATH', e.g. 'POST /api/repos/create'; got '", line, "'"));
  }
  const std::string method = absl::AsciiStrToUpper(words[0]);
  if (std::find(HttpVerbs().begin(), HttpVerbs().end(), method) == HttpVerbs().end()) {
    return absl::InvalidArgumentError(absl::StrCat("unknown HTTP verb '", words[0], "'", DidYouMean(method, HttpVerbs()),
                                                   " (verbs: ", absl::StrJoin(HttpVerbs(), ", "), ")"));
  }
  absl::string_view query;
  const absl::string_view target = SplitTarget(words[1], &query);
  if (!absl::StartsWith(target, "/")) {
    return absl::InvalidArgumentError(absl::StrCat("the path must start with '/': '", target, "'"));
  }
  std::vector<std::string> segments;
  for (absl::string_view seg : absl::StrSplit(absl::StripPrefix(target, "/"), '/')) segments.push_back(PercentDecode(seg));
  if (!segments.empty() && segments.back().empty()) segments.pop_back();  // a trailing slash

  RouteMatch best;
  PathMatch best_path;
  best_path.literals = -1;
  // The most literal segments wins; between equals, the first row in file order.
  const auto [exact, with_rest] = BuiltinCatalogue().Candidates(method, segments.size());
  for (absl::Span<const CatalogueRoute* const> candidates : {exact, with_rest}) {
    for (const CatalogueRoute* route : candidates) {
      PathMatch m;
      if (!MatchPath(*route, segments, &m)) continue;
      if (m.literals < best_path.literals ||
          (m.literals == best_path.literals && best.route != nullptr && best.route->index < route->index)) {
        continue;
      }
      best_path = m;
      best.route = route;
    }
  }
  if (best.route != nullptr) {
    best.ns = std::string(best_path.ns);
    best.name = std::string(best_path.name);
    best.org = std::string(best_path.org);
    best.group = std::string(best_path.group);
    best.type = best_path.type;
  }
  if (best.route == nullptr) {
    const std::vector<CatalogueRoute>& routes = BuiltinCatalogue().routes();
    std::vector<int> distances;
    for (const CatalogueRoute& route : routes) distances.push_back(Distance(route, method, segments));
    std::string nearest;
    for (size_t i : LowestScores(distances, 3)) absl::StrAppend(&nearest, "\n  ", routes[i].Name());
    return absl::NotFoundError(absl::StrCat("unknown route '", method, " ", target, "'; the nearest known routes:", nearest,
                                            "\n(hubperm routes lists them all)"));
  }
  for (absl::string_view param : absl::StrSplit(query, '&', absl::SkipEmpty())) {
    if (param == "create_pr=1" || param == "create_pr=true" || param == "create_pr=True") best.create_pr = true;
  }
  return best;
}

absl::StatusOr<RequestDescription> DescribeRoute(const RouteMatch& match, const Body& body) {
  const CatalogueRoute& route = *match.route;
  RequestDescription spec;
  spec.asked.form = RequestForm::kHttp;
  spec.asked.route = &route;
  if (!route.operation.has_value()) return spec;  // not modeled: the caller answers with the reason
  if (absl::Status st = CheckBodyFields(body, route); !st.ok()) return st;
  spec.operation = *route.operation;
  spec.repo_type = match.type.value_or(RepoType::kModel);
  const OperationInfo& op = GetOperationInfo(spec.operation);
  switch (op.target) {
    case TargetKind::kRepo:
      if (!match.ns.empty()) spec.repo = absl::StrCat(match.ns, "/", match.name);
      break;
    case TargetKind::kOrg:
      spec.org = match.org;
      break;
    case TargetKind::kGroup:
      spec.org = match.org;
      spec.group = match.group;
      break;
    case TargetKind::kNamespace:
    case TargetKind::kNone:
      break;
  }
  // A commit with ?create_pr=1 opens a pull request: read access plus discussion.write [client].
  if (spec.operation == Operation::kCreateCommit && match.create_pr) spec.operation = Operation::kCreatePullRequest;

  auto type_field = [&](RequestDescription* s) -> absl::Status {
    if (const std::string* type = Field(body, "type")) {
      absl::optional<RepoType> t = ParseName<RepoType>(*type);
      if (!t.has_value()) {
        return absl::InvalidArgumentError(absl::StrCat("body field 'type' must be model, dataset or space, not '", *type, "'"));
      }
      s->repo_type = *t;
    }
    return absl::OkStatus();
  };
  switch (route.body) {
    case BodyKind::kCreate:
    case BodyKind::kDelete: {
      if (absl::Status st = type_field(&spec); !st.ok()) return st;
      const std::string* name = Field(body, "name");
      if (name == nullptr || name->empty()) {
        return absl::InvalidArgumentError(absl::StrCat(route.Name(), " needs a body with 'name' (and 'organization' for an org)"));
      }
      const std::string* org = Field(body, "organization");
      const std::string ns = org == nullptr ? "" : *org;
      if (route.body == BodyKind::kCreate) {
        spec.ns = ns;
        if (const std::string* group = Field(body, "resourceGroupId")) spec.group = *group;
      } else {
        spec.repo = ns.empty() ? *name : absl::StrCat(ns, "/", *name);
      }
      break;
    }
    case BodyKind::kMove: {
      if (absl::Status st = type_field(&spec); !st.ok()) return st;
      const std::string* from = Field(body, "fromRepo");
      const std::string* to = Field(body, "toRepo");
      if (from == nullptr || to == nullptr || from->empty() || to->empty()) {
        return absl::InvalidArgumentError(absl::StrCat(route.Name(), " needs a body with 'fromRepo' and 'toRepo' (NS/NAME each)"));
      }
      absl::StatusOr<std::string> ns = DestinationNamespace(spec.operation, *to);
      if (!ns.ok()) return ns.status();
      spec.repo = *from;
      spec.ns = *ns;
      break;
    }
    case BodyKind::kDuplicate: {
      const std::string* to = Field(body, "repository");
      if (to == nullptr || to->empty()) {
        return absl::InvalidArgumentError(absl::StrCat(route.Name(), " needs a body with 'repository' (NS/NAME of the copy)"));
      }
      absl::StatusOr<std::string> ns = DestinationNamespace(spec.operation, *to);
      if (!ns.ok()) return ns.status();
      spec.ns = *ns;
      break;
    }
    case BodyKind::kResourceGroup: {
      const std::string* group = Field(body, "resourceGroupId");
      if (group == nullptr || group->empty()) return absl::InvalidArgumentError("moving a repo into a group needs 'resourceGroupId' in the body");
      spec.group = *group;
      break;
    }
    case BodyKind::kNone:
    case BodyKind::kAny:
    case BodyKind::kSettings:
      break;
  }
  return spec;
}

absl::StatusOr<RequestDescription> ParseHttpRequest(absl::string_view line, const Body& body) {
  absl::StatusOr<RouteMatch> match = MatchHttpRequest(line);
  if (!match.ok()) return match.status();
  absl::StatusOr<RequestDescription> description = DescribeRoute(*match, body);
  if (description.ok()) description->asked.http = std::string(absl::StripAsciiWhitespace(line));
  return description;
}

}  // namespace hubperm
