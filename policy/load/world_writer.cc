// Copyright 2026 The hubperm Authors.

#include "policy/load/world_writer.h"

#include <string>
#include <vector>

#include "policy/common/timestamp.h"
#include "yaml-cpp/emitter.h"
#include "yaml-cpp/emittermanip.h"

namespace hubperm {
namespace {

// yaml-cpp's emitter quotes a string when plain style would read back as something else (`true`,
// `123`, `null`, a leading `*`...), so every value below is written as text and read back as text.
class FixtureEmitter {
 public:
  std::string Emit(const World& world) {
    out_ << YAML::BeginMap;
    if (!world.users.empty()) {
      out_ << YAML::Key << "users" << YAML::Value;
      Names(world.users);
    }
    BlockList("orgs", world.orgs, &FixtureEmitter::EmitOrg);
    BlockList("repos", world.repos, &FixtureEmitter::EmitRepo);
    BlockList("tokens", world.tokens, &FixtureEmitter::EmitToken);
    BlockList("cases", world.cases, &FixtureEmitter::EmitCase);
    EmitAssumptions(world.assumptions);
    out_ << YAML::EndMap;
    std::string text = out_.c_str();
    if (text == "{}") text.clear();  // an empty world is an empty file
    if (!text.empty()) text.push_back('\n');
    return text;
  }

 private:
  // `key:` and a block sequence of `items`, each written by `emit`; nothing when there are none.
  template <typename Items, typename T>
  void BlockList(const char* key, const Items& items, void (FixtureEmitter::*emit)(const T&)) {
    if (items.empty()) return;
    out_ << YAML::Key << key << YAML::Value << YAML::BeginSeq;
    for (const T& item : items) (this->*emit)(item);
    out_ << YAML::EndSeq;
  }

  void Names(const std::vector<Name>& names) {
    out_ << YAML::Flow << YAML::BeginSeq;
    for (const Name& n : names) out_ << n.text;
    out_ << YAML::EndSeq;
  }

  template <typename Role>
  void Members(const std::vector<Member<Role>>& members) {
    out_ << YAML::Flow << YAML::BeginMap;
    for (const Member<Role>& m : members) out_ << YAML::Key << m.user.text << YAML::Value << std::string(NameOf(m.role));
    out_ << YAML::EndMap;
  }

  void Permissions(const std::vector<PermissionEntry>& permissions) {
    out_ << YAML::Flow << YAML::BeginSeq;
    for (const PermissionEntry& p : permissions) out_ << p.text.text;
    out_ << YAML::EndSeq;
  }

  template <typename E>
  void Field(const char* key, E value) {
    out_ << YAML::Key << key << YAML::Value << std::string(NameOf(value));
  }
  void Field(const char* key, const std::string& value) { out_ << YAML::Key << key << YAML::Value << value; }
  void Bool(absl::string_view key, bool value) { out_ << YAML::Key << std::string(key) << YAML::Value << value; }

  void EmitOrg(const Org& org) {
    out_ << YAML::BeginMap;
    Field("name", org.name.text);
    if (org.plan != OrgPlan::kFree) Field("plan", org.plan);
    if (org.token_policy != TokenPolicy::kAllowAll) Field("token_policy", org.token_policy);
    if (!org.members.empty()) {
      out_ << YAML::Key << "members" << YAML::Value;
      Members(org.members);
    }
    BlockList("resource_groups", org.resource_groups, &FixtureEmitter::EmitGroup);
    if (!org.service_accounts.empty()) {
      out_ << YAML::Key << "service_accounts" << YAML::Value;
      Names(org.service_accounts);
    }
    out_ << YAML::EndMap;
  }

  void EmitGroup(const ResourceGroup& group) {
    out_ << YAML::BeginMap;
    Field("name", group.name.text);
    if (!group.members.empty()) {
      out_ << YAML::Key << "members" << YAML::Value;
      Members(group.members);
    }
    if (group.auto_join.has_value()) {
      out_ << YAML::Key << "auto_join" << YAML::Value << YAML::Flow << YAML::BeginMap;
      Field("role", group.auto_join->role);
      Field("scope", group.auto_join->scope);
      out_ << YAML::EndMap;
    }
    out_ << YAML::EndMap;
  }

  void EmitRepo(const Repo& repo) {
    out_ << YAML::BeginMap;
    Field("id", repo.id.text);
    if (repo.type != RepoType::kModel) Field("type", repo.type);
    if (repo.is_private) Bool("private", true);
    // `gated: false` is the default; `auto` and `manual` are written as such.
    if (repo.gated != Gating::kNone) Field("gated", repo.gated);
    if (!repo.access_granted.empty()) {
      out_ << YAML::Key << "access_granted" << YAML::Value;
      Names(repo.access_granted);
    }
    if (!repo.access_requests.empty()) {
      out_ << YAML::Key << "access_requests" << YAML::Value << YAML::Flow << YAML::BeginMap;
      for (const Member<AccessRequestState>& r : repo.access_requests) Field(r.user.text.c_str(), r.role);
      out_ << YAML::EndMap;
    }
    if (repo.created_by.has_value()) Field("created_by", repo.created_by->text);
    if (repo.created_by_token.has_value()) Field("created_by_token", repo.created_by_token->text);
    if (repo.resource_group.has_value()) Field("resource_group", repo.resource_group->text);
    out_ << YAML::EndMap;
  }

  void EmitToken(const Token& token) {
    out_ << YAML::BeginMap;
    Field("name", token.name.text);
    if (token.kind != TokenKind::kUser) {
      Field("kind", token.kind);
      if (!token.owner.text.empty()) Field("owner", token.owner.text);
      if (token.publisher_repo.has_value()) {
        Field("repo", token.publisher_repo->text);
        if (token.publisher_repo_type != RepoType::kModel) Field("repo_type", token.publisher_repo_type);
      }
      if (token.kind == TokenKind::kOAuth) {
        out_ << YAML::Key << "scopes" << YAML::Value << YAML::Flow << YAML::BeginSeq;
        for (const OAuthScopeEntry& e : token.oauth_scopes) out_ << e.text.text;
        out_ << YAML::EndSeq;
        if (!token.oauth_orgs.empty()) {
          out_ << YAML::Key << "orgs" << YAML::Value;
          Names(token.oauth_orgs);
        }
      }
    } else {
      Field("owner", token.owner.text);
      Field("role", token.role);
    }
    if (token.can_read_gated_repos) Bool("can_read_gated_repos", true);
    if (!token.global.empty()) {
      out_ << YAML::Key << "global" << YAML::Value;
      Permissions(token.global);
    }
    BlockList("scoped", token.scoped, &FixtureEmitter::EmitScope);
    if (!token.org_status.empty()) {
      out_ << YAML::Key << "org_status" << YAML::Value << YAML::Flow << YAML::BeginMap;
      for (const OrgApproval& a : token.org_status) Field(a.org.text.c_str(), a.status);
      out_ << YAML::EndMap;
    }
    if (token.created_at.has_value()) Field("created_at", FormatTimestamp(*token.created_at));
    if (token.expires_at.has_value()) Field("expires_at", FormatTimestamp(*token.expires_at));
    BlockList("purpose", token.purpose, &FixtureEmitter::EmitPurpose);
    out_ << YAML::EndMap;
  }

  void EmitScope(const Scope& scope) {
    out_ << YAML::BeginMap << YAML::Key << "entity" << YAML::Value << YAML::Flow << YAML::BeginMap;
    Field("type", scope.type);
    Field("name", scope.entity.text);
    out_ << YAML::EndMap << YAML::Key << "permissions" << YAML::Value;
    Permissions(scope.permissions);
    out_ << YAML::EndMap;
  }

  // `token: t` for one name, `tokens: [a, b]` for several (and likewise repo/repos).
  void OneOrMany(const char* one, const char* many, const std::vector<Name>& names) {
    if (names.size() == 1) {
      Field(one, names[0].text);
    } else if (!names.empty()) {
      out_ << YAML::Key << many << YAML::Value;
      Names(names);
    }
  }

  // The request keys of a case, or of a token's purpose.
  void RequestKeys(const Case& c) {
    if (c.http.has_value()) Field("http", c.http->text);
    if (!c.body.empty()) {
      out_ << YAML::Key << "body" << YAML::Value << YAML::Flow << YAML::BeginMap;
      for (const BodyField& f : c.body) out_ << YAML::Key << f.key.text << YAML::Value << f.value.text;
      out_ << YAML::EndMap;
    }
    if (c.operation.has_value()) Field("operation", c.operation->text);
    if (c.permission.has_value()) Field("permission", c.permission->text);
    if (c.from_error.has_value()) Field("from_error", c.from_error->text);
    OneOrMany("repo", "repos", c.repos);
    if (c.repo_type.has_value()) Field("repo_type", *c.repo_type);
    if (c.org.has_value()) Field("org", c.org->text);
    if (c.user.has_value()) Field("user", c.user->text);
    if (c.group.has_value()) Field("group", c.group->text);
    if (c.to.has_value()) Field("to", c.to->text);
    if (c.write) out_ << YAML::Key << "write" << YAML::Value << true;
    if (c.exist_ok) out_ << YAML::Key << "exist_ok" << YAML::Value << true;
    if (c.at.has_value()) Field("at", FormatTimestamp(*c.at));
  }

  void EmitPurpose(const Case& c) {
    out_ << YAML::Flow << YAML::BeginMap;
    RequestKeys(c);
    out_ << YAML::EndMap;
  }

  void EmitCase(const Case& c) {
    out_ << YAML::BeginMap;
    Field("name", c.name.text);
    if (!c.matrix.has_value()) OneOrMany("token", "tokens", c.tokens);
    RequestKeys(c);
    if (c.matrix.has_value()) {
      Matrix(*c.matrix);
      if (c.because.has_value()) Field("because", c.because->text);
      out_ << YAML::EndMap;
      return;
    }
    Field("expect", c.expect);
    if (c.status.has_value()) out_ << YAML::Key << "status" << YAML::Value << *c.status;
    if (c.denied_by.size() == 1) {
      Field("denied_by", c.denied_by[0]);
    } else if (!c.denied_by.empty()) {
      out_ << YAML::Key << "denied_by" << YAML::Value << YAML::Flow << YAML::BeginSeq;
      for (Side side : c.denied_by) out_ << std::string(NameOf(side));
      out_ << YAML::EndSeq;
    }
    if (c.because.has_value()) Field("because", c.because->text);
    out_ << YAML::EndMap;
  }

  // `matrix: {AXIS: [columns], expect: {token: [cells]}}`, each list on one line.
  void Matrix(const CaseMatrix& m) {
    out_ << YAML::Key << "matrix" << YAML::Value << YAML::BeginMap << YAML::Key << std::string(NameOf(m.axis))
         << YAML::Value;
    Names(m.columns);
    out_ << YAML::Key << "expect" << YAML::Value << YAML::BeginMap;
    for (const CaseMatrix::Row& row : m.rows) {
      out_ << YAML::Key << row.token.text << YAML::Value << YAML::Flow << YAML::BeginSeq;
      for (const MatrixCell& cell : row.cells) {
        if (cell.status.has_value()) {
          out_ << *cell.status;
        } else {
          out_ << std::string(NameOf(cell.expect));
        }
      }
      out_ << YAML::EndSeq;
    }
    out_ << YAML::EndMap << YAML::EndMap;
  }

  void EmitAssumptions(const Assumptions& a) {
    const Assumptions defaults;
    bool any = false;
    for (const AssumptionSwitch& s : kAssumptionSwitches) any = any || a.*s.value != defaults.*s.value;
    if (!any) return;
    out_ << YAML::Key << "assumptions" << YAML::Value << YAML::BeginMap;
    for (const AssumptionSwitch& s : kAssumptionSwitches) {
      if (a.*s.value != defaults.*s.value) Bool(s.name, a.*s.value);
    }
    out_ << YAML::EndMap;
  }

  YAML::Emitter out_;
};

}  // namespace

std::string WriteFixture(const World& world) { return FixtureEmitter().Emit(world); }

}  // namespace hubperm
