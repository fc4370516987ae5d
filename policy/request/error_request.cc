// Copyright 2026 The hubperm Authors.

#include "policy/request/error_request.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/types/span.h"
#include "policy/request/route.h"

namespace hubperm {
namespace {

constexpr absl::string_view kWritesFirst[] = {"POST", "PUT", "PATCH", "DELETE", "GET", "HEAD"};
constexpr absl::string_view kReadsFirst[] = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"};

// How a route is decided, to tell verbs apart: the operation's name, or the reason it is not modeled.
absl::string_view DecidedAs(const CatalogueRoute& route) {
  return route.operation.has_value() ? GetOperationInfo(*route.operation).name : absl::string_view(route.unmodeled);
}

// The text between `before` and the next `after` in `text`, or "".
std::string Between(absl::string_view text, absl::string_view before, absl::string_view after) {
  const size_t start = text.find(before);
  if (start == absl::string_view::npos) return "";
  const absl::string_view rest = text.substr(start + before.size());
  const size_t end = rest.find(after);
  return end == absl::string_view::npos ? "" : std::string(rest.substr(0, end));
}

// The body the request must have had, from what the error says.
absl::StatusOr<RequestBody> BodyOfError(const HubError& error, const RouteMatch& match, Dialect dialect) {
  switch (match.route->body) {
    case BodyKind::kCreate: {
      // "You don't have the rights to create a model under the namespace "acme"" [seen]
      const std::string type = Between(error.message, "create a ", " under");
      const std::string ns = Between(error.message, "namespace \"", "\"");
      if (!type.empty() && !ns.empty()) return RequestBody::Json({{"type", type}, {"name", "new-repo"}, {"organization", ns}});
      break;
    }
    case BodyKind::kDelete:
    case BodyKind::kMove:
    case BodyKind::kDuplicate:
    case BodyKind::kResourceGroup:
      break;
    case BodyKind::kLfsBatch:  // upload or download is in the body, which the error does not show
      break;
    case BodyKind::kNone:
    case BodyKind::kAny:
    case BodyKind::kSettings:
    case BodyKind::kCommit:
    case BodyKind::kDuplicateFiles:
      return RequestBody();
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "the error does not say what ", match.route->Name(), " acted on (that is in the request's body); ask with ",
      Spell(Arg::kHttp, dialect), " '", match.route->method, " ", error.url, "' ", Spell(Arg::kBody, dialect), " '{...}'"));
}

}  // namespace

absl::StatusOr<RequestDescription> ParseErrorRequest(absl::string_view text, Dialect dialect) {
  absl::StatusOr<HubError> error = ParseHubError(text);
  if (!error.ok()) return error.status();
  const absl::Span<const absl::string_view> order =
      error->status == 403 && error->kind != HubErrorKind::kGated ? absl::Span<const absl::string_view>(kWritesFirst)
                                                                  : absl::Span<const absl::string_view>(kReadsFirst);
  absl::optional<RouteMatch> chosen;
  std::string http;
  std::vector<std::string> other_verbs;
  absl::Status first_problem;
  for (absl::string_view verb : order) {
    absl::StatusOr<RouteMatch> match = MatchHttpRequest(absl::StrCat(verb, " ", error->url));
    if (!match.ok()) {
      if (first_problem.ok()) first_problem = match.status();
      continue;
    }
    if (!chosen.has_value()) {
      chosen = *std::move(match);
      http = absl::StrCat(verb, " ", error->url);
    } else if (DecidedAs(*match->route) != DecidedAs(*chosen->route)) {
      other_verbs.emplace_back(verb);
    }
  }
  if (!chosen.has_value()) {
    // Every verb failed: report the first one's "unknown route" with its nearest routes.
    return absl::NotFoundError(absl::StrCat("the error's URL is no route hubperm knows: ", first_problem.message()));
  }
  absl::StatusOr<RequestBody> body = BodyOfError(*error, *chosen, dialect);
  if (!body.ok()) return body.status();
  absl::StatusOr<RequestDescription> description = DescribeRoute(*chosen, *body);
  if (!description.ok()) return description.status();
  description->dialect = dialect;
  description->asked.form = RequestForm::kError;
  description->asked.http = http;
  description->asked.error = *std::move(error);
  description->asked.other_verbs = std::move(other_verbs);
  return description;
}

}  // namespace hubperm
