// Copyright 2026 The hubperm Authors.
//
// policy/request/hub_error.h: an error as huggingface_hub prints it, read back into its parts.
//
// huggingface_hub's hf_raise_for_status turns the Hub's answer into one of a few messages, each with the
// status and the request's URL (but not its verb):
//   403 Forbidden: <the Hub's message>.\nCannot access content at: <URL>.\nMake sure your token has ...
//   404 Client Error. ... Repository Not Found for url: <URL>. ...
//   403 Client Error. ... Cannot access gated repo for url <URL>. ...
// ParseHubError finds the status, the URL, the kind and the Hub's own message in such a text (with or
// without the traceback around it, the "(Request ID: ...)" and the exception's class name).

#ifndef HUBPERM_POLICY_REQUEST_HUB_ERROR_H_
#define HUBPERM_POLICY_REQUEST_HUB_ERROR_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace hubperm {

enum class HubErrorKind : uint8_t {
  kForbidden,        // "403 Forbidden: ... Cannot access content at: URL"
  kRepoNotFound,     // "Repository Not Found for url: URL" (404, or 401 for a private repo without a token)
  kGated,            // "Cannot access gated repo for url URL"
  kDisabled,         // "Cannot access repository for url URL ... Access to this resource is disabled."
  kOther,            // another "NNN Client Error ... for url: URL"
};

struct HubError {
  int status = 0;
  HubErrorKind kind = HubErrorKind::kOther;
  std::string url;      // as printed: "https://huggingface.co/api/models/acme/m/commit/main"
  std::string message;  // the Hub's own message, when printed ("403 Forbidden: <message>."), else ""
};

// The error in `text`, or an error saying what is missing (no status, no URL).
absl::StatusOr<HubError> ParseHubError(absl::string_view text);

// "forbidden", "repository not found", "gated", "disabled", "error".
absl::string_view HubErrorKindName(HubErrorKind kind);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_REQUEST_HUB_ERROR_H_
