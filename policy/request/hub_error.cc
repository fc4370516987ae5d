// Copyright 2026 The hubperm Authors.

#include "policy/request/hub_error.h"

#include <algorithm>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "policy/common/escape.h"

namespace hubperm {
namespace {

// The URL that follows `marker` in `text` (up to whitespace; a final '.' ends the sentence, not the URL).
std::string UrlAfter(absl::string_view text, absl::string_view marker) {
  const size_t at = text.find(marker);
  if (at == absl::string_view::npos) return "";
  absl::string_view rest = absl::StripLeadingAsciiWhitespace(text.substr(at + marker.size()));
  size_t end = 0;
  while (end < rest.size() && !absl::ascii_isspace(static_cast<unsigned char>(rest[end]))) ++end;
  absl::string_view url = rest.substr(0, end);
  while (absl::ConsumeSuffix(&url, ".") || absl::ConsumeSuffix(&url, ",") || absl::ConsumeSuffix(&url, ")")) {
  }
  return std::string(url);
}

// Every "NNN " (a 4xx or 5xx status followed by its reason) in `text`, distinct, in order.
std::vector<int> FindStatuses(absl::string_view text) {
  std::vector<int> statuses;
  for (size_t i = 0; i + 3 <= text.size(); ++i) {
    if (i > 0 && absl::ascii_isalnum(static_cast<unsigned char>(text[i - 1]))) continue;
    if (i + 3 < text.size() && absl::ascii_isalnum(static_cast<unsigned char>(text[i + 3]))) continue;
    int status = 0;
    if ((text[i] == '4' || text[i] == '5') && absl::SimpleAtoi(text.substr(i, 3), &status)) {
      const absl::string_view after = text.substr(i + 3);
      if (absl::StartsWith(after, " Client Error") || absl::StartsWith(after, " Server Error") ||
          absl::StartsWith(after, " Forbidden") || absl::StartsWith(after, " Unauthorized") ||
          absl::StartsWith(after, " Not Found") || absl::StartsWith(after, " Too Many")) {
        if (std::find(statuses.begin(), statuses.end(), status) == statuses.end()) statuses.push_back(status);
      }
    }
  }
  return statuses;
}

// Every URL in `text` (as UrlAfter ends them), distinct, in order.
std::vector<std::string> FindUrls(absl::string_view text) {
  std::vector<std::string> urls;
  for (size_t at = 0; at < text.size();) {
    const size_t https = text.find("https://", at), http = text.find("http://", at);
    const size_t next = std::min(https, http);
    if (next == absl::string_view::npos) break;
    std::string url = UrlAfter(text.substr(next), "");
    if (std::find(urls.begin(), urls.end(), url) == urls.end()) urls.push_back(url);
    at = next + std::max<size_t>(url.size(), 1);
  }
  return urls;
}

}  // namespace

absl::string_view HubErrorKindName(HubErrorKind kind) {
  switch (kind) {
    case HubErrorKind::kForbidden:
      return "forbidden";
    case HubErrorKind::kRepoNotFound:
      return "repository not found";
    case HubErrorKind::kGated:
      return "gated";
    case HubErrorKind::kDisabled:
      return "disabled";
    case HubErrorKind::kOther:
      return "error";
  }
  return "error";
}

absl::StatusOr<HubError> ParseHubError(absl::string_view text) {
  HubError e;
  // One request's error: text pasted from several (a log of retries, two tracebacks) would take the
  // status from one and the URL from another.
  const std::vector<int> statuses = FindStatuses(text);
  if (statuses.size() > 1) {
    return absl::InvalidArgumentError(absl::StrCat("the error text holds ", statuses.size(), " different HTTP statuses (",
                                                   absl::StrJoin(statuses, ", "), "): paste the error of one request"));
  }
  const std::vector<std::string> urls = FindUrls(text);
  if (urls.size() > 1) {
    std::vector<std::string> quoted;
    for (const std::string& url : urls) quoted.push_back(QuoteValue(url));
    return absl::InvalidArgumentError(absl::StrCat("the error text holds ", urls.size(), " different URLs (",
                                                   absl::StrJoin(quoted, ", "), "): paste the error of one request"));
  }
  e.status = statuses.empty() ? 0 : statuses[0];
  struct Form {
    absl::string_view marker;
    HubErrorKind kind;
  };
  constexpr Form kForms[] = {
      {"Cannot access content at:", HubErrorKind::kForbidden},
      {"Repository Not Found for url:", HubErrorKind::kRepoNotFound},
      {"Cannot access gated repo for url", HubErrorKind::kGated},
      {"Cannot access repository for url", HubErrorKind::kDisabled},
      {"for url:", HubErrorKind::kOther},
      {"Url:", HubErrorKind::kOther},
  };
  for (const Form& form : kForms) {
    e.url = UrlAfter(text, form.marker);
    if (!e.url.empty()) {
      e.kind = form.kind;
      break;
    }
  }
  if (e.url.empty() && !urls.empty()) e.url = urls[0];  // a bare URL anywhere in the text
  if (e.url.empty()) {
    return absl::InvalidArgumentError(
        "no URL in the error text: paste what huggingface_hub printed, e.g. '403 Forbidden: ... Cannot access "
        "content at: https://huggingface.co/api/...'");
  }
  if (e.status == 0) {
    if (e.kind == HubErrorKind::kForbidden || e.kind == HubErrorKind::kGated || e.kind == HubErrorKind::kDisabled) {
      e.status = 403;
    } else if (e.kind == HubErrorKind::kRepoNotFound) {
      e.status = 404;
    } else {
      return absl::InvalidArgumentError("no HTTP status (such as '403 Forbidden' or '404 Client Error') in the error text");
    }
  }
  if (e.kind == HubErrorKind::kForbidden) {
    // "403 Forbidden: <message>.\nCannot access content at: ..."
    const size_t at = text.find("Forbidden:");
    if (at != absl::string_view::npos) {
      absl::string_view rest = text.substr(at + 10);
      const size_t end = rest.find("Cannot access content at:");
      absl::string_view message = absl::StripAsciiWhitespace(rest.substr(0, end));
      absl::ConsumeSuffix(&message, ".");
      if (message != "None") e.message = std::string(message);  // no X-Error-Message header
    }
  }
  return e;
}

}  // namespace hubperm
