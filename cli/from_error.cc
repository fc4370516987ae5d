// Copyright 2026 The hubperm Authors.

#include "cli/from_error.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "policy/request/catalogue.h"

namespace hubperm {
namespace {

constexpr absl::string_view kWritesFirst[] = {"POST", "PUT", "PATCH", "DELETE", "GET", "HEAD"};
constexpr absl::string_view kReadsFirst[] = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"};

// How a route is decided, to tell verbs apart: the operation's name, or the reason it is not modeled.
absl::string_view DecidedAs(const CatalogueRoute& route) {
  return route.operation.has_value() ? GetOperationInfo(*route.operation).name : absl::string_view(route.unmodeled);
}

// Which fixture fact likely differs from the Hub, for an error the world does not predict.
std::string LikelyWrong(const HubError& error, const Decision& d) {
  if (error.status == 401) {
    return "the Hub did not take the token: it was absent, invalid or expired (the world assumes a valid token), "
           "or the repo is private or gated and the request carried no token";
  }
  if (error.kind == HubErrorKind::kGated) {
    return d.allowed ? "the Hub gates this repo for the user: on the Hub, the repo is gated and the user's access "
                       "request is not accepted (see the repo's gated: and the user's access_requests), or the "
                       "fine-grained token lacks canReadGatedRepos"
                     : "the Hub says the repo is gated for the user: check the repo's gated: setting and the user's "
                       "access request in the fixture";
  }
  if (error.kind == HubErrorKind::kRepoNotFound || error.status == 404) {
    return "the Hub hides the repo from the user: it is likely private on the Hub (the repo's private:), or the "
           "membership that lets the user see it (an org role, a resource-group role) is not on the Hub; or the "
           "repo's id or type in the URL is not the fixture's";
  }
  if (error.kind == HubErrorKind::kDisabled) return "the Hub has disabled this repo, which the world does not model";
  if (error.status == 403 && d.status == 404) {
    return "the Hub shows the repo to the user but refuses the request: the repo is likely public on the Hub, or "
           "the user can see it through a membership the fixture lacks";
  }
  if (error.status == 403) {
    if (absl::StrContains(error.message, "organization token policy") || absl::StrContains(error.message, "revoked")) {
      return "the org's token policy blocks the token on the Hub: check the org's token_policy and the token's "
             "org_status in the fixture";
    }
    if (absl::StrContains(error.message, "create_pr") || absl::StrContains(error.message, "read access")) {
      return "on the Hub the user has only read access here: their org or resource-group role (or the repo's "
             "creator, for a contributor) in the fixture is likely higher than on the Hub";
    }
    return "the Hub refuses what the world allows: the token's permissions in the fixture are likely broader than "
           "the real token's (re-import it with hubperm import-whoami), or the user's role is lower on the Hub";
  }
  return "the Hub's answer is not an access decision hubperm models";
}

// The text between `before` and the next `after` in `text`, or "".
std::string Between(absl::string_view text, absl::string_view before, absl::string_view after) {
  const size_t start = text.find(before);
  if (start == absl::string_view::npos) return "";
  const absl::string_view rest = text.substr(start + before.size());
  const size_t end = rest.find(after);
  return end == absl::string_view::npos ? "" : std::string(rest.substr(0, end));
}

absl::StatusOr<Body> BodyOfError(const HubError& error, const RouteMatch& match) {
  switch (match.route->body) {
    case BodyKind::kCreate: {
      // "You don't have the rights to create a model under the namespace "acme"" [seen]
      const std::string type = Between(error.message, "create a ", " under");
      const std::string ns = Between(error.message, "namespace \"", "\"");
      if (!type.empty() && !ns.empty()) return Body{{"type", type}, {"name", "new-repo"}, {"organization", ns}};
      break;
    }
    case BodyKind::kDelete:
    case BodyKind::kMove:
    case BodyKind::kDuplicate:
    case BodyKind::kResourceGroup:
      break;
    case BodyKind::kNone:
    case BodyKind::kAny:
    case BodyKind::kSettings:
      return Body();
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "the error does not say what ", match.route->Name(), " acted on (that is in the request's body); ask with --http '",
      match.route->method, " ", error.url, "' --body '{...}'"));
}

}  // namespace

absl::StatusOr<ErrorRequest> RequestOfError(absl::string_view text) {
  absl::StatusOr<HubError> error = ParseHubError(text);
  if (!error.ok()) return error.status();
  ErrorRequest out;
  out.error = *error;
  const absl::Span<const absl::string_view> order =
      error->status == 403 && error->kind != HubErrorKind::kGated ? absl::Span<const absl::string_view>(kWritesFirst)
                                                                  : absl::Span<const absl::string_view>(kReadsFirst);
  absl::Status first_problem;
  for (absl::string_view verb : order) {
    absl::StatusOr<RouteMatch> match = MatchHttpRequest(absl::StrCat(verb, " ", error->url));
    if (!match.ok()) {
      if (first_problem.ok()) first_problem = match.status();
      continue;
    }
    if (out.match.route == nullptr) {
      out.match = *match;
      out.http = absl::StrCat(verb, " ", error->url);
    } else if (DecidedAs(*match->route) != DecidedAs(*out.match.route)) {
      out.other_verbs.emplace_back(verb);
    }
  }
  if (out.match.route == nullptr) {
    // Every verb failed: report the first one's "unknown route" with its nearest routes.
    return absl::NotFoundError(absl::StrCat("the error's URL is no route hubperm knows: ", first_problem.message()));
  }
  absl::StatusOr<Body> body = BodyOfError(out.error, out.match);
  if (!body.ok()) return body.status();
  out.body = *std::move(body);
  return out;
}

std::string CompareWithError(const HubError& error, const Decision& decision, const Explanation& explanation,
                             bool* agrees) {
  const bool gated = decision.reply == Reply::kGatedNotGranted;
  *agrees = error.status == decision.status && (error.kind == HubErrorKind::kGated) == gated;
  const std::string predicted = decision.allowed ? "200 (allowed)" : RenderReply(decision, explanation);
  std::string answered = absl::StrCat(error.status, " ");
  if (error.kind == HubErrorKind::kGated) {
    absl::StrAppend(&answered, "(gated repo, not granted)");
  } else if (!error.message.empty()) {
    absl::StrAppend(&answered, error.message);
  } else {
    absl::StrAppend(&answered, "(", HubErrorKindName(error.kind), ", no message printed)");
  }
  std::string text = absl::StrCat("The Hub answered:   ", answered, "\nThe world predicts: ", predicted);
  if (*agrees) return absl::StrCat(text, " (the same status)\n");
  return absl::StrCat(text, " (not the Hub's answer)\nLikely wrong in the fixtures: ", LikelyWrong(error, decision), ".\n");
}

}  // namespace hubperm
