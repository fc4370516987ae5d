// Copyright 2026 The hubperm Authors.

#include "policy/load/org_import.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "policy/common/escape.h"
#include "policy/load/response_reader.h"
#include "policy/load/whoami_import.h"
#include "policy/load/world_writer.h"
#include "policy/model/names.h"

namespace hubperm {
namespace {

// The keys of each object, from the Hub's OpenAPI schemas of the routes (org_import.h). Skipped keys are
// fields hubperm does not model; any other key is a warning.
constexpr KeySpec kMemberKeys[] = {
    {"user", Use::kRead},          {"type", Use::kRead},        {"role", Use::kRead},
    {"resourceGroups", Use::kRead}, {"_id", Use::kSkip},         {"avatarUrl", Use::kSkip},
    {"fullname", Use::kSkip},      {"isPro", Use::kSkip},       {"isFollowing", Use::kSkip},
    {"twoFaEnabled", Use::kSkip},  {"verifiedEmail", Use::kSkip}, {"isExternalCollaborator", Use::kSkip},
};
constexpr KeySpec kMemberGroupKeys[] = {
    {"name", Use::kRead}, {"id", Use::kRead}, {"role", Use::kRead}, {"numUsers", Use::kSkip}};
constexpr KeySpec kGroupKeys[] = {
    {"id", Use::kRead},          {"name", Use::kRead},         {"autoJoin", Use::kRead},
    {"users", Use::kRead},       {"resources", Use::kRead},    {"description", Use::kSkip},
    {"spendLimits", Use::kSkip},
    // Required by the published schema, which also forbids it (testdata/org/response_schema_test.py).
    {"repos", Use::kSkip},
};
constexpr KeySpec kAutoJoinKeys[] = {{"enabled", Use::kRead}, {"role", Use::kRead}, {"scope", Use::kRead}};
constexpr KeySpec kGroupUserKeys[] = {
    {"name", Use::kRead},      {"role", Use::kRead},     {"type", Use::kSkip},    {"_id", Use::kSkip},
    {"fullname", Use::kSkip},  {"avatarUrl", Use::kSkip}, {"addedBy", Use::kSkip},
};
constexpr KeySpec kGroupResourceKeys[] = {
    {"type", Use::kRead},  {"name", Use::kRead},  {"private", Use::kRead}, {"addedBy", Use::kSkip},
    {"id", Use::kSkip},    {"slug", Use::kSkip},  {"title", Use::kSkip},
};
constexpr KeySpec kRepositoryKeys[] = {
    {"id", Use::kRead},         {"type", Use::kRead},    {"visibility", Use::kRead},
    {"updatedAt", Use::kSkip},  {"storage", Use::kSkip}, {"storagePercent", Use::kSkip},
};
constexpr KeySpec kServiceAccountKeys[] = {
    {"_id", Use::kRead},   {"user", Use::kRead},        {"accessTokens", Use::kRead}, {"name", Use::kSkip},
    {"email", Use::kSkip}, {"description", Use::kSkip}, {"createdAt", Use::kSkip},
};
constexpr KeySpec kServiceAccountListKeys[] = {
    {"_id", Use::kRead},   {"user", Use::kRead},        {"name", Use::kSkip},
    {"email", Use::kSkip}, {"description", Use::kSkip}, {"createdAt", Use::kSkip},
};
constexpr KeySpec kServiceTokenKeys[] = {
    {"displayName", Use::kRead},   {"role", Use::kRead},         {"permissions", Use::kRead},
    {"repoIds", Use::kRead},       {"repoPermissions", Use::kRead}, {"createdAt", Use::kRead},
    {"expiration", Use::kRead},    {"_id", Use::kSkip},          {"lastUsedAt", Use::kSkip},
    {"endpointPatterns", Use::kSkip}, {"skipNetworkSecurity", Use::kSkip},
    // The token's last four characters: part of a secret, never copied.
    {"last4", Use::kSkip},
};
// GET /api/{type}s/{id} is not in the OpenAPI description; these are the fields huggingface_hub's
// ModelInfo, DatasetInfo and SpaceInfo read [seen: huggingface_hub hf_api.py]. Only four are used.
constexpr KeySpec kRepoInfoKeys[] = {
    {"_id", Use::kRead},            {"id", Use::kRead},             {"private", Use::kRead},
    {"gated", Use::kRead},          {"modelId", Use::kSkip},        {"author", Use::kSkip},
    {"sha", Use::kSkip},            {"lastModified", Use::kSkip},   {"createdAt", Use::kSkip},
    {"disabled", Use::kSkip},       {"downloads", Use::kSkip},      {"downloadsAllTime", Use::kSkip},
    {"likes", Use::kSkip},          {"tags", Use::kSkip},           {"library_name", Use::kSkip},
    {"pipeline_tag", Use::kSkip},   {"mask_token", Use::kSkip},     {"widgetData", Use::kSkip},
    {"model-index", Use::kSkip},    {"config", Use::kSkip},         {"transformersInfo", Use::kSkip},
    {"cardData", Use::kSkip},       {"siblings", Use::kSkip},       {"spaces", Use::kSkip},
    {"safetensors", Use::kSkip},    {"gguf", Use::kSkip},           {"usedStorage", Use::kSkip},
    {"trendingScore", Use::kSkip},  {"inference", Use::kSkip},      {"inferenceProviderMapping", Use::kSkip},
    {"xetEnabled", Use::kSkip},     {"resourceGroup", Use::kSkip},  {"citation", Use::kSkip},
    {"description", Use::kSkip},    {"paperswithcode_id", Use::kSkip}, {"sdk", Use::kSkip},
    {"subdomain", Use::kSkip},      {"runtime", Use::kSkip},        {"models", Use::kSkip},
    {"datasets", Use::kSkip},       {"host", Use::kSkip},           {"title", Use::kSkip},
    {"emoji", Use::kSkip},          {"colorFrom", Use::kSkip},      {"colorTo", Use::kSkip},
    {"pinned", Use::kSkip},         {"license", Use::kSkip},        {"lastModifiedBy", Use::kSkip},
};

// The repo types a group's resources and the repository listing hold (the OpenAPI enums) that hubperm
// does not model; they are counted and left out with one warning per response.
bool Modeled(absl::string_view type) { return type == "model" || type == "dataset" || type == "space"; }

// Counts what a response holds that hubperm does not model, to warn once at the first one.
class LeftOut {
 public:
  void Add(const std::string& type, SourcePos pos) {
    auto [it, inserted] = counts_.emplace(type, Entry{0, pos});
    ++it->second.count;
  }
  // "WHERE holds N NOUN(s) of type 'T', which hubperm does not model; left out", once per type.
  void Report(Diagnostics* d, absl::string_view where, absl::string_view noun) const {
    for (const auto& [type, entry] : counts_) {
      const std::string shown = KeyShaped(type) ? type : "(not shown)";
      d->Warning(entry.first, absl::StrCat(where, " holds ", entry.count, " ", noun, entry.count == 1 ? "" : "s",
                                           " of type '", shown, "', which hubperm does not model; left out"));
    }
  }

 private:
  struct Entry {
    int count;
    SourcePos first;
  };
  std::map<std::string, Entry> counts_;
};

struct MemberFact {
  OrgRole role = OrgRole::kRead;
  SourcePos pos;       // the member's entry
  SourcePos role_pos;
};

struct GroupFact {
  Name name;
  std::map<std::string, Member<GroupRole>> members;
  absl::optional<AutoJoin> auto_join;
};

struct ServiceAccountFact {
  Name user;
  bool listed = false;  // in the listing
  bool detailed = false;  // its own response was read
};

// Repos are sorted by id, then type.
using RepoOrder = std::pair<std::string, int>;
RepoOrder OrderOf(RepoType type, const std::string& id) { return {id, static_cast<int>(type)}; }

class OrgImporter {
 public:
  OrgImporter(OrgImport* import, const OrgImportOptions& options)
      : import_(import), options_(options), d_(&import->diagnostics), in_(d_), org_(import->responses.org) {}

  void Run() {
    CheckPages();
    bool listings_read = false;
    for (const OrgResponse& r : import_->responses.responses) {
      // The groups' repos join the repository listing before anything refers to the repos by name or id.
      if (!listings_read && r.where.route > OrgRoute::kRepositories) {
        AddGroupRepos();
        listings_read = true;
      }
      switch (r.where.route) {
        case OrgRoute::kMembers:
          ForEachItem(r, "the members of an org", [&](const YamlNode& n) { ReadMember(n); });
          break;
        case OrgRoute::kResourceGroups:
          ForEachItem(r, "the resource groups of an org", [&](const YamlNode& n) { ReadGroup(n); });
          break;
        case OrgRoute::kRepositories: {
          LeftOut left_out;
          ForEachItem(r, "the repositories of an org", [&](const YamlNode& n) { ReadRepository(n, &left_out); });
          left_out.Report(d_, "the repository listing", "repo");
          break;
        }
        case OrgRoute::kServiceAccounts:
          ForEachItem(r, "the service accounts of an org", [&](const YamlNode& n) { ReadServiceAccount(n, nullptr); });
          break;
        case OrgRoute::kServiceAccount:
          if (absl::optional<YamlNode> root = Parse(r, '{', "a service account")) {
            ReadServiceAccount(*root, &r);
            kept_.push_back(*std::move(root));  // its tokens are read once the repos' ids are known
          }
          break;
        case OrgRoute::kRepoInfo:
          if (absl::optional<YamlNode> root = Parse(r, '{', "a repo's info")) ReadRepoInfo(*root, r);
          break;
        case OrgRoute::kWhoami:
          ReadWhoami(r);
          break;
      }
    }
    if (!listings_read) AddGroupRepos();
    ReadServiceAccountTokens();
    Assemble();
  }

 private:
  using Object = ResponseReader::Object;

  const SourceFiles& files() const { return import_->responses.files; }
  SourcePos FileStart(const OrgResponse& r) const { return SourcePos{r.file, 1, 1}; }

  // Pages of each paginated route are numbered 1..N without a gap; members and repositories must be
  // there (they are the org).
  void CheckPages() {
    for (OrgRoute route : {OrgRoute::kMembers, OrgRoute::kResourceGroups, OrgRoute::kRepositories,
                           OrgRoute::kServiceAccounts}) {
      int expected = 1;
      for (const OrgResponse& r : import_->responses.responses) {
        if (r.where.route != route) continue;
        if (r.where.page != expected) {
          d_->Error(FileStart(r), absl::StrCat("page ", r.where.page, " of GET ", OrgRouteTemplate(route), " without page ",
                                               expected, ": a page is missing (fetch-org saves them all)"));
        }
        expected = r.where.page + 1;
      }
      if (expected == 1 && (route == OrgRoute::kMembers || route == OrgRoute::kRepositories)) {
        ResponsePath missing;
        missing.route = route;
        missing.org = org_;
        missing.page = 1;
        d_->Error(SourcePos{import_->responses.files.Add(absl::StrCat(import_->responses.dir, "/", missing.Path()), ""), 0, 0},
                  absl::StrCat("missing: the org's ", route == OrgRoute::kMembers ? "members" : "repositories",
                               " (GET ", missing.Url(), ") are needed to import it"));
      }
      if (expected == 1 && route == OrgRoute::kResourceGroups) {
        import_->notes.push_back("no resource groups response: the org is imported without resource groups");
      }
    }
  }

  absl::optional<YamlNode> Parse(const OrgResponse& r, char opening, absl::string_view what) {
    return ParseResponse(r.file, files().text(r.file), opening,
                         absl::StrCat(what, " (GET ", OrgRouteTemplate(r.where.route), ")"), d_);
  }

  template <typename Fn>
  void ForEachItem(const OrgResponse& r, absl::string_view what, Fn fn) {
    absl::optional<YamlNode> root = Parse(r, '[', what);
    if (!root.has_value()) return;
    for (const YamlNode& item : root->children) {
      if (in_.IsObject(item, "[]")) fn(item);
    }
  }

  // --- members -------------------------------------------------------------------------------------

  void ReadMember(const YamlNode& node) {
    Object m = in_.Read(node, kMemberKeys, "a member");
    const YamlNode* user = m.Require("user");
    absl::optional<std::string> name = user ? in_.Named(*user, "user", NameKind::kUser) : absl::nullopt;
    if (const YamlNode* type = m.Get("type")) {
      absl::optional<std::string> t = in_.String(*type, "type");
      if (t.has_value() && *t != "user") d_->Error(type->pos, "a member's 'type' must be \"user\"");
    }
    const YamlNode* role = m.Get("role");
    absl::optional<OrgRole> org_role;
    if (role == nullptr) {
      d_->Error(node.pos, "a member has no 'role': the Hub shows members' roles to the org's admins only; "
                          "fetch with an admin's token");
    } else {
      org_role = in_.Enum<OrgRole>(*role, "org role");
    }
    if (!name.has_value()) return;
    if (members_.count(*name) > 0) {
      d_->Error(user->pos, absl::StrCat("member '", *name, "' is listed twice (first at ",
                                        files().Format(members_[*name].pos), ")"));
      return;
    }
    MemberFact fact;
    fact.pos = user->pos;
    if (org_role.has_value()) {
      fact.role = *org_role;
      fact.role_pos = role->pos;
    }
    members_[*name] = fact;
    if (const YamlNode* groups = m.Get("resourceGroups")) {
      if (!in_.IsArray(*groups, "resourceGroups")) return;
      for (const YamlNode& g : groups->children) {
        if (!in_.IsObject(g, "resourceGroups[]")) continue;
        Object group = in_.Read(g, kMemberGroupKeys, "a member's resource group");
        const YamlNode* group_name = group.Require("name");
        const YamlNode* group_role = group.Require("role");
        group.Require("id");
        absl::optional<std::string> gn =
            group_name ? in_.Named(*group_name, "resourceGroups[].name", NameKind::kResourceGroup) : absl::nullopt;
        absl::optional<GroupRole> gr = group_role ? in_.Enum<GroupRole>(*group_role, "resource-group role") : absl::nullopt;
        if (gn.has_value() && gr.has_value()) member_groups_.push_back(MemberGroup{*name, *gn, *gr, group_role->pos});
      }
    }
  }

  // --- resource groups -----------------------------------------------------------------------------

  void ReadGroup(const YamlNode& node) {
    Object g = in_.Read(node, kGroupKeys, "a resource group");
    const YamlNode* id = g.Require("id");
    const YamlNode* name = g.Require("name");
    if (id != nullptr) in_.String(*id, "id");  // its shape checked; group scopes name groups by name here
    absl::optional<std::string> group_name = name ? in_.Named(*name, "name", NameKind::kResourceGroup) : absl::nullopt;
    if (!group_name.has_value()) return;
    if (groups_.count(*group_name) > 0) {
      d_->Error(name->pos, absl::StrCat("resource group '", *group_name, "' is listed twice (first at ",
                                        files().Format(groups_[*group_name].name.pos), ")"));
      return;
    }
    GroupFact& group = groups_[*group_name];
    group.name = Name{*group_name, name->pos};
    if (const YamlNode* auto_join = g.Get("autoJoin"); auto_join != nullptr && in_.IsObject(*auto_join, "autoJoin")) {
      Object a = in_.Read(*auto_join, kAutoJoinKeys, "'autoJoin'");
      const YamlNode* enabled = a.Require("enabled");
      absl::optional<bool> on = enabled ? in_.Bool(*enabled, "autoJoin.enabled") : absl::nullopt;
      if (on.value_or(false)) {
        AutoJoin join;
        join.pos = auto_join->pos;
        if (const YamlNode* role = a.Require("role")) {
          if (absl::optional<GroupRole> r = in_.Enum<GroupRole>(*role, "autoJoin role")) join.role = *r;
        }
        if (const YamlNode* scope = a.Get("scope")) {
          if (absl::optional<AutoJoinScope> s = in_.Enum<AutoJoinScope>(*scope, "autoJoin scope")) join.scope = *s;
        }
        group.auto_join = join;
      }
    }
    if (const YamlNode* users = g.Require("users"); users != nullptr && in_.IsArray(*users, "users")) {
      for (const YamlNode& u : users->children) {
        if (!in_.IsObject(u, "users[]")) continue;
        Object user = in_.Read(u, kGroupUserKeys, "a resource group's user");
        const YamlNode* user_name = user.Require("name");
        const YamlNode* role = user.Require("role");
        absl::optional<std::string> un = user_name ? in_.Named(*user_name, "users[].name", NameKind::kUser) : absl::nullopt;
        absl::optional<GroupRole> r = role ? in_.Enum<GroupRole>(*role, "resource-group role") : absl::nullopt;
        if (!un.has_value() || !r.has_value()) continue;
        if (group.members.count(*un) > 0) {
          d_->Error(user_name->pos, absl::StrCat("user '", *un, "' is listed twice in resource group '", *group_name, "'"));
          continue;
        }
        group.members[*un] = Member<GroupRole>{Name{*un, user_name->pos}, *r, role->pos};
      }
    }
    if (const YamlNode* resources = g.Require("resources"); resources != nullptr && in_.IsArray(*resources, "resources")) {
      LeftOut left_out;
      for (const YamlNode& res : resources->children) {
        if (!in_.IsObject(res, "resources[]")) continue;
        Object r = in_.Read(res, kGroupResourceKeys, "a resource group's resource");
        const YamlNode* type = r.Require("type");
        absl::optional<std::string> type_text = type ? in_.String(*type, "resources[].type") : absl::nullopt;
        if (!type_text.has_value()) continue;
        if (!Modeled(*type_text)) {
          left_out.Add(*type_text, type->pos);
          continue;
        }
        const YamlNode* repo_name = r.Require("name");
        const YamlNode* is_private = r.Require("private");
        absl::optional<std::string> id = repo_name ? in_.RepoId(*repo_name, "resources[].name") : absl::nullopt;
        absl::optional<bool> priv = is_private ? in_.Bool(*is_private, "resources[].private") : absl::nullopt;
        if (!id.has_value()) continue;
        group_repos_.push_back(GroupRepo{*group_name, *ParseName<RepoType>(*type_text), *id, priv.value_or(false),
                                         repo_name->pos});
      }
      left_out.Report(d_, absl::StrCat("resource group '", *group_name, "'"), "resource");
    }
  }

  // --- repositories --------------------------------------------------------------------------------

  void ReadRepository(const YamlNode& node, LeftOut* left_out) {
    Object r = in_.Read(node, kRepositoryKeys, "a repository");
    const YamlNode* type = r.Require("type");
    const YamlNode* id = r.Require("id");
    const YamlNode* visibility = r.Require("visibility");
    absl::optional<std::string> type_text = type ? in_.String(*type, "type") : absl::nullopt;
    if (type_text.has_value() && !Modeled(*type_text)) {
      left_out->Add(*type_text, type->pos);
      return;
    }
    absl::optional<std::string> repo_id = id ? in_.RepoId(*id, "id") : absl::nullopt;
    absl::optional<std::string> vis = visibility ? in_.String(*visibility, "visibility") : absl::nullopt;
    if (!type_text.has_value() || !repo_id.has_value()) return;
    const RepoType repo_type = *ParseName<RepoType>(*type_text);
    if (repo_id->substr(0, repo_id->find('/')) != org_) {
      d_->Error(id->pos, absl::StrCat("repo '", *repo_id, "' is not in the namespace of org '", org_, "'"));
      return;
    }
    Repo repo;
    repo.id = Name{*repo_id, id->pos};
    repo.type = repo_type;
    if (vis.has_value()) {
      if (*vis == "private" || *vis == "protected") {
        repo.is_private = true;
        repo.private_pos = visibility->pos;
        if (*vis == "protected") protected_.push_back(*repo_id);
      } else if (*vis != "public") {
        d_->Error(visibility->pos, "unknown 'visibility' (valid: public, private, protected)");
      }
    }
    auto [it, inserted] = repos_.emplace(OrderOf(repo_type, *repo_id), std::move(repo));
    if (!inserted) {
      d_->Error(id->pos, absl::StrCat(NameOf(repo_type), " '", *repo_id, "' is listed twice (first at ",
                                      files().Format(it->second.id.pos), ")"));
    }
  }

  // Each repo's group, from the groups' resources; a repo a group holds but the listing does not is added.
  void AddGroupRepos() {
    for (const GroupRepo& gr : group_repos_) {
      auto it = repos_.find(OrderOf(gr.type, gr.id));
      if (it == repos_.end()) {
        d_->Warning(gr.pos, absl::StrCat(NameOf(gr.type), " '", gr.id, "' of resource group '", gr.group,
                                         "' is not in the org's repository listing; added from the group"));
        Repo repo;
        repo.id = Name{gr.id, gr.pos};
        repo.type = gr.type;
        repo.is_private = gr.is_private;
        if (repo.ns() != org_) {
          d_->Error(gr.pos, absl::StrCat("repo '", gr.id, "' of resource group '", gr.group, "' is not in org '", org_, "'"));
          continue;
        }
        it = repos_.emplace(OrderOf(gr.type, gr.id), std::move(repo)).first;
      }
      Repo& repo = it->second;
      if (repo.resource_group.has_value() && repo.resource_group->text != gr.group) {
        d_->Error(gr.pos, absl::StrCat(NameOf(gr.type), " '", gr.id, "' is in resource group '", gr.group, "' and in '",
                                       repo.resource_group->text, "': a repo belongs to at most one group"));
        continue;
      }
      repo.resource_group = Name{gr.group, gr.pos};
    }
  }

  // --- service accounts ----------------------------------------------------------------------------

  // One account of the listing (`detail` null) or its own response, whose tokens are read later, once
  // the repos' ids are known.
  void ReadServiceAccount(const YamlNode& node, const OrgResponse* detail) {
    Object s = detail != nullptr ? in_.Read(node, kServiceAccountKeys, "a service account")
                                 : in_.Read(node, kServiceAccountListKeys, "a service account");
    const YamlNode* id = s.Require("_id");
    const YamlNode* user = s.Require("user");
    absl::optional<std::string> id_text = id ? in_.String(*id, "_id") : absl::nullopt;
    absl::optional<std::string> name = user ? in_.Named(*user, "user", NameKind::kUser) : absl::nullopt;
    if (!id_text.has_value() || !name.has_value()) return;
    if (detail != nullptr && *id_text != detail->where.service_account_id) {
      d_->Error(id->pos, "'_id' is not the service account id of the file's name");
      return;
    }
    ServiceAccountFact& account = service_accounts_[*id_text];
    if (!account.user.text.empty() && account.user.text != *name) {
      d_->Error(user->pos, absl::StrCat("service account ", *id_text, " is '", account.user.text, "' at ",
                                        files().Format(account.user.pos), " but '", *name, "' here"));
      return;
    }
    if (account.user.text.empty()) account.user = Name{*name, user->pos};
    if (detail == nullptr) {
      if (account.listed) d_->Error(id->pos, absl::StrCat("service account '", *name, "' is listed twice"));
      account.listed = true;
      return;
    }
    account.detailed = true;
    if (const YamlNode* tokens = s.Require("accessTokens")) service_token_lists_.push_back({*id_text, tokens});
  }

  void ReadServiceAccountTokens() {
    for (const auto& [id, account] : service_accounts_) {
      if (!account.listed) {
        d_->Warning(account.user.pos, absl::StrCat("service account '", account.user.text,
                                                   "' is not in the org's service-accounts listing; imported anyway"));
      }
      if (!account.detailed) {
        d_->Warning(account.user.pos,
                    absl::StrCat("service account '", account.user.text, "' has no saved GET /api/organizations/", org_,
                                 "/service-accounts/", id, ": its tokens are not imported"));
      }
    }
    for (const auto& [id, tokens] : service_token_lists_) {
      if (!in_.IsArray(*tokens, "accessTokens")) continue;
      const Name& owner = service_accounts_[id].user;
      for (const YamlNode& t : tokens->children) {
        if (in_.IsObject(t, "accessTokens[]")) ReadServiceToken(t, owner);
      }
    }
  }

  void ReadServiceToken(const YamlNode& node, const Name& owner) {
    Object t = in_.Read(node, kServiceTokenKeys, "a service account's token");
    Token token;
    token.owner = owner;
    token.name.pos = node.pos;
    if (const YamlNode* display = t.Require("displayName")) {
      if (absl::optional<std::string> n = in_.Named(*display, "displayName", NameKind::kToken)) {
        token.name = Name{*n, display->pos};
      }
    }
    if (const YamlNode* role = t.Require("role")) {
      if (absl::optional<TokenRole> r = in_.Enum<TokenRole>(*role, "token role")) {
        if (*r != TokenRole::kFineGrained) {
          d_->Error(role->pos, "a service account's token must be fineGrained (docs/hub-access-model.md §2a: service "
                               "accounts hold fine-grained tokens only)");
        }
        token.role = *r;
        token.role_pos = role->pos;
      }
    }
    if (const YamlNode* created = t.Get("createdAt")) {
      token.created_at = in_.Time(*created, "createdAt");
      token.created_at_pos = created->pos;
    }
    if (const YamlNode* expires = t.Get("expiration")) {
      token.expires_at = in_.Time(*expires, "expiration");
      token.expires_at_pos = expires->pos;
    }
    // The org-wide permissions scope the org; repoPermissions scope each of repoIds and override them
    // there (docs/hub-access-model.md §4, "repo scopes override").
    if (const YamlNode* permissions = t.Require("permissions")) {
      Scope scope;
      scope.type = EntityType::kOrg;
      scope.entity = Name{org_, permissions->pos};
      scope.pos = permissions->pos;
      scope.permissions = in_.Permissions(*permissions, "permissions");
      if (!scope.permissions.empty()) token.scoped.push_back(std::move(scope));
    }
    const YamlNode* repo_ids = t.Require("repoIds");
    const YamlNode* repo_permissions = t.Require("repoPermissions");
    if (repo_ids != nullptr && repo_permissions != nullptr && in_.IsArray(*repo_ids, "repoIds")) {
      const std::vector<PermissionEntry> on_repos = in_.Permissions(*repo_permissions, "repoPermissions");
      for (const YamlNode& r : repo_ids->children) {
        absl::optional<std::string> id = in_.String(r, "repoIds[]");
        if (!id.has_value()) continue;
        auto it = repo_by_object_id_.find(*id);
        if (it == repo_by_object_id_.end()) {
          d_->Warning(r.pos, absl::StrCat("repo ", KeyShaped(*id) ? *id : "(id not shown)",
                                          " has no saved GET /api/{type}s/{id} response, so its name is unknown: this "
                                          "repo scope is left out"));
          continue;
        }
        const Repo& repo = repos_.at(it->second);
        Scope scope;
        scope.type = EntityOfRepoType(repo.type);
        scope.entity = Name{repo.id.text, r.pos};
        scope.pos = r.pos;
        scope.permissions = on_repos;
        token.scoped.push_back(std::move(scope));
      }
    }
    if (!token.name.text.empty()) tokens_.push_back(std::move(token));
  }

  // --- repo info -----------------------------------------------------------------------------------

  void ReadRepoInfo(const YamlNode& node, const OrgResponse& r) {
    Object info = in_.Read(node, kRepoInfoKeys, "a repo's info");
    const YamlNode* id = info.Require("id");
    const YamlNode* object_id = info.Require("_id");
    absl::optional<std::string> repo_id = id ? in_.RepoId(*id, "id") : absl::nullopt;
    absl::optional<std::string> object_id_text = object_id ? in_.String(*object_id, "_id") : absl::nullopt;
    if (!repo_id.has_value()) return;
    if (*repo_id != r.where.repo_id) {
      d_->Error(id->pos, absl::StrCat("'id' is '", *repo_id, "' but the file is the info of ",
                                      QuoteValue(r.where.repo_id)));
      return;
    }
    auto it = repos_.find(OrderOf(r.where.repo_type, *repo_id));
    if (it == repos_.end()) {
      d_->Warning(id->pos, absl::StrCat(NameOf(r.where.repo_type), " '", *repo_id,
                                        "' is not in the org's repository listing; its info is not used"));
      return;
    }
    Repo& repo = it->second;
    info_seen_.insert(it->first);
    if (object_id_text.has_value()) repo_by_object_id_[*object_id_text] = it->first;
    if (const YamlNode* priv = info.Get("private")) {
      absl::optional<bool> p = in_.Bool(*priv, "private");
      if (p.has_value() && *p != repo.is_private) {
        d_->Warning(priv->pos, absl::StrCat("'private' disagrees with the repository listing's visibility of '", *repo_id,
                                            "' (at ", files().Format(repo.private_pos.line > 0 ? repo.private_pos : repo.id.pos),
                                            "); the listing is kept"));
      }
    }
    if (const YamlNode* gated = info.Get("gated")) {
      // `false`, "auto" or "manual" [openapi: the settings route's `gated`].
      if (gated->is_scalar() && gated->plain && gated->scalar == "false") {
        repo.gated = Gating::kNone;
      } else if (gated->is_scalar() && !gated->plain && (gated->scalar == "auto" || gated->scalar == "manual")) {
        repo.gated = gated->scalar == "auto" ? Gating::kAuto : Gating::kManual;
      } else {
        d_->Error(gated->pos, "'gated' must be false, \"auto\" or \"manual\"");
      }
      repo.gated_pos = gated->pos;
    }
  }

  // --- whoami-v2 -----------------------------------------------------------------------------------

  void ReadWhoami(const OrgResponse& r) {
    World w;
    const int errors = d_->error_count();
    ImportWhoamiInto(r.file, files().text(r.file), WhoamiImportOptions{}, d_, &w);
    if (d_->error_count() > errors || w.users.empty() || w.tokens.size() != 1) return;
    whoami_.push_back(std::move(w));
  }

  // --- assembling the world ------------------------------------------------------------------------

  void Assemble() {
    World& world = import_->world;
    Org org;
    org.name = Name{org_, SourcePos{}};
    std::set<std::string> service_account_names;
    for (const auto& [id, account] : service_accounts_) service_account_names.insert(account.user.text);

    // Group roles come from the groups' own listing; the members' listing says the same or is warned about.
    for (const MemberGroup& mg : member_groups_) {
      auto g = groups_.find(mg.group);
      if (g == groups_.end()) {
        d_->Warning(mg.pos, absl::StrCat("member '", mg.user, "' is in resource group '", mg.group,
                                         "', which the resource-groups listing does not have; left out"));
        continue;
      }
      auto m = g->second.members.find(mg.user);
      if (m == g->second.members.end() || m->second.role != mg.role) {
        d_->Warning(mg.pos, absl::StrCat("member '", mg.user, "' has role ", NameOf(mg.role), " in resource group '",
                                         mg.group, "' here, but ",
                                         m == g->second.members.end() ? std::string("is not among its users")
                                                                      : absl::StrCat("role ", NameOf(m->second.role)),
                                         " in the resource-groups listing; the listing is kept"));
      }
    }
    for (auto& [name, group] : groups_) {
      ResourceGroup out;
      out.name = group.name;
      out.auto_join = group.auto_join;
      if (group.auto_join.has_value()) WarnAutoJoined(group);
      for (auto& [user, member] : group.members) {
        if (members_.count(user) == 0) {
          d_->Warning(member.user.pos, absl::StrCat("user '", user, "' of resource group '", name,
                                                    "' is not in the org's members listing; left out of the group"));
          continue;
        }
        out.members.push_back(member);
      }
      org.resource_groups.push_back(std::move(out));
    }
    for (const auto& [key, repo] : repos_) {
      if (info_seen_.count(key) == 0) {
        d_->Warning(repo.id.pos, absl::StrCat(NameOf(repo.type), " '", repo.id.text, "' has no saved GET /api/", NameOf(repo.type),
                                              "s/", repo.id.text, " response: it is taken as not gated"));
      }
    }
    for (const auto& [name, fact] : members_) {
      org.members.push_back(Member<OrgRole>{Name{name, fact.pos}, fact.role, fact.role_pos});
      world.users.push_back(Name{name, fact.pos});
    }
    for (const std::string& name : service_account_names) org.service_accounts.push_back(Name{name, SourcePos{}});

    // The tokens of the whoami-v2 responses, and what they say about the org and beyond it.
    std::map<std::string, Org> other_orgs;
    std::set<std::string> other_users;
    absl::optional<std::string> whoami_plan_from, whoami_policy_from;
    OrgPlan whoami_plan = OrgPlan::kFree;
    TokenPolicy whoami_policy = TokenPolicy::kAllowAll;
    for (World& w : whoami_) {
      const Name& user = w.users[0];
      const bool service_account = service_account_names.count(user.text) > 0;
      if (!service_account && members_.count(user.text) == 0) other_users.insert(user.text);
      for (Org& o : w.orgs) {
        if (o.name.text != org_) {
          MergeOtherOrg(std::move(o), &other_orgs);
          continue;
        }
        if (o.plan_pos.line > 0 && !whoami_plan_from.has_value()) {
          whoami_plan = o.plan;
          whoami_plan_from = user.text;
        }
        if (o.token_policy_pos.line > 0 && !whoami_policy_from.has_value()) {
          whoami_policy = o.token_policy;
          whoami_policy_from = user.text;
        }
        if (service_account) continue;
        for (const Member<OrgRole>& m : o.members) {
          auto fact = members_.find(m.user.text);
          if (fact == members_.end()) {
            d_->Warning(m.role_pos.line > 0 ? m.role_pos : o.name.pos,
                        absl::StrCat("user '", m.user.text, "' is a member of '", org_,
                                     "' here but not in the members listing; the listing is kept"));
          } else if (fact->second.role != m.role) {
            d_->Warning(m.role_pos.line > 0 ? m.role_pos : o.name.pos,
                        absl::StrCat("user '", m.user.text, "' has org role ", NameOf(m.role), " here but ",
                                     NameOf(fact->second.role), " in the members listing; the listing is kept"));
          }
        }
      }
      for (Repo& repo : w.repos) {
        if (repos_.count(OrderOf(repo.type, repo.id.text)) > 0) continue;
        if (repo.ns() == org_) {
          d_->Warning(repo.id.pos, absl::StrCat("token '", w.tokens[0].name.text, "' is scoped to ", NameOf(repo.type), " '",
                                                repo.id.text, "', which the org's repository listing does not have: it is "
                                                "added with the defaults (public, not gated)"));
        } else {
          defaulted_.insert(repo.id.text);
        }
        repos_.emplace(OrderOf(repo.type, repo.id.text), std::move(repo));
      }
      tokens_.push_back(std::move(w.tokens[0]));
    }
    for (const std::string& u : other_users) world.users.push_back(Name{u, SourcePos{}});
    std::sort(world.users.begin(), world.users.end(), [](const Name& a, const Name& b) { return a.text < b.text; });

    // The plan and the token policy.
    if (options_.plan.has_value()) {
      org.plan = *options_.plan;
      import_->notes.push_back(absl::StrCat("plan: ", NameOf(org.plan), " (--plan)"));
    } else if (whoami_plan_from.has_value()) {
      org.plan = whoami_plan;
      import_->notes.push_back(absl::StrCat("plan: ", NameOf(org.plan), " (from the whoami-v2 response of ",
                                            *whoami_plan_from, "; --plan sets it)"));
    } else {
      const bool policy = options_.token_policy.has_value() && *options_.token_policy != TokenPolicy::kAllowAll;
      org.plan = !org.service_accounts.empty() || policy ? OrgPlan::kEnterprise
                 : !org.resource_groups.empty()          ? OrgPlan::kTeam
                                                         : OrgPlan::kFree;
      import_->notes.push_back(absl::StrCat("plan: ", NameOf(org.plan),
                                            " (inferred from what the org uses: the API does not show it; --plan sets it)"));
    }
    if (options_.token_policy.has_value()) {
      org.token_policy = *options_.token_policy;
      import_->notes.push_back(absl::StrCat("token policy: ", NameOf(org.token_policy), " (--token-policy)"));
    } else if (whoami_policy_from.has_value()) {
      org.token_policy = whoami_policy;
      import_->notes.push_back(absl::StrCat("token policy: ", NameOf(org.token_policy),
                                            " (from the securityRestrictions of ", *whoami_policy_from,
                                            "'s whoami-v2 response; --token-policy sets it)"));
    } else {
      import_->notes.push_back("token policy: allow_all [assumed: the API does not show it; --token-policy sets it]");
    }
    if (!org.service_accounts.empty() && org.plan != OrgPlan::kEnterprise) {
      d_->Error(service_accounts_.begin()->second.user.pos, absl::StrCat("the org has service accounts, which need the enterprise plan, but the plan is ",
                                          NameOf(org.plan)));
    }
    if (!protected_.empty()) {
      import_->notes.push_back(absl::StrCat("protected Spaces are taken as private [assumed: their files are private]: ",
                                            absl::StrJoin(protected_, ", ")));
    }
    if (!defaulted_.empty()) {
      import_->notes.push_back(absl::StrCat("repos outside ", org_, " that tokens are scoped to are listed with the defaults ",
                                            "(public, not gated): ", absl::StrJoin(defaulted_, ", ")));
    }

    world.orgs.push_back(std::move(org));
    for (auto& [name, o] : other_orgs) world.orgs.push_back(std::move(o));
    for (auto& [key, repo] : repos_) world.repos.push_back(std::move(repo));
    NameTokens();
    std::sort(tokens_.begin(), tokens_.end(), [](const Token& a, const Token& b) { return a.name.text < b.name.text; });
    world.tokens.assign(std::make_move_iterator(tokens_.begin()), std::make_move_iterator(tokens_.end()));
  }

  // hubperm's model counts every member an auto-join group admits as its member (docs/hub-access-model.md
  // §3); the Hub's listing may not show them all (members who were there before auto-join was turned on,
  // or were taken out since). Those the model adds are named, so the difference is never silent.
  void WarnAutoJoined(const GroupFact& group) {
    std::vector<std::string> added;
    for (const auto& [user, fact] : members_) {
      if (group.members.count(user) > 0) continue;
      if (group.auto_join->scope == AutoJoinScope::kReadPlus && fact.role == OrgRole::kNoAccess) continue;
      added.push_back(user);
    }
    if (added.empty()) return;
    const size_t shown = std::min<size_t>(added.size(), 5);
    std::string names = absl::StrJoin(added.begin(), added.begin() + shown, ", ");
    if (added.size() > shown) absl::StrAppend(&names, " and ", added.size() - shown, " more");
    d_->Warning(group.auto_join->pos,
                absl::StrCat("resource group '", group.name.text, "' has auto-join (", NameOf(group.auto_join->scope),
                             "): hubperm counts every member it admits as a ", NameOf(group.auto_join->role),
                             " member, though its users do not list ", names, " [assumed: docs/hub-access-model.md §3]"));
  }

  // An org the tokens' owners belong to, or are scoped to, other than the imported one: its members and
  // groups merged over every response that names it.
  void MergeOtherOrg(Org o, std::map<std::string, Org>* others) {
    auto [it, inserted] = others->emplace(o.name.text, Org());
    Org& into = it->second;
    if (inserted) {
      into = std::move(o);
    } else {
      into.plan = std::max(into.plan, o.plan);
      if (o.token_policy_pos.line > 0) into.token_policy = o.token_policy;
      for (Member<OrgRole>& m : o.members) into.members.push_back(std::move(m));
      for (ResourceGroup& g : o.resource_groups) {
        auto same = std::find_if(into.resource_groups.begin(), into.resource_groups.end(),
                                 [&](const ResourceGroup& x) { return x.name.text == g.name.text; });
        if (same == into.resource_groups.end()) {
          into.resource_groups.push_back(std::move(g));
        } else {
          for (Member<GroupRole>& m : g.members) same->members.push_back(std::move(m));
        }
      }
    }
    auto by_user = [](const auto& a, const auto& b) { return a.user.text < b.user.text; };
    std::sort(into.members.begin(), into.members.end(), by_user);
    std::sort(into.resource_groups.begin(), into.resource_groups.end(),
              [](const ResourceGroup& a, const ResourceGroup& b) { return a.name.text < b.name.text; });
    for (ResourceGroup& g : into.resource_groups) std::sort(g.members.begin(), g.members.end(), by_user);
    if (groups_.count(it->first) > 0) return;
    for (const ResourceGroup& g : into.resource_groups) {
      if (groups_.count(g.name.text) > 0) {
        d_->Error(g.name.pos, absl::StrCat("resource group '", g.name.text, "' of org '", into.name.text,
                                           "' has the name of a group of '", org_,
                                           "'; hubperm needs group names unique across orgs"));
      }
    }
  }

  // A token is named by its display name; display names several tokens share are qualified with the
  // owner ("alice/ci"), so every token of the org keeps a stable, unique name.
  void NameTokens() {
    std::map<std::string, int> uses;
    for (const Token& t : tokens_) ++uses[t.name.text];
    for (Token& t : tokens_) {
      if (uses[t.name.text] > 1) t.name.text = absl::StrCat(t.owner.text, "/", t.name.text);
    }
    std::map<std::string, const Token*> seen;
    for (const Token& t : tokens_) {
      auto [it, inserted] = seen.emplace(t.name.text, &t);
      if (!inserted) {
        d_->Error(t.name.pos, absl::StrCat("two tokens of '", t.owner.text, "' are named '", t.name.text,
                                           "' (the other at ", files().Format(it->second->name.pos),
                                           "): rename one on the Hub, or leave one response out"));
      }
    }
  }

  struct MemberGroup {
    std::string user, group;
    GroupRole role;
    SourcePos pos;
  };
  struct GroupRepo {
    std::string group;
    RepoType type;
    std::string id;
    bool is_private;
    SourcePos pos;
  };

  OrgImport* import_;
  const OrgImportOptions& options_;
  Diagnostics* d_;
  ResponseReader in_;
  const std::string org_;
  std::map<std::string, MemberFact> members_;
  std::vector<MemberGroup> member_groups_;
  std::map<std::string, GroupFact> groups_;
  std::vector<GroupRepo> group_repos_;
  std::map<RepoOrder, Repo> repos_;
  std::set<RepoOrder> info_seen_;
  absl::flat_hash_map<std::string, RepoOrder> repo_by_object_id_;
  std::vector<std::string> protected_;
  std::set<std::string> defaulted_;
  std::map<std::string, ServiceAccountFact> service_accounts_;
  std::vector<std::pair<std::string, const YamlNode*>> service_token_lists_;
  // The service accounts' own responses: service_token_lists_ points into them (a moved node keeps its
  // children where they are).
  std::vector<YamlNode> kept_;
  std::vector<Token> tokens_;
  std::vector<World> whoami_;
};

}  // namespace

OrgImport ImportOrg(OrgResponses responses, const OrgImportOptions& options) {
  OrgImport import;
  import.diagnostics = Diagnostics(options.max_issues_per_file);
  import.responses = std::move(responses);
  OrgImporter(&import, options).Run();
  return import;
}

std::string RenderOrgFixture(const OrgImport& import) {
  std::string header = absl::StrCat(
      "# Imported by `hubperm import-org` from the saved API responses of organization ", import.responses.org,
      " (docs/org-import.md).\n",
      "# No secret is stored: the responses name tokens, they do not contain them. Keep cases in their own files:\n",
      "# a re-import rewrites this one.\n");
  for (const std::string& note : import.notes) absl::StrAppend(&header, "# ", EscapeUnsafe(note), "\n");
  return absl::StrCat(header, WriteFixture(import.world));
}

}  // namespace hubperm
