// Copyright 2026 The hubperm Authors.

#include "policy/load/world_loader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/types/span.h"
#include "policy/common/escape.h"
#include "policy/common/read_file.h"
#include "policy/common/suggest.h"
#include "policy/load/case_sets.h"
#include "policy/load/tree_reader.h"
#include "policy/load/yaml_tree.h"

namespace hubperm {
namespace {

// The keys each mapping of the format may hold. An unknown key is an error.
constexpr absl::string_view kTopKeys[] = {"users", "orgs", "repos", "tokens", "cases", "assumptions"};
constexpr absl::string_view kOrgKeys[] = {"name", "plan", "token_policy", "members", "resource_groups",
                                          "service_accounts"};
constexpr absl::string_view kGroupKeys[] = {"name", "members", "auto_join"};
constexpr absl::string_view kAutoJoinKeys[] = {"role", "scope"};
constexpr absl::string_view kRepoKeys[] = {"id",         "type",           "private",         "gated",
                                           "access_granted", "access_requests", "created_by", "created_by_token",
                                           "resource_group"};
constexpr absl::string_view kTokenKeys[] = {"name",       "owner",      "kind",   "role",      "can_read_gated_repos",
                                            "global",     "scoped",     "org_status", "created_at", "expires_at",
                                            "repo",       "repo_type",  "scopes", "orgs", "purpose"};
// The keys of one of a token's purposes: a case's request keys.
constexpr absl::string_view kPurposeKeys[] = {"http", "body", "operation", "repo", "repo_type", "org", "user", "group",
                                              "to", "write", "exist_ok", "at", "permission", "from_error"};
constexpr absl::string_view kScopeKeys[] = {"entity", "permissions"};
constexpr absl::string_view kEntityKeys[] = {"type", "name"};
constexpr absl::string_view kCaseKeys[] = {"name",      "token", "tokens",     "http", "body",
                                           "operation", "repo",  "repos",      "repo_type", "org",
                                           "user",      "group", "to", "write", "exist_ok", "at", "permission", "from_error",
                                           "expect", "status", "denied_by", "because",   "matrix", "all_except"};
constexpr absl::string_view kMatrixKeys[] = {"repos", "operations", "permissions", "expect"};
constexpr absl::string_view kAssumptionKeys[] = {"org_role_applies_in_groups", "repo_write_implies_read",
                                                 "hide_private_repo_from_token",
                                                 "repo_scope_overrides_namespace_scope", "contributor_permission"};

// Reads one file's document into the world. The entries of its lists (orgs, repos, tokens, cases) are
// read as the parser completes each one (TakeItem), so the whole document is never held as a tree; what
// is left (the lists' other items, the other keys) is read from the tree when the parse ends.
class FileReader : public YamlItemSink {
 public:
  FileReader(Diagnostics* diagnostics, World* world, const SourceFiles* files)
      : in_(diagnostics, TreeSyntax::kYaml), world_(world), files_(files) {}

  // An entry of a top-level list, as soon as it is parsed: read now, when it is under the first key of
  // its name (a repeated key is an error reported at the end; its entries stay in the tree, unread).
  bool TakeItem(const YamlNode& key, const YamlNode& item) override {
    for (List& list : lists_) {
      if (key.scalar != list.key) continue;
      if (list.first_key_pos.known() && !(list.first_key_pos == key.pos)) return false;
      list.first_key_pos = key.pos;
      (this->*list.read)(item);
      return true;
    }
    return false;
  }

  void ReadDocument(const YamlNode& root) {
    if (root.is_null()) {
      in_.Warning(root.pos, "the file is empty");
      return;
    }
    if (!in_.IsMap(root, "a fixture file")) return;
    in_.CheckKeys(root, kTopKeys, "the top level");
    if (const YamlNode* users = TreeReader::Find(root, "users")) {
      for (Name& user : in_.StringList(*users, "'users'")) world_->users.push_back(std::move(user));
    }
    // The items TakeItem did not take (those that are not mappings, reported here), or every item when
    // the document was parsed whole.
    for (const List& list : lists_) {
      if (const YamlNode* node = TreeReader::Find(root, list.key)) {
        in_.ForEachItem(*node, list.what, [&](const YamlNode& n) { (this->*list.read)(n); });
      }
    }
    if (const YamlNode* assumptions = TreeReader::Find(root, "assumptions")) ReadAssumptions(*assumptions);
  }

 private:
  // `members: {user: role, ...}`.
  template <typename Role>
  std::vector<Member<Role>> ReadMembers(const YamlNode& node, absl::string_view what,
                                        absl::string_view role_what) {
    std::vector<Member<Role>> members;
    if (!in_.IsMap(node, what)) return members;
    for (size_t i = 0; i < node.map_size(); ++i) {
      const YamlNode& key = node.key(i);
      if (!key.is_scalar()) continue;
      if (const YamlNode* first = TreeReader::EarlierKey(node, i)) {
        in_.Error(key.pos, absl::StrCat("'", key.scalar, "' is listed twice in ", what, "; first at line ", first->pos.line));
      }
      absl::optional<Role> role = in_.Enum<Role>(node.value(i), role_what);
      members.push_back(Member<Role>{Name{key.scalar, key.pos}, role.value_or(Role{}), node.value(i).pos, role.has_value()});
    }
    return members;
  }

  void ReadOrg(const YamlNode& node) {
    absl::optional<Name> name = in_.OpenEntry(node, kOrgKeys, "an org", "name");
    if (!name.has_value()) return;
    Org org;
    org.name = std::move(*name);
    const std::string what = absl::StrCat("org '", org.name.text, "'");
    if (const YamlNode* plan = TreeReader::Find(node, "plan")) {
      if (auto value = in_.Enum<OrgPlan>(*plan, "plan")) {
        org.plan = *value;
        org.plan_pos = plan->pos;
      } else {
        org.plan_valid = false;
      }
    }
    if (const YamlNode* policy = TreeReader::Find(node, "token_policy")) {
      if (auto value = in_.Enum<TokenPolicy>(*policy, "token policy")) {
        org.token_policy = *value;
        org.token_policy_pos = policy->pos;
      }
    }
    if (const YamlNode* members = TreeReader::Find(node, "members")) {
      org.members = ReadMembers<OrgRole>(*members, absl::StrCat("the members of ", what), "org role");
    }
    if (const YamlNode* accounts = TreeReader::Find(node, "service_accounts")) {
      org.service_accounts = in_.StringList(*accounts, absl::StrCat("the service accounts of ", what));
    }
    if (const YamlNode* groups = TreeReader::Find(node, "resource_groups")) {
      in_.ForEachItem(*groups, absl::StrCat("the resource groups of ", what), [&](const YamlNode& g) {
        if (absl::optional<ResourceGroup> group = ReadGroup(g)) org.resource_groups.push_back(std::move(*group));
      });
    }
    world_->orgs.push_back(std::move(org));
  }

  absl::optional<ResourceGroup> ReadGroup(const YamlNode& node) {
    absl::optional<Name> name = in_.OpenEntry(node, kGroupKeys, "a resource group", "name");
    if (!name.has_value()) return absl::nullopt;
    ResourceGroup group;
    group.name = std::move(*name);
    if (const YamlNode* members = TreeReader::Find(node, "members")) {
      group.members = ReadMembers<GroupRole>(
          *members, absl::StrCat("the members of resource group '", group.name.text, "'"), "resource group role");
    }
    if (const YamlNode* auto_join = TreeReader::Find(node, "auto_join")) {
      if (in_.IsMap(*auto_join, "'auto_join'")) {
        in_.CheckKeys(*auto_join, kAutoJoinKeys, "'auto_join'");
        AutoJoin join;
        join.pos = auto_join->pos;
        if (const YamlNode* role = in_.Require(*auto_join, "role", "'auto_join'")) {
          if (auto value = in_.Enum<GroupRole>(*role, "resource group role")) join.role = *value;
        }
        if (const YamlNode* scope = TreeReader::Find(*auto_join, "scope")) {
          if (auto value = in_.Enum<AutoJoinScope>(*scope, "auto-join scope")) join.scope = *value;
        }
        group.auto_join = join;
      }
    }
    return group;
  }

  void ReadRepo(const YamlNode& node) {
    absl::optional<Name> id = in_.OpenEntry(node, kRepoKeys, "a repo", "id");
    if (!id.has_value()) return;
    Repo repo;
    std::vector<absl::string_view> parts = absl::StrSplit(id->text, '/');
    if (parts.size() != 2 || parts[0].empty() || parts[1].empty()) {
      in_.Error(id->pos, absl::StrCat("repo id '", id->text, "' must be namespace/name"));
      return;
    }
    repo.id = std::move(*id);
    if (const YamlNode* type = TreeReader::Find(node, "type")) {
      if (auto value = in_.Enum<RepoType>(*type, "repo type")) repo.type = *value;
    }
    if (const YamlNode* is_private = TreeReader::Find(node, "private")) {
      if (auto value = in_.Bool(*is_private, "'private'")) {
        repo.is_private = *value;
        repo.private_pos = is_private->pos;
      }
    }
    if (const YamlNode* gated = TreeReader::Find(node, "gated")) {
      if (auto value = in_.Enum<Gating>(*gated, "gating")) {
        repo.gated = *value;
        repo.gated_pos = gated->pos;
      }
    }
    if (const YamlNode* granted = TreeReader::Find(node, "access_granted")) {
      repo.access_granted = in_.StringList(*granted, "'access_granted'");
    }
    if (const YamlNode* requests = TreeReader::Find(node, "access_requests")) {
      repo.access_requests = ReadMembers<AccessRequestState>(
          *requests, absl::StrCat("the access requests of repo '", repo.id.text, "'"), "access request state");
    }
    if (const YamlNode* created_by = TreeReader::Find(node, "created_by")) {
      repo.created_by = in_.String(*created_by, "'created_by'");
    }
    if (const YamlNode* token = TreeReader::Find(node, "created_by_token")) {
      repo.created_by_token = in_.String(*token, "'created_by_token'");
    }
    if (const YamlNode* group = TreeReader::Find(node, "resource_group")) {
      repo.resource_group = in_.String(*group, "'resource_group'");
    }
    world_->repos.push_back(std::move(repo));
  }

  // The strings as written; WorldLoader::Finish reads them once the world's assumptions are known.
  std::vector<PermissionEntry> ReadPermissions(const YamlNode& node, absl::string_view what) {
    std::vector<PermissionEntry> out;
    for (Name& text : in_.StringList(node, what)) out.push_back(PermissionEntry{std::move(text), absl::nullopt});
    return out;
  }

  void ReadToken(const YamlNode& node) {
    absl::optional<Name> name = in_.OpenEntry(node, kTokenKeys, "a token", "name");
    if (!name.has_value()) return;
    Token token;
    token.name = std::move(*name);
    const std::string what = absl::StrCat("token '", token.name.text, "'");
    if (const YamlNode* kind = TreeReader::Find(node, "kind")) {
      if (auto value = in_.Enum<TokenKind>(*kind, "token kind")) {
        token.kind = *value;
        token.kind_pos = kind->pos;
      }
    }
    if (token.kind != TokenKind::kUser) {
      ReadMintedToken(node, what, &token);
      world_->tokens.push_back(std::move(token));
      return;
    }
    for (absl::string_view key : {"repo", "repo_type", "scopes", "orgs"}) {
      if (const YamlNode* value = TreeReader::Find(node, key)) {
        in_.Error(value->pos, absl::StrCat("'", key, "' is for trusted_publisher or oauth tokens (kind:); ", what,
                                           " is a user access token"));
      }
    }
    if (const YamlNode* owner = in_.Require(node, "owner", what)) {
      if (auto value = in_.String(*owner, "'owner'")) token.owner = std::move(*value);
    }
    if (const YamlNode* role = in_.Require(node, "role", what)) {
      if (role->is_scalar() && role->scalar == "god") {
        in_.Error(role->pos, "token role 'god' is internal to the Hub; hubperm does not model it");
      } else if (auto value = in_.Enum<TokenRole>(*role, "token role")) {
        token.role = *value;
        token.role_pos = role->pos;
      }
    }
    if (const YamlNode* gated = TreeReader::Find(node, "can_read_gated_repos")) {
      if (auto value = in_.Bool(*gated, "'can_read_gated_repos'")) {
        token.can_read_gated_repos = *value;
        token.can_read_gated_repos_pos = gated->pos;
      }
    }
    const bool fine_grained = token.role == TokenRole::kFineGrained;
    for (absl::string_view key : {"can_read_gated_repos", "global", "scoped"}) {
      const YamlNode* value = TreeReader::Find(node, key);
      if (value != nullptr && !fine_grained && token.role_pos.known()) {
        in_.Error(value->pos, absl::StrCat("'", key, "' is only for fineGrained tokens; ", what, " is a ",
                                           NameOf(token.role), " token"));
      }
    }
    if (const YamlNode* global = TreeReader::Find(node, "global")) token.global = ReadPermissions(*global, "'global'");
    if (const YamlNode* scoped = TreeReader::Find(node, "scoped")) {
      in_.ForEachItem(*scoped, "'scoped'", [&](const YamlNode& s) {
        if (absl::optional<Scope> scope = ReadScope(s)) token.scoped.push_back(std::move(*scope));
      });
    }
    if (const YamlNode* statuses = TreeReader::Find(node, "org_status")) ReadOrgStatus(*statuses, &token);
    ReadLifetime(node, &token);
    if (const YamlNode* purpose = TreeReader::Find(node, "purpose")) {
      in_.ForEachItem(*purpose, "'purpose'", [&](const YamlNode& item) {
        const std::string item_what = absl::StrCat("purpose ", token.purpose.size() + 1, " of ", what);
        if (!in_.IsMap(item, item_what)) return;
        in_.CheckKeys(item, kPurposeKeys, item_what);
        Case c;
        c.name = Name{item_what, item.pos};
        c.tokens.push_back(token.name);
        ReadRequest(item, item_what, nullptr, &c);
        token.purpose.push_back(std::move(c));
      });
      if (purpose->is_sequence() && purpose->children.empty()) in_.Error(purpose->pos, absl::StrCat("'purpose' of ", what, " is empty"));
    }
    world_->tokens.push_back(std::move(token));
  }

  // `org_status: {org: status}`.
  void ReadOrgStatus(const YamlNode& statuses, Token* token) {
    if (!in_.IsMap(statuses, "'org_status'")) return;
    for (size_t i = 0; i < statuses.map_size(); ++i) {
      const YamlNode& org = statuses.key(i);
      if (!org.is_scalar()) continue;
      if (auto status = in_.Enum<ApprovalStatus>(statuses.value(i), "approval status")) {
        token->org_status.push_back(OrgApproval{Name{org.scalar, org.pos}, *status, statuses.value(i).pos});
      }
    }
  }

  // `created_at`, `expires_at`.
  void ReadLifetime(const YamlNode& node, Token* token) {
    if (const YamlNode* created_at = TreeReader::Find(node, "created_at")) {
      token->created_at = in_.Time(*created_at, "'created_at'");
      token->created_at_pos = created_at->pos;
    }
    if (const YamlNode* expires_at = TreeReader::Find(node, "expires_at")) {
      token->expires_at = in_.Time(*expires_at, "'expires_at'");
      token->expires_at_pos = expires_at->pos;
    }
  }

  // A trusted publisher's or an OAuth app's token (docs/hub-access-model.md §4c): what it may do follows
  // from its kind, its repo (a repo publisher's) or its scopes and orgs (an OAuth app's), not from a role
  // or fine-grained permissions.
  void ReadMintedToken(const YamlNode& node, const std::string& what, Token* token) {
    const bool oauth = token->kind == TokenKind::kOAuth;
    const YamlNode* repo = oauth ? nullptr : TreeReader::Find(node, "repo");
    for (absl::string_view key : {"role", "can_read_gated_repos", "global", "scoped", "purpose"}) {
      if (const YamlNode* value = TreeReader::Find(node, key)) {
        in_.Error(value->pos, absl::StrCat("'", key, "' is not for ", NameOf(token->kind), " tokens: what ", what,
                                           " may do follows from its kind (",
                                           oauth ? "its scopes and orgs" : "its repo, or its owner's read access",
                                           ")"));
      }
    }
    for (absl::string_view key : oauth ? std::vector<absl::string_view>{"repo", "repo_type"}
                                       : std::vector<absl::string_view>{"scopes", "orgs"}) {
      if (const YamlNode* value = TreeReader::Find(node, key)) {
        in_.Error(value->pos, absl::StrCat("'", key, "' is not for ", NameOf(token->kind), " tokens"));
      }
    }
    const YamlNode* owner = TreeReader::Find(node, "owner");
    if (repo != nullptr) {
      // A repo publisher's token is bound to the Hub's synthetic [OIDC] user [doc: trusted-publishers.md].
      if (owner != nullptr) {
        in_.Error(owner->pos, absl::StrCat(what, " is a repo's trusted publisher token, bound to the Hub's [OIDC] "
                                                 "user, not to a user: drop 'owner'"));
      }
      token->publisher_repo = in_.String(*repo, "'repo'");
      if (const YamlNode* type = TreeReader::Find(node, "repo_type")) {
        if (auto value = in_.Enum<RepoType>(*type, "repo type")) token->publisher_repo_type = *value;
      }
      token->role = TokenRole::kFineGrained;
    } else {
      if (owner == nullptr) {
        in_.Error(node.pos, absl::StrCat(what, " is missing 'owner'",
                                         oauth ? "" : " (or 'repo', for a repo's trusted publisher)"));
      } else if (auto value = in_.String(*owner, "'owner'")) {
        token->owner = std::move(*value);
      }
      if (!oauth) {
        if (const YamlNode* type = TreeReader::Find(node, "repo_type")) {
          in_.Error(type->pos, "'repo_type' goes with 'repo'");
        }
      }
      // A user publisher's token reads what its owner may read, gated repos included [doc]; an OAuth
      // token's permissions come from its scopes.
      token->role = oauth ? TokenRole::kFineGrained : TokenRole::kRead;
    }
    token->role_pos = token->kind_pos;
    if (oauth) {
      if (const YamlNode* scopes = in_.Require(node, "scopes", what)) {
        in_.ForEachItem(*scopes, "'scopes'", [&](const YamlNode& item) {
          if (absl::optional<OAuthScope> scope = in_.Enum<OAuthScope>(item, "OAuth scope")) {
            token->oauth_scopes.push_back(OAuthScopeEntry{Name{item.scalar, item.pos}, *scope});
          }
        });
      }
      if (const YamlNode* orgs = TreeReader::Find(node, "orgs")) token->oauth_orgs = in_.StringList(*orgs, "'orgs'");
    }
    if (const YamlNode* statuses = TreeReader::Find(node, "org_status")) {
      in_.Error(statuses->pos, absl::StrCat("'org_status' is not for ", NameOf(token->kind),
                                            " tokens: org token policies concern user access tokens"));
    }
    ReadLifetime(node, token);
  }

  absl::optional<Scope> ReadScope(const YamlNode& node) {
    if (!in_.IsMap(node, "a scope")) return absl::nullopt;
    in_.CheckKeys(node, kScopeKeys, "a scope");
    Scope scope;
    scope.pos = node.pos;
    const YamlNode* entity = in_.Require(node, "entity", "a scope");
    if (entity == nullptr || !in_.IsMap(*entity, "'entity'")) return absl::nullopt;
    in_.CheckKeys(*entity, kEntityKeys, "'entity'");
    const YamlNode* type = in_.Require(*entity, "type", "'entity'");
    const YamlNode* name = in_.Require(*entity, "name", "'entity'");
    absl::optional<EntityType> entity_type = type ? in_.Enum<EntityType>(*type, "entity type") : absl::nullopt;
    absl::optional<Name> entity_name = name ? in_.String(*name, "an entity's 'name'") : absl::nullopt;
    if (!entity_type.has_value() || !entity_name.has_value()) return absl::nullopt;
    scope.type = *entity_type;
    scope.entity = std::move(*entity_name);
    if (!IsModeledEntity(scope.type)) {
      in_.Warning(type->pos, absl::StrCat("scopes on ", NameOf(scope.type),
                                          " entities are loaded but grant nothing hubperm models"));
    }
    if (const YamlNode* permissions = in_.Require(node, "permissions", "a scope")) {
      scope.permissions = ReadPermissions(*permissions, "'permissions'");
    }
    return scope;
  }

  // A list of names, or one name alone (`tokens: all`, `repos: acme/*`).
  std::vector<Name> ReadNames(const YamlNode& node, absl::string_view what) {
    if (!node.is_scalar()) return in_.StringList(node, what);
    std::vector<Name> out;
    if (auto value = in_.String(node, what)) out.push_back(std::move(*value));
    return out;
  }

  void ReadCase(const YamlNode& node) {
    absl::optional<Name> name = in_.OpenEntry(node, kCaseKeys, "a case", "name");
    if (!name.has_value()) return;
    Case c;
    c.name = std::move(*name);
    const std::string what = absl::StrCat("case '", c.name.text, "'");

    const YamlNode* matrix = TreeReader::Find(node, "matrix");
    if (matrix != nullptr) c.matrix = ReadMatrix(*matrix);

    const YamlNode* token = TreeReader::Find(node, "token");
    const YamlNode* tokens = TreeReader::Find(node, "tokens");
    const YamlNode* all_except = TreeReader::Find(node, "all_except");
    if (matrix != nullptr) {
      for (const YamlNode* key : {token, tokens, all_except}) {
        if (key != nullptr) {
          in_.Error(key->pos, absl::StrCat(what, " has a matrix, whose rows name the tokens; drop '",
                                           key == token ? "token" : key == tokens ? "tokens" : "all_except", "'"));
        }
      }
    } else if (token != nullptr && tokens != nullptr) {
      in_.Error(tokens->pos, absl::StrCat(what, " has both 'token' and 'tokens'; keep one"));
    } else if (token != nullptr) {
      if (auto value = in_.String(*token, "'token'")) c.tokens.push_back(std::move(*value));
    } else if (tokens != nullptr) {
      c.tokens = ReadNames(*tokens, "'tokens'");
    } else if (all_except == nullptr) {
      in_.Error(node.pos, absl::StrCat(what, " is missing 'token' (or 'tokens')"));
    }
    // A rule over tokens: `all`, or a glob among the names; `all_except` takes some out.
    if (std::any_of(c.tokens.begin(), c.tokens.end(), [](const Name& n) { return IsSetPattern(n.text); })) {
      c.token_patterns = std::move(c.tokens);
      c.tokens.clear();
    }
    if (all_except != nullptr && matrix == nullptr) {
      if (token != nullptr || (tokens != nullptr && c.token_patterns.empty())) {
        in_.Error(all_except->pos, absl::StrCat(what, " names its tokens one by one; 'all_except' goes with "
                                                      "'tokens: all' or a glob (or alone: every token but these)"));
      } else {
        c.all_except = ReadNames(*all_except, "'all_except'");
        c.all_except_pos = all_except->pos;
        if (c.token_patterns.empty()) c.token_patterns.push_back(Name{"all", all_except->pos});
      }
    }

    ReadRequest(node, what, matrix, &c);
    // A rule over repos: `all`, or a glob among the repo ids.
    if (!c.matrix.has_value() &&
        std::any_of(c.repos.begin(), c.repos.end(), [](const Name& n) { return IsSetPattern(n.text); })) {
      c.repo_patterns = std::move(c.repos);
      c.repos.clear();
    }

    if (matrix != nullptr) {
      for (absl::string_view key : {"expect", "status", "denied_by"}) {
        if (const YamlNode* value = TreeReader::Find(node, key)) {
          in_.Error(value->pos, absl::StrCat(what, " has a matrix, whose cells are its expectations; drop '", key,
                                             "' (a cell is allow, deny or an HTTP status)"));
        }
      }
      if (const YamlNode* because = TreeReader::Find(node, "because")) c.because = in_.String(*because, "'because'");
      world_->cases.push_back(std::move(c));
      return;
    }
    if (const YamlNode* expect = in_.Require(node, "expect", what)) {
      if (auto value = in_.Enum<Effect>(*expect, "expectation")) c.expect = *value;
      c.expect_pos = expect->pos;
    }
    if (const YamlNode* status = TreeReader::Find(node, "status")) {
      c.status = in_.HttpStatus(*status, "'status'");
    }
    if (const YamlNode* denied_by = TreeReader::Find(node, "denied_by")) {
      c.denied_by_pos = denied_by->pos;
      std::vector<const YamlNode*> items;
      if (denied_by->is_sequence()) {
        for (const YamlNode& item : denied_by->children) items.push_back(&item);
      } else {
        items.push_back(denied_by);
      }
      for (const YamlNode* item : items) {
        if (auto side = in_.Enum<Side>(*item, "side")) c.denied_by.push_back(*side);
      }
      if (c.expect == Effect::kAllow && c.expect_pos.known()) {
        in_.Error(denied_by->pos, absl::StrCat(what, " expects allow; 'denied_by' goes with 'expect: deny'"));
      }
    }
    if (const YamlNode* because = TreeReader::Find(node, "because")) c.because = in_.String(*because, "'because'");
    world_->cases.push_back(std::move(c));
  }

  // The request of a case (or of a token's purpose, `matrix` null): exactly one form, and the keys of its
  // target. `what` names it in messages ("case 'x'").
  void ReadRequest(const YamlNode& node, const std::string& what, const YamlNode* matrix, Case* c) {
    const bool matrix_of_requests = c->matrix.has_value() && c->matrix->axis != MatrixAxis::kRepos;
    const YamlNode* http = TreeReader::Find(node, "http");
    const YamlNode* operation = TreeReader::Find(node, "operation");
    const YamlNode* permission = TreeReader::Find(node, "permission");
    const YamlNode* from_error = TreeReader::Find(node, "from_error");
    const int forms = (http != nullptr) + (operation != nullptr) + (permission != nullptr) + (from_error != nullptr) +
                      matrix_of_requests;
    // A matrix that did not parse may have been meant as the request (reported already).
    const bool matrix_unread = matrix != nullptr && !c->matrix.has_value();
    if (forms > 1 || (forms == 0 && !matrix_unread)) {
      in_.Error(node.pos, absl::StrCat(what, forms == 0 ? " names no request" : " names more than one request",
                                       ": give exactly one of 'http', 'operation', 'permission' or 'from_error'",
                                       matrix_of_requests ? ", or a matrix of operations or permissions" : ""));
    }
    if (c->matrix.has_value() && c->matrix->axis == MatrixAxis::kRepos && http != nullptr) {
      in_.Error(http->pos, absl::StrCat(what, " has a matrix of repos, which goes with 'operation' or 'permission': "
                                              "an 'http' request names its repo in its path"));
    }
    if (http != nullptr) c->http = in_.String(*http, "'http'");
    if (operation != nullptr) c->operation = in_.String(*operation, "'operation'");
    if (permission != nullptr) c->permission = in_.String(*permission, "'permission'");
    if (from_error != nullptr) c->from_error = in_.String(*from_error, "'from_error'");
    if (const YamlNode* body = TreeReader::Find(node, "body")) {
      c->body_pos = body->pos;
      if (http == nullptr) in_.Error(body->pos, "'body' goes with 'http'");
      if (in_.IsMap(*body, "'body'")) {
        for (size_t i = 0; i < body->map_size(); ++i) {
          const YamlNode& key = body->key(i);
          if (!key.is_scalar()) continue;
          if (auto value = in_.String(body->value(i), absl::StrCat("body field '", key.scalar, "'"))) {
            c->body.push_back(BodyField{Name{key.scalar, key.pos}, std::move(*value)});
          }
        }
      }
    }

    const YamlNode* repo = TreeReader::Find(node, "repo");
    const YamlNode* repos = TreeReader::Find(node, "repos");
    if (c->matrix.has_value() && c->matrix->axis == MatrixAxis::kRepos && (repo != nullptr || repos != nullptr)) {
      in_.Error((repo != nullptr ? repo : repos)->pos,
                absl::StrCat(what, " has a matrix of repos, whose columns name the repos; drop '",
                             repo != nullptr ? "repo" : "repos", "'"));
    } else if (repo != nullptr && repos != nullptr) {
      in_.Error(repos->pos, absl::StrCat(what, " has both 'repo' and 'repos'; keep one"));
    } else if (c->matrix.has_value() && repos != nullptr) {
      in_.Error(repos->pos, absl::StrCat(what, " has a matrix of ", NameOf(c->matrix->axis),
                                         ", asked on one 'repo'; for several repos, make a matrix of repos"));
    } else if (repo != nullptr) {
      if (auto value = in_.String(*repo, "'repo'")) c->repos.push_back(std::move(*value));
    } else if (repos != nullptr) {
      c->repos = ReadNames(*repos, "'repos'");
    }
    if (const YamlNode* type = TreeReader::Find(node, "repo_type")) c->repo_type = in_.Enum<RepoType>(*type, "repo type");
    if (const YamlNode* org = TreeReader::Find(node, "org")) c->org = in_.String(*org, "'org'");
    if (const YamlNode* user = TreeReader::Find(node, "user")) c->user = in_.String(*user, "'user'");
    if (const YamlNode* group = TreeReader::Find(node, "group")) c->group = in_.String(*group, "'group'");
    if (const YamlNode* to = TreeReader::Find(node, "to")) c->to = in_.String(*to, "'to'");
    if (const YamlNode* write = TreeReader::Find(node, "write")) c->write = in_.Bool(*write, "'write'").value_or(false);
    if (const YamlNode* exist_ok = TreeReader::Find(node, "exist_ok")) {
      c->exist_ok = in_.Bool(*exist_ok, "'exist_ok'").value_or(false);
    }
    if (const YamlNode* at = TreeReader::Find(node, "at")) {
      c->at = in_.Time(*at, "'at'");
      c->at_pos = at->pos;
    }
  }

  // `matrix:`: exactly one of `repos`, `operations` or `permissions` (the columns), and `expect`: one row
  // per token, one cell per column.
  absl::optional<CaseMatrix> ReadMatrix(const YamlNode& node) {
    if (!in_.IsMap(node, "'matrix'")) return absl::nullopt;
    in_.CheckKeys(node, kMatrixKeys, "'matrix'");
    CaseMatrix m;
    m.pos = node.pos;
    int axes = 0;
    for (absl::string_view name : NamesOf<MatrixAxis>()) {
      const YamlNode* columns = TreeReader::Find(node, name);
      if (columns == nullptr || ++axes > 1) continue;
      m.axis = *ParseName<MatrixAxis>(name);
      m.columns = in_.StringList(*columns, absl::StrCat("the matrix's '", name, "'"));
      if (columns->is_sequence() && columns->children.empty()) {
        in_.Error(columns->pos, absl::StrCat("the matrix's '", name, "' is empty"));
      }
      for (size_t i = 0; i < m.columns.size(); ++i) {
        for (size_t j = 0; j < i; ++j) {
          if (m.columns[j].text == m.columns[i].text) {
            in_.Error(m.columns[i].pos, absl::StrCat("'", m.columns[i].text, "' is twice among the matrix's ", name,
                                                     "; first at ", m.columns[j].pos.line, ":",
                                                     m.columns[j].pos.column));
            break;
          }
        }
      }
    }
    if (axes != 1) {
      in_.Error(node.pos, absl::StrCat("'matrix' needs exactly one of 'repos', 'operations' or 'permissions' for its "
                                       "columns, not ", axes));
      return absl::nullopt;
    }
    const YamlNode* expect = in_.Require(node, "expect", "'matrix'");
    if (expect == nullptr || !in_.IsMap(*expect, "the matrix's 'expect' (token: [cell, ...])")) return absl::nullopt;
    if (expect->map_size() == 0) in_.Error(expect->pos, "the matrix's 'expect' has no rows");
    for (size_t i = 0; i < expect->map_size(); ++i) {
      const YamlNode& key = expect->key(i);
      if (!key.is_scalar()) continue;  // reported by the parser
      if (const YamlNode* first = TreeReader::EarlierKey(*expect, i)) {
        in_.Error(key.pos, absl::StrCat("token '", key.scalar, "' has two rows in the matrix; first at line ",
                                        first->pos.line));
        continue;
      }
      CaseMatrix::Row row{Name{key.scalar, key.pos}, {}};
      const YamlNode& cells = expect->value(i);
      const std::string what = absl::StrCat("the matrix row of token '", key.scalar, "'");
      if (!cells.is_sequence()) {
        in_.Error(cells.pos, absl::StrCat(what, " must be a sequence of allow, deny or HTTP statuses, not ",
                                          KindName(cells)));
        m.rows.push_back(std::move(row));  // its token is still checked
        continue;
      }
      for (const YamlNode& cell : cells.children) {
        if (absl::optional<MatrixCell> value = ReadCell(cell)) row.cells.push_back(*value);
      }
      if (cells.children.size() != m.columns.size()) {
        in_.Error(cells.pos, absl::StrCat(what, " has ", cells.children.size(),
                                          cells.children.size() == 1 ? " cell" : " cells", " for ", m.columns.size(),
                                          m.columns.size() == 1 ? " column" : " columns", " of ", NameOf(m.axis),
                                          "; give one per column"));
      }
      m.rows.push_back(std::move(row));
    }
    return m;
  }

  // A matrix cell: allow, deny, or an HTTP status (allow below 400, deny from 400).
  absl::optional<MatrixCell> ReadCell(const YamlNode& cell) {
    MatrixCell out;
    out.pos = cell.pos;
    int number = 0;
    if (cell.is_scalar() && cell.plain && absl::SimpleAtoi(cell.scalar, &number)) {
      out.status = in_.HttpStatus(cell, "a matrix cell's status");
      if (!out.status.has_value()) return absl::nullopt;
      out.expect = *out.status < 400 ? Effect::kAllow : Effect::kDeny;
      return out;
    }
    absl::optional<Effect> effect = cell.is_scalar() ? ParseName<Effect>(cell.scalar) : absl::nullopt;
    if (!effect.has_value()) {
      in_.Error(cell.pos, absl::StrCat("a matrix cell must be allow, deny or an HTTP status, not ",
                                       cell.is_scalar() ? absl::StrCat("'", cell.scalar, "'")
                                                        : std::string(KindName(cell))));
      return absl::nullopt;
    }
    out.expect = *effect;
    return out;
  }

  void ReadAssumptions(const YamlNode& node) {
    if (!in_.IsMap(node, "'assumptions'")) return;
    in_.CheckKeys(node, kAssumptionKeys, "'assumptions'");
    Assumptions& a = world_->assumptions;
    a.pos = node.pos;
    for (size_t i = 0; i < std::size(kAssumptionSwitches); ++i) {
      const absl::string_view key = kAssumptionSwitches[i].name;
      bool& current = a.*kAssumptionSwitches[i].value;
      if (const YamlNode* value = TreeReader::Find(node, key)) {
        if (auto b = in_.Bool(*value, absl::StrCat("'", key, "'"))) {
          // Files of one world may repeat a switch, never contradict it: which file is last is no rule.
          SourcePos& set_at = a.switch_pos[i];
          if (set_at.known() && current != *b) {
            in_.Error(value->pos, absl::StrCat("'", key, "' is ", *b ? "true" : "false", " here but ",
                                               current ? "true" : "false", " at ", Where(set_at),
                                               "; the files of one world must agree"));
            continue;
          }
          current = *b;
          set_at = value->pos;
        }
      }
    }
    if (const YamlNode* spelling = TreeReader::Find(node, "contributor_permission")) {
      if (absl::optional<Name> text = in_.String(*spelling, "'contributor_permission'")) {
        absl::optional<Permission> other = ParsePermission(text->text);
        if (other.has_value() && *other != Permission::kRepoContribute) {
          in_.Error(text->pos, absl::StrCat("'contributor_permission' cannot be ", QuoteValue(text->text),
                                            ", which is another permission"));
        } else if (a.contributor_permission_pos.known() && a.contributor_permission != text->text) {
          in_.Error(text->pos, absl::StrCat("'contributor_permission' is ", QuoteValue(text->text), " here but '",
                                            a.contributor_permission, "' at ", Where(a.contributor_permission_pos),
                                            "; the files of one world must agree"));
        } else {
          a.contributor_permission = text->text;
          a.contributor_permission_pos = text->pos;
        }
      }
    }
  }

  // "file:line:col" of a position in any file of the world.
  std::string Where(const SourcePos& pos) const { return files_->Format(pos); }

  // The top-level lists, and how each entry is read.
  struct List {
    absl::string_view key;
    absl::string_view what;
    void (FileReader::*read)(const YamlNode&);
    SourcePos first_key_pos;  // of the key whose entries TakeItem reads
  };
  List lists_[4] = {{"orgs", "'orgs'", &FileReader::ReadOrg, {}},
                    {"repos", "'repos'", &FileReader::ReadRepo, {}},
                    {"tokens", "'tokens'", &FileReader::ReadToken, {}},
                    {"cases", "'cases'", &FileReader::ReadCase, {}}};

  TreeReader in_;
  World* world_;
  const SourceFiles* files_;
};

}  // namespace

void WorldLoader::Finish() {
  static const std::vector<absl::string_view> kKnown = [] {
    std::vector<absl::string_view> names;
    for (const PermissionInfo& row : AllPermissions()) {
      if (row.permission != Permission::kRepoContribute) names.push_back(row.name);
    }
    return names;
  }();
  const std::string& contribute = world_->assumptions.contributor_permission;
  std::vector<absl::string_view> known = kKnown;
  known.push_back(contribute);
  auto read = [&](std::vector<PermissionEntry>* entries, bool global) {
    for (PermissionEntry& entry : *entries) {
      const std::string& text = entry.text.text;
      entry.permission = text == contribute ? absl::optional<Permission>(Permission::kRepoContribute) : ParsePermission(text);
      if (entry.permission == Permission::kRepoContribute && text != contribute) entry.permission.reset();  // respelled
      if (!entry.permission.has_value()) {
        diagnostics_->Warning(entry.text.pos,
                              absl::StrCat("unknown permission '", text,
                                           "' grants nothing hubperm models (kept: the Hub adds permissions over time)",
                                           DidYouMean(text, known)));
      } else if (global && (GetPermissionInfo(*entry.permission).placements & kPlacementGlobal) == 0) {
        diagnostics_->Error(entry.text.pos, absl::StrCat("'", text,
                                                         "' cannot be global; 'global' may hold only discussion.write "
                                                         "and post.write; scope it to an entity"));
      }
    }
  };
  for (Token& token : world_->tokens) {
    read(&token.global, /*global=*/true);
    for (Scope& scope : token.scoped) read(&scope.permissions, /*global=*/false);
  }
}

absl::Status WorldLoader::AddPath(const std::string& path) {
  absl::StatusOr<std::string> text = ReadRegularFile(path, kMaxFixtureBytes);
  if (!text.ok()) {
    if (absl::IsFailedPrecondition(text.status()) && std::filesystem::is_directory(path)) {
      return absl::FailedPreconditionError(
          absl::StrCat(QuotePath(path), " is a directory; give the fixture files in it"));
    }
    return text.status();
  }
  AddText(path, *std::move(text));
  return absl::OkStatus();
}

void WorldLoader::AddText(std::string name, std::string text) {
  const int file = files_->Add(std::move(name), std::move(text));
  FileReader reader(diagnostics_, world_, files_);
  absl::optional<YamlNode> root = ParseYamlStreaming(files_->text(file), file, diagnostics_, &reader);
  if (!root.has_value()) return;
  reader.ReadDocument(*root);
}

}  // namespace hubperm
