// Copyright 2026 The hubperm Authors.

#include "policy/explain/error_comparison.h"

#include "absl/strings/str_cat.h"
#include "policy/common/escape.h"
#include "policy/common/json_writer.h"
#include "policy/explain/explain_json.h"

namespace hubperm {
namespace {

// Which fixture fact likely differs from the Hub, for an error the world does not predict: what the
// reply the Hub gave (policy/model/reply.h) says, unless the error says more than its reply.
std::string LikelyWrong(const HubError& error, const Decision& d) {
  if (error.status == 401) {
    return "the Hub did not take the token: it was absent, invalid or expired (the world assumes a valid token), "
           "or the repo is private or gated and the request carried no token";
  }
  if (error.kind == HubErrorKind::kDisabled) return "the Hub has disabled this repo, which the world does not model";
  absl::optional<Reply> reply;
  if (error.kind == HubErrorKind::kGated) {
    reply = Reply::kGatedNotGranted;
  } else if (error.kind == HubErrorKind::kRepoNotFound) {
    reply = Reply::kRepoNotFound;
  } else {
    reply = ReplyOfError(error.status, error.message);
  }
  if (!reply.has_value()) return "the Hub's answer is not an access decision hubperm models";
  if (error.status == 403 && d.status == 404 && *reply != Reply::kGatedNotGranted) {
    return "the Hub shows the repo to the user but refuses the request: the repo is likely public on the Hub, or "
           "the user can see it through a membership the fixture lacks";
  }
  return std::string(GetReplyInfo(*reply).likely_wrong);
}

}  // namespace

ErrorComparison CompareWithError(const HubError& error, const Explanation& explanation) {
  const Decision& decision = explanation.decision;
  const bool gated = decision.reply == Reply::kGatedNotGranted || decision.reply == Reply::kGatedPending;
  ErrorComparison out;
  out.agrees = error.status == decision.status && (error.kind == HubErrorKind::kGated) == gated;
  const std::string predicted = decision.allowed ? "200 (allowed)" : RenderReply(explanation);
  std::string answered = absl::StrCat(error.status, " ");
  if (error.kind == HubErrorKind::kGated) {
    absl::StrAppend(&answered, "(gated repo, not granted)");
  } else if (!error.message.empty()) {
    // Pasted text: one line, escaped, and cut (the JSON form keeps all of it, escaped as JSON).
    std::string message = EscapeUnsafe(error.message);
    if (message.size() > 500) message = absl::StrCat(message.substr(0, 500), "... (cut)");
    absl::StrAppend(&answered, message);
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

std::string RenderErrorComparison(const Explanation& explanation, const ErrorComparison& comparison) {
  const AskedAs& asked = explanation.request.asked;
  std::string out = absl::StrCat("Request: ", asked.http, "\n");
  for (const std::string& verb : asked.other_verbs) {
    absl::StrAppend(&out, "  (assumed from the status; the same URL with ", verb,
                    " is decided otherwise: --http '", verb, " ", asked.error->url, "')\n");
  }
  absl::StrAppend(&out, comparison.text, "\n");
  return out;
}

void WriteErrorComparisonJson(const Snapshot& snapshot, const Explanation& explanation,
                              const ErrorComparison& comparison, JsonWriter* out) {
  JsonWriter& json = *out;
  const AskedAs& asked = explanation.request.asked;
  const HubError& error = *asked.error;
  json.BeginObject()
      .Key("schema").String("hubperm.from_error/v1")
      .Key("error").BeginObject()
      .Key("status").Int(error.status)
      .Key("kind").String(HubErrorKindName(error.kind))
      .Key("url").String(error.url)
      .Key("message").String(error.message)
      .EndObject()
      .Key("request").String(asked.http)
      .Key("other_verbs").BeginArray();
  for (const std::string& verb : asked.other_verbs) json.String(verb);
  json.EndArray().Key("agrees").Bool(comparison.agrees).Key("comparison").String(comparison.text).Key("decision");
  WriteDecisionJson(snapshot, explanation, out);
  json.EndObject();
}

std::string RenderErrorComparisonJson(const Snapshot& snapshot, const Explanation& explanation,
                                      const ErrorComparison& comparison) {
  JsonWriter json;
  WriteErrorComparisonJson(snapshot, explanation, comparison, &json);
  return json.Finish();
}

}  // namespace hubperm
