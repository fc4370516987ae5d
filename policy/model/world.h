// Copyright 2026 The hubperm Authors.
//
// policy/model/world.h: a Hub world as the user wrote it: users, organizations with their members and
// resource groups, repos, tokens, test cases and assumption switches.
//
// These are plain structs, filled by the loader (policy/load) and read by the validator and the
// compiler; nothing here decides anything. Names are kept as written, and every fact carries the
// `SourcePos` of the YAML node it came from, so errors and explanations can point at it. The compiler
// (policy/compile) interns the names into dense ids; the decision hot path never sees this form.

#ifndef HUBPERM_POLICY_MODEL_WORLD_H_
#define HUBPERM_POLICY_MODEL_WORLD_H_

#include <array>
#include <string>
#include <deque>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "absl/types/optional.h"
#include "policy/common/source.h"
#include "policy/model/permission.h"
#include "policy/model/vocabulary.h"

namespace hubperm {

// A name as written, with where it was written: a definition or a reference.
struct Name {
  std::string text;
  SourcePos pos;
};

// A user's role in an organization or a resource group.
template <typename Role>
struct Member {
  Name user;
  Role role;
  SourcePos role_pos;
  bool role_valid = true;  // false: the role was misspelled (reported); the membership still counts
};

struct AutoJoin {
  GroupRole role = GroupRole::kRead;
  AutoJoinScope scope = AutoJoinScope::kAll;  // the Hub's default [openapi]
  SourcePos pos;
};

struct ResourceGroup {
  Name name;
  std::vector<Member<GroupRole>> members;
  absl::optional<AutoJoin> auto_join;
};

struct Org {
  Name name;
  OrgPlan plan = OrgPlan::kFree;
  SourcePos plan_pos;
  bool plan_valid = true;  // false: the plan was misspelled (reported); plan rules are not checked
  TokenPolicy token_policy = TokenPolicy::kAllowAll;
  SourcePos token_policy_pos;  // unknown when the policy was not written
  std::vector<Member<OrgRole>> members;
  std::vector<ResourceGroup> resource_groups;
  // Org-owned identities that hold fine-grained tokens (Enterprise plan), not members of the org
  // (docs/hub-access-model.md §2a). Their names are taken like users' names.
  std::vector<Name> service_accounts;
};

struct Repo {
  Name id;                // "namespace/name", as written
  // The part of the id before '/' (the whole id when it has none, which validation refuses).
  absl::string_view ns() const { return absl::string_view(id.text).substr(0, id.text.find('/')); }
  RepoType type = RepoType::kModel;
  bool is_private = false;
  SourcePos private_pos;
  Gating gated = Gating::kNone;
  SourcePos gated_pos;
  std::vector<Name> access_granted;          // users whose access request was accepted
  // Access requests in any state, user -> accepted | pending | rejected (access_granted lists accepted ones).
  std::vector<Member<AccessRequestState>> access_requests;
  absl::optional<Name> created_by;
  absl::optional<Name> created_by_token;     // the token that created it (for the contributor permission)
  absl::optional<Name> resource_group;       // a group of the repo's org
};

// The key that identifies a repo in a world: its type and its id ("model:acme/m"). A model and a dataset
// may share an id.
inline std::string RepoKey(RepoType type, absl::string_view id) { return absl::StrCat(NameOf(type), ":", id); }

// One permission string of a token, known to hubperm or not.
struct PermissionEntry {
  Name text;
  absl::optional<Permission> permission;  // nullopt: unknown string, loaded with a warning
};

struct Scope {
  EntityType type = EntityType::kUser;
  Name entity;                 // user, org or group name, or repo id "ns/name"
  SourcePos pos;               // the scope entry
  std::vector<PermissionEntry> permissions;
};

struct OrgApproval {
  Name org;
  ApprovalStatus status;
  SourcePos status_pos;
};

// One scope an OAuth app's token was granted.
struct OAuthScopeEntry {
  Name text;
  OAuthScope scope;
};

// A key-value of a request body (`body:` of a case): scalar values only, as the Hub's create/delete/move
// bodies are.
struct BodyField {
  Name key;
  Name value;
};

// One cell of a case's matrix: `allow`, `deny`, or an HTTP status (which implies allow below 400).
struct MatrixCell {
  Effect expect = Effect::kAllow;
  absl::optional<int> status;
  SourcePos pos;
};

// A case's `matrix:` of expected results: one column per repo, operation or permission (`axis`), one row
// per token, so that tokens x columns assumptions take one line per token.
struct CaseMatrix {
  struct Row {
    Name token;
    std::vector<MatrixCell> cells;  // one per column
  };
  MatrixAxis axis = MatrixAxis::kRepos;
  SourcePos pos;               // of the `matrix` key's value
  std::vector<Name> columns;
  std::vector<Row> rows;
};

// A declarative test case (the rule checker issue). The loader checks its shape and references; which
// request form it uses is decided when the case is run.
struct Case {
  Name name;
  std::vector<Name> tokens;              // `token: t` or `tokens: [a, b]`
  absl::optional<Name> http;             // "VERB PATH"
  std::vector<BodyField> body;
  SourcePos body_pos;
  absl::optional<Name> operation;        // a huggingface_hub method name
  std::vector<Name> repos;               // `repo: ns/x` or `repos: [...]`
  absl::optional<RepoType> repo_type;
  absl::optional<Name> org;
  absl::optional<Name> user;
  absl::optional<Name> group;            // a resource group
  absl::optional<Name> to;               // move_repo's and duplicate_repo's destination, "ns/name"
  bool write = false;                    // auth_check(write=True)
  bool exist_ok = false;                 // create_repo(exist_ok=True)
  absl::optional<absl::Time> at;         // the moment the request is made (default: the run's --at, or now)
  SourcePos at_pos;
  absl::optional<Name> permission;       // a raw permission string
  absl::optional<Name> from_error;       // an error huggingface_hub printed
  Effect expect = Effect::kAllow;
  SourcePos expect_pos;
  absl::optional<int> status;
  std::vector<Side> denied_by;
  SourcePos denied_by_pos;
  absl::optional<Name> because;
  // With a matrix, the rows name the tokens and the cells the expectations (`tokens`, `expect`, `status`
  // and `denied_by` are then unset); its columns are the repos, operations or permissions.
  absl::optional<CaseMatrix> matrix;
  // A rule over sets (docs/fixture-format.md, "Rules"): `tokens: all`, globs among the token names
  // (`ci-*`), `all_except: [...]`; `repos: all` or globs (`acme/*`). The loader keeps them as written;
  // ExpandCaseSets (policy/load/case_sets.h) then sets `tokens` and `repos` to the names they match, in
  // the order the world lists them, and `repo_types` to each matched repo's type.
  std::vector<Name> token_patterns;
  std::vector<Name> all_except;
  SourcePos all_except_pos;
  std::vector<Name> repo_patterns;
  std::vector<RepoType> repo_types;
  bool token_rule() const { return !token_patterns.empty() || !all_except.empty(); }
  bool repo_rule() const { return !repo_patterns.empty(); }
  bool rule() const { return token_rule() || repo_rule(); }
};

struct Token {
  Name name;
  Name owner;  // empty for a repo's trusted publisher (the Hub's [OIDC] user)
  TokenKind kind = TokenKind::kUser;
  SourcePos kind_pos;
  TokenRole role = TokenRole::kFineGrained;  // trusted_publisher and oauth: set from the kind
  SourcePos role_pos;
  // kind trusted_publisher: the repo a repo publisher's token is minted for (none: a user publisher's).
  absl::optional<Name> publisher_repo;
  RepoType publisher_repo_type = RepoType::kModel;
  // kind oauth: the scopes granted, and the orgs the user let the app into.
  std::vector<OAuthScopeEntry> oauth_scopes;
  std::vector<Name> oauth_orgs;
  bool can_read_gated_repos = false;
  SourcePos can_read_gated_repos_pos;
  std::vector<PermissionEntry> global;
  std::vector<Scope> scoped;
  std::vector<OrgApproval> org_status;
  // The token's lifetime (whoami-v2's createdAt and expiresAt): unknown when not written; no expiry when
  // `expires_at` is not written.
  absl::optional<absl::Time> created_at;
  SourcePos created_at_pos;
  absl::optional<absl::Time> expires_at;
  SourcePos expires_at_pos;
  // What the token is for (`purpose:`, docs/fixture-format.md): requests in any form, each read as a
  // case's request (only its request keys are set). The audit mints the smallest token for them and
  // reports a token that holds more (broader-than-needed).
  std::vector<Case> purpose;
};

// The contributor permission's default spelling (PermissionName(Permission::kRepoContribute)).
inline constexpr absl::string_view kDefaultContributorPermission = "repo.contribute";

// Switches for the rules the spec marks [assumed] with a plausible alternative (docs/hub-access-model.md
// §7a, whose table numbers the open questions). The defaults are that document's.
struct Assumptions {
  // Open question 1: does an org role count on a repo inside a resource group? Default: no, the group
  // role governs group repos (org admins act as admins everywhere).
  bool org_role_applies_in_groups = false;
  // Open question 2: does repo.write imply repo.content.read on the same entity? Default: no.
  bool repo_write_implies_read = false;
  // Open question 3: when the user may read a private repo but the token may not, does the Hub answer
  // 404 (hiding it) rather than 403? Default: 404.
  bool hide_private_repo_from_token = true;
  // Repo scopes override org scopes [doc for org tokens]; for user tokens too? Default: yes [assumed].
  bool repo_scope_overrides_namespace_scope = true;
  // The string of the contributor permission (docs/hub-access-model.md §4b), which the Hub does not
  // publish. Default: "repo.contribute" [assumed].
  std::string contributor_permission = std::string(kDefaultContributorPermission);
  SourcePos contributor_permission_pos;
  SourcePos pos;
  // Where each of the four switches above was set, in their order (unknown when left at its default):
  // a world of several files may set a switch in more than one, but only to the same value.
  std::array<SourcePos, 4> switch_pos;
};

// The four switches by name, in switch_pos's order: the one table the fixture's `assumptions:` keys,
// `--set assumptions.NAME`, the fixture writer and `hubperm diff` read.
struct AssumptionSwitch {
  absl::string_view name;
  bool Assumptions::*value;
};
inline constexpr AssumptionSwitch kAssumptionSwitches[] = {
    {"org_role_applies_in_groups", &Assumptions::org_role_applies_in_groups},
    {"repo_write_implies_read", &Assumptions::repo_write_implies_read},
    {"hide_private_repo_from_token", &Assumptions::hide_private_repo_from_token},
    {"repo_scope_overrides_namespace_scope", &Assumptions::repo_scope_overrides_namespace_scope},
};
static_assert(std::size(kAssumptionSwitches) == std::tuple_size<decltype(Assumptions::switch_pos)>::value,
              "a position per switch");

// Everything loaded from a run's files, merged.
struct World {
  std::vector<Name> users;
  std::vector<Org> orgs;
  // Deques: a world of a million repos grows in blocks as it is loaded, never copied to a larger array
  // (which would hold the old and the new at once) and never twice the size it needs.
  std::deque<Repo> repos;
  std::deque<Token> tokens;
  std::vector<Case> cases;
  Assumptions assumptions;
};

}  // namespace hubperm

#endif  // HUBPERM_POLICY_MODEL_WORLD_H_
