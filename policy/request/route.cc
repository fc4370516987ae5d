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
#include "policy/common/escape.h"
#include "policy/common/percent_decode.h"
#include "policy/common/suggest.h"
#include "policy/request/catalogue.h"

namespace hubperm {
namespace {

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
    } else if (part == "{repo}.git") {  // the git and LFS endpoints: /{namespace}/{repo}.git/info/lfs/...
      if (!absl::EndsWith(seg, ".git") || seg.size() == 4) return false;
      m.name = absl::string_view(seg).substr(0, seg.size() - 4);
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

absl::Status CheckFields(const Body& fields, BodyKind kind, absl::string_view what) {
  const absl::Span<const absl::string_view> allowed = BodyFields(kind);
  std::vector<std::string> problems;
  for (const auto& [key, value] : fields) {
    if (!BodyAllows(kind, key)) problems.push_back(absl::StrCat("'", key, "'", DidYouMean(key, allowed)));
  }
  if (problems.empty()) return absl::OkStatus();
  if (allowed.empty()) return absl::InvalidArgumentError(absl::StrCat(what, " takes no body"));
  return absl::InvalidArgumentError(absl::StrCat("unknown body field ", absl::StrJoin(problems, ", "), " for ", what,
                                                 " (valid: ", absl::StrJoin(allowed, ", "), ")"));
}

// A commit's NDJSON lines (the Hub's OpenAPI description of the commit route, and the keys
// huggingface_hub sends): a header first, then operations, each with the fields its key takes.
struct CommitLineRow {
  absl::string_view key;
  std::vector<absl::string_view> fields;
  absl::string_view needs;      // a field the line must have ...
  absl::string_view or_needs;   // ... or this one ("" : no alternative)
};
const std::vector<CommitLineRow>& CommitLines() {
  static const auto* rows = new std::vector<CommitLineRow>{
      {"header", {"summary", "description", "parentCommit"}, "summary", ""},
      {"file", {"path", "content", "encoding", "oldPath"}, "path", ""},
      {"lfsFile", {"path", "oid", "algo", "size", "oldPath"}, "path", ""},
      {"deletedEntry", {"path"}, "path", ""},
      {"deletedFile", {"path"}, "path", ""},
      {"deletedFolder", {"path"}, "path", ""},
  };
  return *rows;
}

absl::Status CheckCommitLines(const RequestBody& body, const CatalogueRoute& route) {
  if (body.lines.empty()) return absl::OkStatus();
  std::vector<absl::string_view> keys;
  for (const CommitLineRow& row : CommitLines()) keys.push_back(row.key);
  for (size_t i = 0; i < body.lines.size(); ++i) {
    const BodyLine& line = body.lines[i];
    const std::string where = absl::StrCat("body line ", line.line);
    const CommitLineRow* row = nullptr;
    for (const CommitLineRow& r : CommitLines()) {
      if (r.key == line.key) row = &r;
    }
    if (row == nullptr) {
      return absl::InvalidArgumentError(absl::StrCat(where, ": unknown key '", line.key, "'", DidYouMean(line.key, keys),
                                                     " for ", route.Name(), " (keys: ", absl::StrJoin(keys, ", "), ")"));
    }
    if ((i == 0) != (line.key == "header")) {
      return absl::InvalidArgumentError(absl::StrCat(
          where, i == 0 ? ": a commit starts with its header line ({\"key\": \"header\", \"value\": {\"summary\": ...}})"
                        : ": a commit has one header line, the first"));
    }
    bool has_needed = false;
    for (const auto& [field, value] : line.value) {
      if (std::find(row->fields.begin(), row->fields.end(), field) == row->fields.end()) {
        return absl::InvalidArgumentError(absl::StrCat(where, ": unknown field '", field, "' of ", row->key,
                                                       DidYouMean(field, row->fields), " (valid: ",
                                                       absl::StrJoin(row->fields, ", "), ")"));
      }
      if (field == row->needs && !value.empty()) has_needed = true;
    }
    if (!has_needed) {
      return absl::InvalidArgumentError(absl::StrCat(where, ": ", row->key, " needs '", row->needs, "'"));
    }
  }
  return absl::OkStatus();
}

// Whether `body` is one `route` accepts: its format, then its fields (or, for a commit, its lines).
absl::Status CheckBody(const RequestBody& body, const CatalogueRoute& route) {
  if (body.format == BodyFormat::kNdjson) {
    if (route.body != BodyKind::kCommit) {
      return absl::InvalidArgumentError(absl::StrCat(route.Name(), " takes a JSON body, not NDJSON (NDJSON is for commits)"));
    }
    return CheckCommitLines(body, route);
  }
  if (route.body == BodyKind::kAny) return absl::OkStatus();
  return CheckFields(body.fields, route.body, route.Name());
}

// The path of a request line: a full URL loses its scheme and host ("https://huggingface.co/api/..."),
// the query goes to `query`, and a fragment ("#readme") is dropped: a client never sends it.
absl::string_view SplitTarget(absl::string_view target, absl::string_view* query) {
  if (size_t hash = target.find('#'); hash != absl::string_view::npos) target = target.substr(0, hash);
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

absl::StatusOr<RouteMatch> MatchHttpRequest(absl::string_view line) {
  line = absl::StripAsciiWhitespace(line);
  std::vector<absl::string_view> words = absl::StrSplit(line, absl::ByAnyChar(" \t"), absl::SkipEmpty());
  if (words.size() != 2) {
    return absl::InvalidArgumentError(
        absl::StrCat("an HTTP request is 'VERB PATH', e.g. 'POST /api/repos/create'; got ", QuoteValue(line)));
  }
  const std::string method = absl::AsciiStrToUpper(words[0]);
  if (std::find(HttpVerbs().begin(), HttpVerbs().end(), method) == HttpVerbs().end()) {
    return absl::InvalidArgumentError(absl::StrCat("unknown HTTP verb ", QuoteValue(words[0]), DidYouMean(method, HttpVerbs()),
                                                   " (verbs: ", absl::StrJoin(HttpVerbs(), ", "), ")"));
  }
  absl::string_view query;
  const absl::string_view target = SplitTarget(words[1], &query);
  if (!absl::StartsWith(target, "/")) {
    return absl::InvalidArgumentError(absl::StrCat("the path must start with '/': ", QuoteValue(target)));
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
    return absl::NotFoundError(absl::StrCat("unknown route ", QuoteValue(absl::StrCat(method, " ", target)),
                                            "; the nearest known routes:", nearest,
                                            "\n(hubperm routes lists them all)"));
  }
  // Query parameters are percent-decoded as the path is ("create%5Fpr=1" is create_pr=1).
  for (absl::string_view encoded : absl::StrSplit(query, '&', absl::SkipEmpty())) {
    const std::string param = PercentDecode(encoded, /*plus_is_space=*/true);
    if (param == "create_pr=1" || param == "create_pr=true" || param == "create_pr=True") best.create_pr = true;
  }
  return best;
}

absl::StatusOr<RequestDescription> DescribeRoute(const RouteMatch& match, const RequestBody& body) {
  const CatalogueRoute& route = *match.route;
  RequestDescription spec;
  spec.asked.form = RequestForm::kHttp;
  spec.asked.route = &route;
  if (!route.operation.has_value()) return spec;  // not modeled: the caller answers with the reason
  if (absl::Status st = CheckBody(body, route); !st.ok()) return st;
  // A create, delete or move of a bucket or a kernel goes through the repos routes; hubperm's worlds
  // hold models, datasets and spaces only [client: huggingface_hub move_bucket].
  if (route.body == BodyKind::kCreate || route.body == BodyKind::kDelete || route.body == BodyKind::kMove) {
    if (const std::string* type = body.Field("type"); type != nullptr && (*type == "bucket" || *type == "kernel")) {
      spec.asked.unmodeled = absl::StrCat(*type, "s");
      return spec;
    }
  }
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
    if (const std::string* type = body.Field("type")) {
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
      const std::string* name = body.Field("name");
      if (name == nullptr || name->empty()) {
        return absl::InvalidArgumentError(absl::StrCat(route.Name(), " needs a body with 'name' (and 'organization' for an org)"));
      }
      const std::string* org = body.Field("organization");
      const std::string ns = org == nullptr ? "" : *org;
      if (route.body == BodyKind::kCreate) {
        spec.ns = ns;
        if (const std::string* group = body.Field("resourceGroupId")) spec.group = *group;
      } else {
        spec.repo = ns.empty() ? *name : absl::StrCat(ns, "/", *name);
      }
      break;
    }
    case BodyKind::kMove: {
      if (absl::Status st = type_field(&spec); !st.ok()) return st;
      const std::string* from = body.Field("fromRepo");
      const std::string* to = body.Field("toRepo");
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
      const std::string* to = body.Field("repository");
      if (to == nullptr || to->empty()) {
        return absl::InvalidArgumentError(absl::StrCat(route.Name(), " needs a body with 'repository' (NS/NAME of the copy)"));
      }
      absl::StatusOr<std::string> ns = DestinationNamespace(spec.operation, *to);
      if (!ns.ok()) return ns.status();
      spec.ns = *ns;
      break;
    }
    case BodyKind::kResourceGroup: {
      const std::string* group = body.Field("resourceGroupId");
      if (group == nullptr || group->empty()) return absl::InvalidArgumentError("moving a repo into a group needs 'resourceGroupId' in the body");
      spec.group = *group;
      break;
    }
    case BodyKind::kLfsBatch: {
      // The git LFS batch API: the body's operation says whether the client uploads (a commit's
      // first step) or downloads (a read) [client: huggingface_hub lfs.py, @huggingface/hub commit].
      const std::string* operation = body.Field("operation");
      if (operation == nullptr || (*operation != "upload" && *operation != "download")) {
        return absl::InvalidArgumentError(absl::StrCat(
            route.Name(), " is decided by its body's 'operation': upload or download (",
            operation == nullptr ? "the body has none" : absl::StrCat("not '", *operation, "'"), ")"));
      }
      if (*operation == "download") spec.operation = Operation::kDownloadFile;
      break;
    }
    case BodyKind::kNone:
    case BodyKind::kAny:
    case BodyKind::kSettings:
    case BodyKind::kCommit:
    case BodyKind::kDuplicateFiles:
      break;
  }
  return spec;
}

absl::StatusOr<RequestDescription> ParseHttpRequest(absl::string_view line, const RequestBody& body) {
  absl::StatusOr<RouteMatch> match = MatchHttpRequest(line);
  if (!match.ok()) return match.status();
  absl::StatusOr<RequestDescription> description = DescribeRoute(*match, body);
  if (description.ok()) description->asked.http = std::string(absl::StripAsciiWhitespace(line));
  return description;
}

}  // namespace hubperm
