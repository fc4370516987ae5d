// Copyright 2026 The hubperm Authors.
//
// policy/load/whoami_import.h: the Hub's `GET /api/whoami-v2` response -> a fixture world, so a real
// token can be checked offline.
//
// The response (hub-access-model §4; the Hub's OpenAPI schema of whoami-v2) says who the token's owner is, their
// organizations with their role in each (`orgs[].roleInOrg`) and in each resource group
// (`orgs[].resourceGroups[]`), and the token itself (`auth.accessToken`: `displayName`, `role`,
// `fineGrained.{canReadGatedRepos, global, scoped}`). The import turns that into a World:
//
//   - the user, and one org per `orgs[]` entry, with the user's org and resource-group roles;
//   - the token, owned by the user, with its role, flag, global and scoped permissions;
//   - what the scopes name but the response does not describe: an org the user is not a member of (kept
//     without members: a dead scope, which `hubperm audit` reports) and each scoped repo, listed with the
//     fixture defaults (public, not gated) for the user to correct;
//   - `orgs[].securityRestrictions`: `token-revoked` records the token as revoked by that org;
//     `token-policy` means the org's token policy blocks this token: a classic token implies
//     `fine_grained_only`, a fine-grained one `require_approval` with the token `pending` [assumed: the
//     response does not say pending from denied].
//
// It copies only the fields above, never a secret: whoami-v2 carries no user token, but older responses
// carry organization API tokens (`orgs[].apiToken`), which are skipped like every other field hubperm does
// not model. A key that is not in the schema hubperm knows is a warning (the Hub adds fields over time);
// a response that is not a user's, a token role hubperm does not model (`god`) or a missing required
// field is an error. Every problem is reported with the JSON's line and column.
//
//   WhoamiImport import = ImportWhoami("whoami.json", text, {});
//   std::cerr << RenderImportIssues(import);
//   if (import.ok()) std::cout << RenderImportedFixture(import);

#ifndef HUBPERM_POLICY_LOAD_WHOAMI_IMPORT_H_
#define HUBPERM_POLICY_LOAD_WHOAMI_IMPORT_H_

#include <string>

#include "absl/strings/string_view.h"

#include "policy/common/diagnostics.h"
#include "policy/common/source.h"
#include "policy/model/world.h"

namespace hubperm {

struct WhoamiImportOptions {
  // The token's name in the fixture; empty: its `displayName`.
  std::string token_name;
};

struct WhoamiImport {
  SourceFiles files;  // the JSON, for positions
  Diagnostics diagnostics;
  World world;
  bool ok() const { return !diagnostics.has_errors(); }
};

// Imports the whoami-v2 JSON `text`, named `name` in messages.
WhoamiImport ImportWhoami(std::string name, std::string text, const WhoamiImportOptions& options);

// The same for file `file` of a run's SourceFiles (whose text is `json`), adding to `world` and
// reporting to `diagnostics`: how import-org reads each token's response into its world.
void ImportWhoamiInto(int file, absl::string_view json, const WhoamiImportOptions& options, Diagnostics* diagnostics,
                      World* world);

// Every issue as "file:line:col: error|warning: message", one per line. Unlike fixture diagnostics, the
// source line is not shown: a response is often one long line, and it may hold secrets.
std::string RenderImportIssues(const WhoamiImport& import);

// The imported world as fixture YAML (docs/fixture-format.md), after a comment saying where it came
// from and what to check by hand.
std::string RenderImportedFixture(const WhoamiImport& import);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_LOAD_WHOAMI_IMPORT_H_
