// Copyright 2026 The hubperm Authors.

#include "policy/load/whoami_import.h"

#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "policy/common/escape.h"
#include "policy/common/suggest.h"
#include "policy/load/response_reader.h"
#include "policy/load/world_writer.h"
#include "policy/load/yaml_tree.h"
#include "policy/model/names.h"
#include "policy/model/vocabulary.h"

namespace hubperm {
namespace {

// The keys of each object of the whoami-v2 schema (the Hub's OpenAPI description).
constexpr KeySpec kUserKeys[] = {
    {"type", Use::kRead},      {"name", Use::kRead},         {"orgs", Use::kRead},
    {"auth", Use::kRead},      {"id", Use::kSkip},           {"fullname", Use::kSkip},
    {"email", Use::kSkip},     {"emailVerified", Use::kSkip}, {"canPay", Use::kSkip},
    {"billingMode", Use::kSkip}, {"avatarUrl", Use::kSkip},  {"periodEnd", Use::kSkip},
    {"isPro", Use::kSkip},
};
constexpr KeySpec kOrgKeys[] = {
    {"type", Use::kRead},        {"name", Use::kRead},         {"roleInOrg", Use::kRead},
    {"plan", Use::kRead},        {"resourceGroups", Use::kRead}, {"securityRestrictions", Use::kRead},
    {"id", Use::kSkip},          {"fullname", Use::kSkip},     {"email", Use::kSkip},
    {"canPay", Use::kSkip},      {"billingMode", Use::kSkip},  {"avatarUrl", Use::kSkip},
    {"periodEnd", Use::kSkip},
    // Older responses: the org's API token, a secret. Never copied.
    {"apiToken", Use::kSkip},
};
constexpr KeySpec kGroupKeys[] = {{"id", Use::kRead}, {"name", Use::kRead}, {"role", Use::kRead}};
constexpr KeySpec kAuthKeys[] = {
    {"type", Use::kRead}, {"accessToken", Use::kRead}, {"expiresAt", Use::kRead}, {"resource", Use::kSkip}};
constexpr KeySpec kAccessTokenKeys[] = {
    {"displayName", Use::kRead}, {"role", Use::kRead}, {"fineGrained", Use::kRead}, {"createdAt", Use::kRead}};
constexpr KeySpec kFineGrainedKeys[] = {
    {"scoped", Use::kRead}, {"global", Use::kRead}, {"canReadGatedRepos", Use::kRead}};
constexpr KeySpec kScopeKeys[] = {{"entity", Use::kRead}, {"permissions", Use::kRead}};
constexpr KeySpec kEntityKeys[] = {{"_id", Use::kRead}, {"type", Use::kRead}, {"name", Use::kRead}};

// whoami-v2's org plans -> hubperm's. Only whether resource groups and token policies exist matters
// (team or enterprise); `plus` (Enterprise Plus) and `academia` (the Academia Hub, an Enterprise
// offer) are taken as enterprise [assumed].
struct PlanRow {
  absl::string_view hub;
  OrgPlan plan;
};
constexpr PlanRow kPlans[] = {
    {"team", OrgPlan::kTeam},
    {"enterprise", OrgPlan::kEnterprise},
    {"plus", OrgPlan::kEnterprise},
    {"academia", OrgPlan::kEnterprise},
};

class Importer {
 public:
  Importer(Diagnostics* d, World* world, const WhoamiImportOptions& options)
      : d_(d), in_(d), world_(world), options_(options) {}

  void Import(const YamlNode& root) {
    if (!in_.tree().IsMap(root, "a whoami-v2 response")) return;
    Object user = in_.Read(root, kUserKeys, "the response");
    if (const YamlNode* type = user.Get("type")) {
      absl::optional<std::string> t = String(*type, "type");
      if (t.has_value() && *t != "user") {
        d_->Error(type->pos, absl::StrCat("this response is ", *t == "org" ? "an organization's" : "not a user's",
                                          " ('type' is not \"user\"): only user access tokens can be imported"));
      }
    }
    const YamlNode* name = user.Require("name");
    if (name != nullptr) {
      if (absl::optional<std::string> n = Named(*name, "name", NameKind::kUser)) user_ = Name{*n, name->pos};
    }
    if (!user_.text.empty()) world_->users.push_back(user_);
    if (const YamlNode* orgs = user.Get("orgs")) ReadOrgs(*orgs);
    const YamlNode* auth = user.Require("auth");
    if (auth != nullptr && Expect(*auth, YamlNode::Kind::kMap, "auth")) ReadAuth(*auth);
  }

 private:
  using Object = ResponseReader::Object;

  bool Expect(const YamlNode& n, YamlNode::Kind kind, absl::string_view what) {
    return kind == YamlNode::Kind::kMap ? in_.IsObject(n, what) : in_.IsArray(n, what);
  }
  absl::optional<std::string> String(const YamlNode& n, absl::string_view what) { return in_.String(n, what); }
  absl::optional<std::string> Named(const YamlNode& n, absl::string_view what, NameKind kind) {
    return in_.Named(n, what, kind);
  }
  absl::optional<bool> Bool(const YamlNode& n, absl::string_view what) { return in_.Bool(n, what); }
  template <typename E>
  absl::optional<E> Enum(const YamlNode& n, absl::string_view what) {
    return in_.Enum<E>(n, what);
  }

  void ReadOrgs(const YamlNode& orgs) {
    if (!Expect(orgs, YamlNode::Kind::kSequence, "orgs")) return;
    for (const YamlNode& entry : orgs.children) {
      if (Expect(entry, YamlNode::Kind::kMap, "orgs[]")) ReadOrg(entry);
    }
  }

  void ReadOrg(const YamlNode& node) {
    Object o = in_.Read(node, kOrgKeys, "an org of 'orgs'");
    const YamlNode* name_node = o.Require("name");
    absl::optional<std::string> name = name_node ? Named(*name_node, "orgs[].name", NameKind::kOrg) : absl::nullopt;
    if (!name.has_value()) return;
    if (org_index_.contains(*name)) {
      d_->Error(name_node->pos, absl::StrCat("org '", *name, "' is listed twice"));  // a valid name: safe
      return;
    }
    Org org;
    org.name = Name{*name, name_node->pos};
    Member<OrgRole> member{user_, OrgRole::kRead, node.pos};
    if (const YamlNode* role = o.Get("roleInOrg")) {
      absl::optional<OrgRole> r = Enum<OrgRole>(*role, "roleInOrg");
      if (r.has_value()) member.role = *r;
      member.role_pos = role->pos;
    } else {
      d_->Warning(node.pos, absl::StrCat("org '", *name, "' has no 'roleInOrg': the user is recorded as a 'read' member [assumed]"));
    }
    org.members.push_back(member);
    if (const YamlNode* plan = o.Get("plan")) {
      if (absl::optional<std::string> p = String(*plan, "plan")) {
        bool known = false;
        for (const PlanRow& row : kPlans) {
          if (row.hub == *p) {
            org.plan = row.plan;
            known = true;
          }
        }
        if (!known) d_->Warning(plan->pos, "unknown 'plan' (the Hub's plans: free, team, enterprise); recorded as free");
        org.plan_pos = plan->pos;
      }
    }
    if (const YamlNode* groups = o.Get("resourceGroups")) {
      if (Expect(*groups, YamlNode::Kind::kSequence, "resourceGroups")) {
        for (const YamlNode& g : groups->children) {
          if (Expect(g, YamlNode::Kind::kMap, "resourceGroups[]")) ReadGroup(g, &org);
        }
      }
      // Resource groups exist only on team and enterprise plans; a response without a plan but with
      // groups is an enterprise org's [assumed].
      if (!org.resource_groups.empty() && org.plan == OrgPlan::kFree) org.plan = OrgPlan::kEnterprise;
    }
    if (const YamlNode* restrictions = o.Get("securityRestrictions")) {
      if (Expect(*restrictions, YamlNode::Kind::kSequence, "securityRestrictions")) {
        for (const YamlNode& r : restrictions->children) {
          if (absl::optional<std::string> text = String(r, "securityRestrictions[]")) {
            restrictions_.push_back(Restriction{*text, r.pos, world_->orgs.size()});
          }
        }
      }
    }
    org_index_[*name] = world_->orgs.size();
    world_->orgs.push_back(std::move(org));
  }

  void ReadGroup(const YamlNode& node, Org* org) {
    Object g = in_.Read(node, kGroupKeys, "a resource group of 'resourceGroups'");
    const YamlNode* id = g.Require("id");
    const YamlNode* name = g.Require("name");
    const YamlNode* role = g.Require("role");
    absl::optional<std::string> id_text = id ? String(*id, "resourceGroups[].id") : absl::nullopt;
    absl::optional<std::string> name_text =
        name ? Named(*name, "resourceGroups[].name", NameKind::kResourceGroup) : absl::nullopt;
    absl::optional<GroupRole> group_role = role ? Enum<GroupRole>(*role, "resource-group role") : absl::nullopt;
    if (!name_text.has_value()) return;
    if (!group_names_.insert(*name_text).second) {
      d_->Error(name->pos, absl::StrCat("resource group '", *name_text,
                                        "' is listed twice; hubperm needs group names unique across orgs"));
      return;
    }
    ResourceGroup group;
    group.name = Name{*name_text, name->pos};
    if (group_role.has_value()) group.members.push_back(Member<GroupRole>{user_, *group_role, role->pos});
    if (id_text.has_value()) group_ids_[*id_text] = GroupRef{org->name.text, *name_text};
    org->resource_groups.push_back(std::move(group));
  }

  void ReadAuth(const YamlNode& node) {
    Object auth = in_.Read(node, kAuthKeys, "'auth'");
    const YamlNode* access_token = auth.Get("accessToken");
    if (access_token == nullptr) {
      std::string type = "unknown";
      if (const YamlNode* t = auth.Get("type"); t != nullptr && t->is_scalar()) {
        type = KeyShaped(t->scalar) ? t->scalar : "not shown";
      }
      d_->Error(node.pos, absl::StrCat("'auth' has no 'accessToken' (auth type '", type,
                                       "'): only user access tokens can be imported"));
      return;
    }
    if (!Expect(*access_token, YamlNode::Kind::kMap, "accessToken")) return;
    Object at = in_.Read(*access_token, kAccessTokenKeys, "'auth.accessToken'");
    Token token;
    token.owner = user_;
    token.name.pos = access_token->pos;
    if (const YamlNode* display = at.Require("displayName")) {
      absl::optional<std::string> n = options_.token_name.empty() ? Named(*display, "displayName", NameKind::kToken)
                                                                  : String(*display, "displayName");
      if (n.has_value()) token.name = Name{*n, display->pos};
    }
    if (!options_.token_name.empty()) {
      token.name.text = options_.token_name;
      if (const std::string problem = NameProblem(NameKind::kToken, options_.token_name); !problem.empty()) {
        d_->Error(token.name.pos, absl::StrCat("--name is not a valid token name: ", problem));
      }
    }
    // The token's lifetime: createdAt beside its role, expiresAt beside accessToken [openapi].
    if (const YamlNode* created = at.Get("createdAt")) {
      token.created_at = in_.Time(*created, "createdAt");
      token.created_at_pos = created->pos;
    }
    if (const YamlNode* expires = auth.Get("expiresAt")) {
      token.expires_at = in_.Time(*expires, "expiresAt");
      token.expires_at_pos = expires->pos;
    }
    if (absl::StripAsciiWhitespace(token.name.text).empty()) {
      d_->Error(token.name.pos, "the token has no display name: name it with --name");
    }
    const YamlNode* role = at.Require("role");
    if (role != nullptr) {
      absl::optional<std::string> text = String(*role, "role");
      if (text.has_value() && *text == "god") {
        d_->Error(role->pos, "token role 'god' is an internal Hub role; hubperm models read, write and fineGrained");
      } else if (text.has_value()) {
        absl::optional<TokenRole> r = ParseName<TokenRole>(*text);
        if (r.has_value()) {
          token.role = *r;
          token.role_pos = role->pos;
        } else {
          const std::vector<absl::string_view> names = NamesOf<TokenRole>();
          d_->Error(role->pos, absl::StrCat("unknown token 'role'", DidYouMean(*text, names), " (valid: ",
                                            absl::StrJoin(names, ", "), ")"));
        }
      }
    }
    if (const YamlNode* fine = at.Get("fineGrained")) {
      if (token.role != TokenRole::kFineGrained) {
        d_->Warning(fine->pos, absl::StrCat("a '", NameOf(token.role), "' token has no fine-grained permissions; 'fineGrained' ignored"));
      } else if (Expect(*fine, YamlNode::Kind::kMap, "fineGrained")) {
        ReadFineGrained(*fine, &token);
      }
    }
    ApplyRestrictions(token);
    world_->tokens.push_back(std::move(token));
  }

  void ReadFineGrained(const YamlNode& node, Token* token) {
    Object fg = in_.Read(node, kFineGrainedKeys, "'fineGrained'");
    if (const YamlNode* flag = fg.Get("canReadGatedRepos")) {
      if (absl::optional<bool> b = Bool(*flag, "canReadGatedRepos")) {
        token->can_read_gated_repos = *b;
        token->can_read_gated_repos_pos = flag->pos;
      }
    }
    if (const YamlNode* global = fg.Get("global")) token->global = in_.Permissions(*global, "global");
    if (const YamlNode* scoped = fg.Get("scoped")) {
      if (Expect(*scoped, YamlNode::Kind::kSequence, "scoped")) {
        absl::flat_hash_set<std::string> seen;
        for (const YamlNode& s : scoped->children) {
          if (!Expect(s, YamlNode::Kind::kMap, "scoped[]")) continue;
          absl::optional<Scope> scope = ReadScope(s);
          if (!scope.has_value()) continue;
          if (!seen.insert(absl::StrCat(NameOf(scope->type), ":", scope->entity.text)).second) {
            d_->Error(s.pos, absl::StrCat("the token scopes ", NameOf(scope->type), " '", scope->entity.text,
                                          "' twice; the Hub keeps one entry per entity"));
            continue;
          }
          token->scoped.push_back(*std::move(scope));
        }
      }
    }
  }

  absl::optional<Scope> ReadScope(const YamlNode& node) {
    Object s = in_.Read(node, kScopeKeys, "a scope of 'scoped'");
    const YamlNode* entity = s.Require("entity");
    const YamlNode* permissions = s.Require("permissions");
    if (entity == nullptr || permissions == nullptr || !Expect(*entity, YamlNode::Kind::kMap, "entity")) {
      return absl::nullopt;
    }
    Object e = in_.Read(*entity, kEntityKeys, "a scope's 'entity'");
    const YamlNode* type_node = e.Require("type");
    const YamlNode* id_node = e.Require("_id");
    const YamlNode* name_node = e.Get("name");
    absl::optional<std::string> type_text = type_node ? String(*type_node, "entity.type") : absl::nullopt;
    absl::optional<std::string> id = id_node ? String(*id_node, "entity._id") : absl::nullopt;
    absl::optional<std::string> name = name_node ? String(*name_node, "entity.name") : absl::nullopt;
    Scope scope;
    scope.pos = node.pos;
    scope.permissions = in_.Permissions(*permissions, "permissions");
    if (!type_text.has_value()) return absl::nullopt;
    absl::optional<EntityType> type = ParseName<EntityType>(*type_text);
    if (!type.has_value()) {
      d_->Warning(type_node->pos, absl::StrCat("unknown 'entity.type'", in_.tree().Value(*type_text),
                                               ": this scope is left out (hubperm models ",
                                               absl::StrJoin(NamesOf<EntityType>(), ", "), ")"));
      return absl::nullopt;
    }
    scope.type = *type;
    const SourcePos at = name_node ? name_node->pos : entity->pos;
    if (*type == EntityType::kResourceGroup) {
      // The response names a group by id; the user's own groups (orgs[].resourceGroups) give its name and org.
      auto it = id.has_value() ? group_ids_.find(*id) : group_ids_.end();
      if (it == group_ids_.end()) {
        d_->Warning(entity->pos, absl::StrCat("a resource group (_id ", id.has_value() && KeyShaped(*id) ? *id : "?",
                                              ") is not among the user's resource groups, so its org "
                                              "is unknown: this scope is left out (it grants nothing the user can use)"));
        return absl::nullopt;
      }
      scope.entity = Name{it->second.group, at};
      return scope;
    }
    if (!name.has_value() || name->empty()) {
      d_->Warning(entity->pos, absl::StrCat("the ", NameOf(*type), " entity ", id.has_value() && KeyShaped(*id) ? *id : "?",
                                            " has no name: this scope is left out"));
      return absl::nullopt;
    }
    std::string problem;
    switch (*type) {
      case EntityType::kUser:
        problem = NameProblem(NameKind::kUser, *name);
        break;
      case EntityType::kOrg:
        problem = NameProblem(NameKind::kOrg, *name);
        break;
      case EntityType::kModel:
      case EntityType::kDataset:
      case EntityType::kSpace:
        problem = RepoIdProblem(*name);
        break;
      default:
        if (HasUnsafeCharacter(*name) || name->size() > 200) problem = "it is not printable text of at most 200 bytes";
        break;
    }
    if (!problem.empty()) {
      d_->Error(at, absl::StrCat("'entity.name' is not a valid name: ", problem));
      return absl::nullopt;
    }
    scope.entity = Name{*name, at};
    switch (*type) {
      case EntityType::kUser:
        if (*name != user_.text) {
          d_->Error(at, absl::StrCat("a token can scope only its owner's namespace: '", *name, "' is not '",
                                     user_.text, "'"));
          return absl::nullopt;
        }
        break;
      case EntityType::kOrg:
        if (!org_index_.contains(*name)) {
          d_->Warning(at, absl::StrCat("the token is scoped to org '", *name, "', which the user is not a member of: "
                                       "the org is added without members, and the scope grants nothing"));
          AddOrg(*name, at);
        }
        break;
      case EntityType::kModel:
      case EntityType::kDataset:
      case EntityType::kSpace:
        if (!AddRepo(*RepoTypeOfEntity(*type), *name, at)) return absl::nullopt;
        break;
      default:
        // bucket, kernel, collection, oauth-app: kept, as the fixture format keeps them.
        d_->Warning(type_node->pos, absl::StrCat("hubperm does not model ", NameOf(*type),
                                                 " entities: the scope is kept and grants nothing"));
        break;
    }
    return scope;
  }

  void AddOrg(const std::string& name, SourcePos pos) {
    Org org;
    org.name = Name{name, pos};
    org_index_[name] = world_->orgs.size();
    world_->orgs.push_back(std::move(org));
  }

  // Lists a scoped repo with the fixture defaults, and its namespace if the response does not describe it.
  bool AddRepo(RepoType type, const std::string& id, SourcePos pos) {
    const size_t slash = id.find('/');
    if (slash == std::string::npos || slash == 0 || slash + 1 == id.size() || id.find('/', slash + 1) != std::string::npos) {
      d_->Error(pos, absl::StrCat("repo name '", id, "' is not 'namespace/name'"));
      return false;
    }
    if (!repo_keys_.insert(RepoKey(type, id)).second) return true;
    Repo repo;
    repo.id = Name{id, pos};
    repo.type = type;
    const std::string ns = id.substr(0, slash);
    if (ns != user_.text && !org_index_.contains(ns)) {
      d_->Warning(pos, absl::StrCat("the namespace of '", id, "' is neither the user nor one of their orgs: '",
                                    ns, "' is added as an organization without members [assumed]"));
      AddOrg(ns, pos);
    }
    world_->repos.push_back(std::move(repo));
    return true;
  }

  // securityRestrictions of each org, applied once the token's role is known.
  void ApplyRestrictions(Token& token) {
    for (const Restriction& r : restrictions_) {
      Org& org = world_->orgs[r.org];
      if (r.text == "token-revoked") {
        token.org_status.push_back(OrgApproval{org.name, ApprovalStatus::kRevoked, r.pos});
      } else if (r.text == "token-policy") {
        // The org's token policy blocks this token [assumed: which policy, and pending rather than denied].
        org.token_policy_pos = r.pos;
        if (token.role == TokenRole::kFineGrained) {
          org.token_policy = TokenPolicy::kRequireApproval;
          token.org_status.push_back(OrgApproval{org.name, ApprovalStatus::kPending, r.pos});
        } else {
          org.token_policy = TokenPolicy::kFineGrainedOnly;
        }
        if (org.plan != OrgPlan::kEnterprise) org.plan = OrgPlan::kEnterprise;  // token policies are enterprise
      } else if (r.text == "mfa" || r.text == "sso" || r.text == "ip") {
        d_->Warning(r.pos, absl::StrCat("org '", org.name.text, "' restricts access by ", r.text,
                                        ", which hubperm does not model; ignored"));
      } else {
        d_->Warning(r.pos, "unknown 'securityRestrictions[]' entry; ignored");
      }
    }
  }

  struct GroupRef {
    std::string org, group;
  };
  struct Restriction {
    std::string text;
    SourcePos pos;
    size_t org;
  };

  Diagnostics* d_;
  ResponseReader in_;
  World* world_;
  const WhoamiImportOptions& options_;
  Name user_;
  absl::flat_hash_map<std::string, size_t> org_index_;
  absl::flat_hash_map<std::string, GroupRef> group_ids_;
  absl::flat_hash_set<std::string> group_names_;
  absl::flat_hash_set<std::string> repo_keys_;
  std::vector<Restriction> restrictions_;
};

}  // namespace

void ImportWhoamiInto(int file, absl::string_view json, const WhoamiImportOptions& options, Diagnostics* diagnostics,
                      World* world) {
  absl::optional<YamlNode> root = ParseResponse(file, json, '{', "GET /api/whoami-v2", diagnostics);
  if (!root.has_value()) return;
  Importer(diagnostics, world, options).Import(*root);
}

WhoamiImport ImportWhoami(std::string name, std::string text, const WhoamiImportOptions& options) {
  WhoamiImport import;
  const int file = import.files.Add(std::move(name), std::move(text));
  ImportWhoamiInto(file, import.files.text(file), options, &import.diagnostics, &import.world);
  return import;
}

std::string RenderImportIssues(const WhoamiImport& import) {
  return RenderResponseIssues(import.files, import.diagnostics);
}

std::string RenderImportedFixture(const WhoamiImport& import) {
  std::string header = absl::StrCat(
      "# Imported by `hubperm import-whoami` from ", import.files.size() > 0 ? import.files.name(0) : "", ".\n",
      "# No secret is stored: whoami-v2 names the token, it does not contain it.\n");
  if (!import.world.repos.empty()) {
    absl::StrAppend(&header,
                    "# The scoped repos are listed with the defaults (public, not gated, in no resource group):\n"
                    "# set private, gated and resource_group as they are on the Hub.\n");
  }
  return absl::StrCat(header, WriteFixture(import.world));
}

}  // namespace hubperm
