// Copyright 2026 The hubperm Authors.

#include "policy/explain/error_comparison.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace hubperm {
namespace {

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

}  // namespace

ErrorComparison CompareWithError(const HubError& error, const Explanation& explanation) {
  const Decision& decision = explanation.decision;
  const bool gated = decision.reply == Reply::kGatedNotGranted;
  ErrorComparison out;
  out.agrees = error.status == decision.status && (error.kind == HubErrorKind::kGated) == gated;
  const std::string predicted = decision.allowed ? "200 (allowed)" : RenderReply(explanation);
  std::string answered = absl::StrCat(error.status, " ");
  if (error.kind == HubErrorKind::kGated) {
    absl::StrAppend(&answered, "(gated repo, not granted)");
  } else if (!error.message.empty()) {
    absl::StrAppend(&answered, error.message);
  } else {
    absl::StrAppend(&answered, "(", HubErrorKindName(error.kind), ", no message printed)");
  }
  out.text = absl::StrCat("The Hub answered:   ", answered, "\nThe world predicts: ", predicted);
  if (out.agrees) {
    absl::StrAppend(&out.text, " (the same status)\n");
  } else {
    absl::StrAppend(&out.text, " (not the Hub's answer)\nLikely wrong in the fixtures: ", LikelyWrong(error, decision), ".\n");
  }
  return out;
}

}  // namespace hubperm
