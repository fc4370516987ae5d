// Copyright 2026 The hubperm Authors.
//
// policy/load/org_responses.h: the saved responses of one organization, in the directory layout that
// `hubperm fetch-org` writes and `hubperm import-org` reads (docs/org-import.md): one file per response,
// at the path of its URL, a paginated route's pages numbered from 1.
//
//   DIR/api/organizations/ORG/members/page-N.json                 GET /api/organizations/ORG/members
//   DIR/api/organizations/ORG/resource-groups/page-N.json         GET .../resource-groups
//   DIR/api/organizations/ORG/settings/repositories/page-N.json   GET .../settings/repositories
//   DIR/api/organizations/ORG/service-accounts/page-N.json        GET .../service-accounts
//   DIR/api/organizations/ORG/service-accounts/ID.json            GET .../service-accounts/ID (24 hex digits)
//   DIR/api/models/NS/NAME.json (datasets, spaces)                GET /api/models/NS/NAME
//   DIR/api/whoami-v2/ANY-NAME.json                               GET /api/whoami-v2, one per token
//
// The layout is the one place both commands agree on: the path functions below write it and
// ParseResponsePath reads it, and a test runs one into the other.
//
//   absl::StatusOr<OrgResponses> responses = ReadOrgResponses("acme-dump");
//   for (const OrgResponse& r : responses->responses) ... responses->files.text(r.file) ...

#ifndef HUBPERM_POLICY_LOAD_ORG_RESPONSES_H_
#define HUBPERM_POLICY_LOAD_ORG_RESPONSES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/optional.h"
#include "policy/common/source.h"
#include "policy/model/vocabulary.h"

namespace hubperm {

// The routes whose responses an org import reads, in the order they are read.
enum class OrgRoute : uint8_t {
  kMembers,          // paginated
  kResourceGroups,   // paginated
  kRepositories,     // paginated
  kServiceAccounts,  // paginated
  kServiceAccount,   // one per service account
  kRepoInfo,         // one per repo
  kWhoami,           // one per token
};

// The route's URL template as the Hub's OpenAPI description writes it ("/api/organizations/{name}/members").
absl::string_view OrgRouteTemplate(OrgRoute route);
bool IsPaginated(OrgRoute route);

// What a file's path inside the directory says.
struct ResponsePath {
  OrgRoute route = OrgRoute::kMembers;
  std::string org;                 // the org routes
  int page = 0;                    // paginated routes: 1, 2, ...
  std::string service_account_id;  // kServiceAccount
  RepoType repo_type = RepoType::kModel;  // kRepoInfo
  std::string repo_id;             // kRepoInfo: "namespace/name"
  std::string whoami_name;         // kWhoami: the file's name without ".json"

  // The path of this response inside the directory ("api/organizations/acme/members/page-2.json").
  std::string Path() const;
  // The URL path it was fetched from, without the query ("/api/organizations/acme/members").
  std::string Url() const;
};

// The layout's reading of `relative` (with '/' separators), or nullopt when it is not a response's path.
absl::optional<ResponsePath> ParseResponsePath(absl::string_view relative);

struct OrgResponse {
  ResponsePath where;
  int file = 0;  // in OrgResponses::files
};

struct OrgResponses {
  std::string dir;  // as given
  std::string org;  // the one org the directory holds
  SourceFiles files;  // every response, named "DIR/PATH"
  // Sorted by route (OrgRoute's order), then page, service account, repo or file name.
  std::vector<OrgResponse> responses;
  // Files under the directory that are not responses of the layout ("DIR/PATH"), sorted.
  std::vector<std::string> not_in_layout;
};

// Reads every response under `dir`. Fails when `dir` cannot be listed, a file cannot be read or is too
// large (policy/common/read_file.h), the responses exceed 1 GiB in all, or the directory holds no org's
// responses or several orgs'.
absl::StatusOr<OrgResponses> ReadOrgResponses(const std::string& dir);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_LOAD_ORG_RESPONSES_H_
