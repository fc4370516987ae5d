// Copyright 2026 The hubperm Authors.
//
// policy/load/org_import.h: an organization's saved API responses (org_responses.h) -> one fixture world
// of the org, so an admin audits their real org offline (docs/org-import.md).
//
// What each response gives (the Hub's OpenAPI schemas; testdata/org/response_schema_test.py checks the
// samples against them):
//   - members: each member's org role (`role`, shown to admins only) and group roles;
//   - resource-groups: each group's `users` with their role, its `resources` (type, name, private) and
//     `autoJoin`; the groups' resources say which repo is in which group;
//   - settings/repositories: every repo with its `type` and `visibility`;
//   - GET /api/{type}s/{id}: a repo's `gated` (and `private`, `_id`);
//   - service-accounts (and one response per account): the org's service accounts and their tokens,
//     an org-wide permission list and repo permissions on `repoIds`;
//   - whoami-v2, one per token: the tokens of members (import-whoami's reading, whoami_import.h).
// The org's plan and token policy are not in these responses: they come from the options, else from a
// whoami-v2 response, else are inferred (plan) or assumed (allow_all), and the fixture's header says which.
//
// The output is deterministic: every list sorted by name, so the same responses give a byte-identical
// fixture. It holds no case: hand-written cases live in their own files and keep working after a
// re-import. It never holds a secret: only names, roles, flags and permissions are copied, and a
// secret-shaped value in any field read is an error at its position.
//
//   absl::StatusOr<OrgResponses> responses = ReadOrgResponses(dir);
//   OrgImport import = ImportOrg(*std::move(responses), {});
//   std::cerr << RenderResponseIssues(import.responses.files, import.diagnostics);
//   if (import.ok()) std::cout << RenderOrgFixture(import);

#ifndef HUBPERM_POLICY_LOAD_ORG_IMPORT_H_
#define HUBPERM_POLICY_LOAD_ORG_IMPORT_H_

#include <string>
#include <vector>

#include "absl/types/optional.h"
#include "policy/common/diagnostics.h"
#include "policy/load/org_responses.h"
#include "policy/model/vocabulary.h"
#include "policy/model/world.h"

namespace hubperm {

struct OrgImportOptions {
  // The org's plan and token policy; unset: from a whoami-v2 response, else inferred or the default.
  absl::optional<OrgPlan> plan;
  absl::optional<TokenPolicy> token_policy;
  int max_issues_per_file = kDefaultMaxIssuesPerFile;
};

struct OrgImport {
  OrgResponses responses;  // the files, for the issues' positions
  Diagnostics diagnostics;
  World world;
  // What the fixture's header states: where the plan and token policy came from, and what was taken
  // with a default or an assumption. One line each, without '#'.
  std::vector<std::string> notes;
  bool ok() const { return !diagnostics.has_errors(); }
};

OrgImport ImportOrg(OrgResponses responses, const OrgImportOptions& options);

// The imported world as fixture YAML (docs/fixture-format.md), after a header of the notes.
std::string RenderOrgFixture(const OrgImport& import);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_LOAD_ORG_IMPORT_H_
