// Copyright 2026 The hubperm Authors.

#include "policy/request/hub_error.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

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

// The first "NNN " (a 4xx or 5xx status) at the start of a line or after ": " or "Error: ".
int FindStatus(absl::string_view text) {
  for (size_t i = 0; i + 3 <= text.size(); ++i) {
    if (i > 0 && absl::ascii_isalnum(static_cast<unsigned char>(text[i - 1]))) continue;
    if (i + 3 < text.size() && absl::ascii_isalnum(static_cast<unsigned char>(text[i + 3]))) continue;
    int status = 0;
    if ((text[i] == '4' || text[i] == '5') && absl::SimpleAtoi(text.substr(i, 3), &status)) {
      const absl::string_view after = text.substr(i + 3);
      if (absl::StartsWith(after, " Client Error") || absl::StartsWith(after, " Server Error") ||
          absl::StartsWith(after, " Forbidden") || absl::StartsWith(after, " Unauthorized") ||
          absl::StartsWith(after, " Not Found") || absl::StartsWith(after, " Too Many")) {
        return status;
      }
    }
  }
  return 0;
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
  e.status = FindStatus(text);
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
  if (e.url.empty()) {
    // A bare URL anywhere in the text.
    for (absl::string_view scheme : {"https://", "http://"}) {
      const size_t at = text.find(scheme);
      if (at != absl::string_view::npos) {
        e.url = UrlAfter(text.substr(at), "");
        break;
      }
    }
  }
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
