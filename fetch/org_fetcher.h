// Copyright 2026 The hubperm Authors.
//
// fetch/org_fetcher.h: `hubperm fetch-org`: save what the Hub's API says about one organization, in the
// directory layout `hubperm import-org` reads (policy/load/org_responses.h, docs/org-import.md).
//
// With an admin's token it saves, one file per response:
//   1. GET /api/whoami-v2: who the token is (and that they are an admin of the org, with its plan);
//   2. GET /api/organizations/ORG/members, following `Link: <...>; rel="next"`;
//   3. GET .../resource-groups (team and enterprise plans), paged the same way;
//   4. GET .../settings/repositories, paged the same way;
//   5. GET .../service-accounts and GET .../service-accounts/ID for each (enterprise plans);
//   6. GET /api/{models,datasets,spaces}/ID for each repo of the listing (its gating).
// With `whoami_only`, only the first: each member saves their own token's response that way.
//
// Requests are retried on 429 and 5xx, waiting what Retry-After says or a doubling backoff, up to
// `max_attempts`; when no response came at all (the host is down or unreachable), up to 3 attempts; a 401 or 403 stops the fetch with what is missing (the admin role, org.read). A
// redirect is followed only to the endpoint's own origin, and so is a next-page link: the token is sent
// nowhere else. The token is never written: not to a file (a response that contains it is refused),
// not to a message, not to the progress lines.
//
// Nothing is changed in `out_dir` unless every response came: they are written to a directory beside
// the old ones, which then replaces the org's files (the other members' whoami-v2 files are kept).

#ifndef HUBPERM_FETCH_ORG_FETCHER_H_
#define HUBPERM_FETCH_ORG_FETCHER_H_

#include <iosfwd>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace hubperm {

struct FetchOrgOptions {
  std::string org;
  std::string endpoint = "https://huggingface.co";  // HF_ENDPOINT; no trailing '/'
  std::string token;                                // never written anywhere
  std::string out_dir;
  bool whoami_only = false;
  int max_attempts = 6;  // per request, the first one included
  absl::Duration first_backoff = absl::Seconds(1);
  absl::Duration max_backoff = absl::Seconds(60);
  int max_pages = 10000;  // per paginated route
};

struct FetchReport {
  int requests = 0;  // HTTP requests made, retries included
  int retries = 0;
  int files = 0;     // responses saved
  std::string whoami_file;  // the path of the whoami-v2 response saved
};

// Fetches as above, writing one line per request to `progress`. A non-OK status says what failed and
// what to do; it never contains the token.
absl::StatusOr<FetchReport> FetchOrg(const FetchOrgOptions& options, std::ostream& progress);

}  // namespace hubperm

#endif  // HUBPERM_FETCH_ORG_FETCHER_H_
