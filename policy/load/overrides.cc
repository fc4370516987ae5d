// Copyright 2026 The hubperm Authors.

#include "policy/load/overrides.h"

#include <algorithm>
#include <iterator>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/types/optional.h"
#include "policy/common/escape.h"
#include "policy/common/suggest.h"
#include "policy/common/timestamp.h"

namespace hubperm {
namespace {

// The word that removes a fact (a membership, a scope, a status, a token).
constexpr absl::string_view kNone = "none";

// The fields of each kind of record, as a path spells them after the record's name.
constexpr absl::string_view kTopKeys[] = {"orgs", "repos", "tokens", "assumptions"};
constexpr absl::string_view kOrgFields[] = {"plan", "token_policy", "members", "resource_groups"};
constexpr absl::string_view kGroupFields[] = {"members"};
constexpr absl::string_view kRepoFields[] = {"private", "gated", "resource_group", "access_requests"};
constexpr absl::string_view kTokenFields[] = {"role",      "can_read_gated_repos", "global",    "scoped",
                                              "org_status", "created_at",          "expires_at"};

constexpr absl::string_view kPathForms[] = {
    "orgs.ORG.plan=free|team|enterprise",
    "orgs.ORG.token_policy=allow_all|fine_grained_only|require_approval",
    "orgs.ORG.members.USER=no_access|read|contributor|write|admin|none",
    "orgs.ORG.resource_groups.GROUP.members.USER=no_access|read|contributor|write|admin|none",
    "repos.[TYPE:]NS/NAME.private=true|false",
    "repos.[TYPE:]NS/NAME.gated=false|auto|manual",
    "repos.[TYPE:]NS/NAME.resource_group=GROUP|none",
    "repos.[TYPE:]NS/NAME.access_requests.USER=accepted|pending|rejected|none",
    "tokens.TOKEN=none",
    "tokens.TOKEN.role=read|write|fineGrained",
    "tokens.TOKEN.can_read_gated_repos=true|false",
    "tokens.TOKEN.global=PERMISSION,...",
    "tokens.TOKEN.scoped.TYPE:NAME=PERMISSION,...|none",
    "tokens.TOKEN.org_status.ORG=approved|pending|denied|revoked|auto_approved|none",
    "tokens.TOKEN.created_at=TIME|none",
    "tokens.TOKEN.expires_at=TIME|none",
    "assumptions.SWITCH=true|false",
    "assumptions.contributor_permission=TEXT",
};

std::string ValidList(absl::Span<const absl::string_view> names) { return absl::StrJoin(names, ", "); }

// One `PATH=VALUE`, read left to right: the path's parts with their columns.
class SetReader {
 public:
  SetReader(absl::string_view text, int file, int line, Diagnostics* d) : text_(text), file_(file), line_(line), d_(d) {}

  // Splits PATH=VALUE; false (reported) when there is no '=' or no path.
  bool Split() {
    const size_t eq = text_.find('=');
    if (eq == absl::string_view::npos || eq == 0) {
      Error(0, eq == 0 ? "a set needs a path before '=': PATH=VALUE (hubperm --help lists the paths)"
                       : "a set is PATH=VALUE, e.g. orgs.acme.token_policy=require_approval");
      return false;
    }
    path_end_ = eq;
    value_ = text_.substr(eq + 1);
    return true;
  }

  absl::string_view value() const { return value_; }
  SourcePos value_pos() const { return Pos(path_end_ + 1); }
  // The part of the path from `offset` to its end.
  absl::string_view Rest(size_t offset) const {
    return offset >= path_end_ ? absl::string_view() : text_.substr(offset, path_end_ - offset);
  }
  // The segment of the path that starts at `offset`, up to the next '.'.
  absl::string_view Segment(size_t offset) const {
    absl::string_view rest = Rest(offset);
    return rest.substr(0, rest.find('.'));
  }
  SourcePos Pos(size_t offset) const { return SourcePos{file_, line_, static_cast<int>(offset) + 1}; }
  size_t path_end() const { return path_end_; }

  void Error(size_t offset, std::string message) { d_->Error(Pos(offset), std::move(message)); }

  // The longest of `names` that the path spells at `offset`, followed by '.' or the path's end; nullopt
  // when none does. `*next` is the offset after it and its '.' (path_end when it ends the path).
  template <typename Names>
  absl::optional<size_t> MatchName(size_t offset, const Names& names, size_t* next) const {
    const absl::string_view rest = Rest(offset);
    absl::optional<size_t> best;
    size_t best_length = 0;
    size_t i = 0;
    for (const auto& n : names) {
      const absl::string_view name = n;
      if (!name.empty() && absl::StartsWith(rest, name) && (rest.size() == name.size() || rest[name.size()] == '.') &&
          (!best.has_value() || name.size() > best_length)) {
        best = i;
        best_length = name.size();
      }
      ++i;
    }
    if (best.has_value()) *next = std::min(offset + best_length + 1, path_end_);
    return best;
  }

 private:
  absl::string_view text_;
  int file_;
  int line_;
  absl::string_view value_;
  size_t path_end_ = 0;
  Diagnostics* d_;
};

// A field name at `offset` (the path's segment there), or nullopt (reported, with the valid ones).
absl::optional<absl::string_view> ReadField(SetReader& in, size_t offset, absl::Span<const absl::string_view> fields,
                                            absl::string_view what) {
  if (offset >= in.path_end()) {
    in.Error(offset, absl::StrCat("a path to ", what, " goes on with a field: ", ValidList(fields)));
    return absl::nullopt;
  }
  const absl::string_view field = in.Segment(offset);
  for (absl::string_view f : fields) {
    if (f == field) return f;
  }
  in.Error(offset, absl::StrCat(QuoteValue(field), " is not a field of ", what, DidYouMean(field, fields),
                                "; valid: ", ValidList(fields)));
  return absl::nullopt;
}

// The path has nothing after `offset`'s segment (fields that take no key), else reported.
bool AtEnd(SetReader& in, size_t offset, absl::string_view field) {
  const size_t end = offset + field.size();
  if (end >= in.path_end()) return true;
  in.Error(end, absl::StrCat("'", field, "' takes no key: nothing may follow it in the path"));
  return false;
}

// The key after `field` at `offset` ("members.bob" -> "bob"), or nullopt (reported).
absl::optional<size_t> KeyAfter(SetReader& in, size_t offset, absl::string_view field, absl::string_view key_what) {
  const size_t key = offset + field.size() + 1;
  if (key >= in.path_end()) {
    in.Error(offset, absl::StrCat("'", field, "' needs ", key_what, ": ", field, ".", key_what == "a user" ? "USER" : "NAME"));
    return absl::nullopt;
  }
  return key;
}

template <typename E>
absl::optional<E> ReadEnum(SetReader& in, absl::string_view what) {
  if (absl::optional<E> value = ParseName<E>(in.value())) return value;
  const std::vector<absl::string_view> names = NamesOf<E>();
  in.Error(in.path_end() + 1, absl::StrCat(QuoteValue(in.value()), " is not ", what, DidYouMean(in.value(), names),
                                           "; valid: ", ValidList(names)));
  return absl::nullopt;
}

absl::optional<bool> ReadBool(SetReader& in) {
  if (in.value() == "true") return true;
  if (in.value() == "false") return false;
  in.Error(in.path_end() + 1, absl::StrCat(QuoteValue(in.value()), " is not a boolean; valid: true, false"));
  return absl::nullopt;
}

// Whether the value is `none`, removing the fact.
bool IsNone(const SetReader& in) { return in.value() == kNone; }

// A user, org or service account name the world knows, or nullopt (reported with the nearest).
absl::optional<std::string> ReadPrincipal(SetReader& in, size_t offset, const World& world) {
  const absl::string_view name = in.Rest(offset);
  std::vector<absl::string_view> known;
  for (const Name& user : world.users) {
    if (user.text == name) return std::string(name);
    known.push_back(user.text);
  }
  for (const Org& org : world.orgs) {
    for (const Name& account : org.service_accounts) {
      if (account.text == name) return std::string(name);
      known.push_back(account.text);
    }
  }
  in.Error(offset, absl::StrCat("no user ", QuoteValue(name), " in the world; the nearest: ",
                                absl::StrJoin(NearestNames(name, known, 3), ", ")));
  return absl::nullopt;
}

// Sets `user`'s role in `members` (adding the member), or removes the membership when the value is none.
template <typename Role>
void SetMember(SetReader& in, size_t user_offset, const std::string& user, absl::string_view what,
               std::vector<Member<Role>>* members) {
  auto it = std::find_if(members->begin(), members->end(), [&](const Member<Role>& m) { return m.user.text == user; });
  if (IsNone(in)) {
    if (it != members->end()) members->erase(it);
    return;
  }
  absl::optional<Role> role = ReadEnum<Role>(in, what);
  if (!role.has_value()) return;
  if (it == members->end()) {
    members->push_back(Member<Role>{Name{user, in.Pos(user_offset)}, *role, in.value_pos()});
  } else {
    it->role = *role;
    it->role_pos = in.value_pos();
    it->role_valid = true;
  }
}

template <typename Record>
std::vector<absl::string_view> NamesOfRecords(const std::vector<Record>& records) {
  std::vector<absl::string_view> names;
  names.reserve(records.size());
  for (const Record& r : records) names.push_back(r.name.text);
  return names;
}

void UnknownName(SetReader& in, size_t offset, absl::string_view what, const std::vector<absl::string_view>& known) {
  if (offset >= in.path_end()) {
    in.Error(std::min(offset, in.path_end()), absl::StrCat("the path goes on with the name of a ", what));
    return;
  }
  const absl::string_view name = in.Segment(offset);
  in.Error(offset, absl::StrCat("no ", what, " ", QuoteValue(name.empty() ? in.Rest(offset) : name),
                                " in the world", known.empty() ? "" : "; the nearest: ",
                                absl::StrJoin(NearestNames(name, known, 3), ", ")));
}

class Applier {
 public:
  Applier(SetReader& in, World* world) : in_(in), world_(world) {}

  void Apply() {
    const absl::string_view top = in_.Segment(0);
    const size_t next = top.size() + 1;
    if (top == "orgs") return Org(next);
    if (top == "repos") return Repo(next);
    if (top == "tokens") return Token(next);
    if (top == "assumptions") return Assumption(next);
    in_.Error(0, absl::StrCat(QuoteValue(top), " is not what a set changes", DidYouMean(top, kTopKeys),
                              "; valid: ", ValidList(kTopKeys)));
  }

 private:
  void Org(size_t offset) {
    size_t next = 0;
    absl::optional<size_t> index = in_.MatchName(offset, NamesOfRecords(world_->orgs), &next);
    if (!index.has_value()) return UnknownName(in_, offset, "org", NamesOfRecords(world_->orgs));
    hubperm::Org& org = world_->orgs[*index];
    const absl::string_view what = "an org";
    absl::optional<absl::string_view> field = ReadField(in_, next, kOrgFields, what);
    if (!field.has_value()) return;
    if (*field == "plan" || *field == "token_policy") {
      if (!AtEnd(in_, next, *field)) return;
      if (*field == "plan") {
        if (auto plan = ReadEnum<OrgPlan>(in_, "a plan")) {
          org.plan = *plan;
          org.plan_pos = in_.value_pos();
          org.plan_valid = true;
        }
      } else if (auto policy = ReadEnum<TokenPolicy>(in_, "a token policy")) {
        org.token_policy = *policy;
        org.token_policy_pos = in_.value_pos();
      }
      return;
    }
    if (*field == "members") {
      absl::optional<size_t> key = KeyAfter(in_, next, *field, "a user");
      if (!key.has_value()) return;
      if (absl::optional<std::string> user = ReadPrincipal(in_, *key, *world_)) {
        SetMember(in_, *key, *user, "an org role", &org.members);
      }
      return;
    }
    // resource_groups.GROUP.members.USER
    const size_t group_offset = next + field->size() + 1;
    size_t after_group = 0;
    absl::optional<size_t> group = in_.MatchName(group_offset, NamesOfRecords(org.resource_groups), &after_group);
    if (!group.has_value()) {
      return UnknownName(in_, group_offset, absl::StrCat("resource group of org '", org.name.text, "'"),
                         NamesOfRecords(org.resource_groups));
    }
    ResourceGroup& g = org.resource_groups[*group];
    if (!ReadField(in_, after_group, kGroupFields, "a resource group").has_value()) return;
    absl::optional<size_t> key = KeyAfter(in_, after_group, "members", "a user");
    if (!key.has_value()) return;
    if (absl::optional<std::string> user = ReadPrincipal(in_, *key, *world_)) {
      SetMember(in_, *key, *user, "a resource group role", &g.members);
    }
  }

  void Repo(size_t offset) {
    // [TYPE:]NS/NAME: a type prefix picks one of a model and a dataset that share an id.
    absl::optional<RepoType> type;
    size_t id_offset = offset;
    const absl::string_view rest = in_.Rest(offset);
    const size_t colon = rest.find(':');
    if (colon != absl::string_view::npos && colon < rest.find('/')) {
      type = ParseName<RepoType>(rest.substr(0, colon));
      if (!type.has_value()) {
        const std::vector<absl::string_view> names = NamesOf<RepoType>();
        in_.Error(offset, absl::StrCat(QuoteValue(rest.substr(0, colon)), " is not a repo type",
                                       DidYouMean(rest.substr(0, colon), names), "; valid: ", ValidList(names)));
        return;
      }
      id_offset = offset + colon + 1;
    }
    std::vector<absl::string_view> ids;
    std::vector<hubperm::Repo*> repos;
    for (hubperm::Repo& repo : world_->repos) {
      if (type.has_value() && repo.type != *type) continue;
      ids.push_back(repo.id.text);
      repos.push_back(&repo);
    }
    size_t next = 0;
    absl::optional<size_t> index = in_.MatchName(id_offset, ids, &next);
    if (!index.has_value()) return UnknownName(in_, id_offset, "repo", ids);
    hubperm::Repo& repo = *repos[*index];
    for (size_t i = 0; i < ids.size(); ++i) {
      if (i != *index && ids[i] == repo.id.text) {
        in_.Error(offset, absl::StrCat("two repos are '", repo.id.text, "' (", NameOf(repo.type), " and ",
                                       NameOf(repos[i]->type), "); name one: repos.", NameOf(repo.type), ":",
                                       repo.id.text, "..."));
        return;
      }
    }
    absl::optional<absl::string_view> field = ReadField(in_, next, kRepoFields, "a repo");
    if (!field.has_value()) return;
    if (*field == "access_requests") {
      absl::optional<size_t> key = KeyAfter(in_, next, *field, "a user");
      if (!key.has_value()) return;
      absl::optional<std::string> user = ReadPrincipal(in_, *key, *world_);
      if (!user.has_value()) return;
      if (!IsNone(in_) && !ParseName<AccessRequestState>(in_.value()).has_value()) {
        ReadEnum<AccessRequestState>(in_, "an access request's state");
        return;
      }
      // One state per user: the set replaces an `access_granted` entry too.
      repo.access_granted.erase(std::remove_if(repo.access_granted.begin(), repo.access_granted.end(),
                                               [&](const Name& n) { return n.text == *user; }),
                                repo.access_granted.end());
      SetMember(in_, *key, *user, "an access request's state", &repo.access_requests);
      return;
    }
    if (!AtEnd(in_, next, *field)) return;
    if (*field == "private") {
      if (auto b = ReadBool(in_)) {
        repo.is_private = *b;
        repo.private_pos = in_.value_pos();
      }
    } else if (*field == "gated") {
      if (auto gating = ReadEnum<Gating>(in_, "a gating")) {
        repo.gated = *gating;
        repo.gated_pos = in_.value_pos();
      }
    } else if (IsNone(in_)) {  // resource_group
      repo.resource_group.reset();
    } else {
      repo.resource_group = Name{std::string(in_.value()), in_.value_pos()};
    }
  }

  void Token(size_t offset) {
    std::vector<absl::string_view> names;
    for (const hubperm::Token& t : world_->tokens) names.push_back(t.name.text);
    size_t next = 0;
    absl::optional<size_t> index = in_.MatchName(offset, names, &next);
    if (!index.has_value()) return UnknownName(in_, offset, "token", names);
    hubperm::Token& token = world_->tokens[*index];
    if (next >= in_.path_end()) {
      if (!IsNone(in_)) {
        in_.Error(in_.path_end() + 1, absl::StrCat("a token itself can only be removed: tokens.", token.name.text,
                                                   "=none; a field changes it (", ValidList(kTokenFields), ")"));
        return;
      }
      world_->tokens.erase(world_->tokens.begin() + static_cast<std::ptrdiff_t>(*index));
      return;
    }
    absl::optional<absl::string_view> field = ReadField(in_, next, kTokenFields, "a token");
    if (!field.has_value()) return;
    const bool fine_grained_field = *field == "can_read_gated_repos" || *field == "global" || *field == "scoped";
    if (fine_grained_field && (token.kind != TokenKind::kUser || token.role != TokenRole::kFineGrained)) {
      in_.Error(next, absl::StrCat("'", *field, "' is only for fineGrained tokens; '", token.name.text, "' is ",
                                   token.kind == TokenKind::kUser ? absl::StrCat("a ", NameOf(token.role), " token")
                                                                  : absl::StrCat("a ", NameOf(token.kind), " token"),
                                   token.kind == TokenKind::kUser
                                       ? absl::StrCat(" (set tokens.", token.name.text, ".role=fineGrained first)")
                                       : ""));
      return;
    }
    if (*field == "org_status") {
      absl::optional<size_t> key = KeyAfter(in_, next, *field, "an org");
      if (!key.has_value()) return;
      const absl::string_view org = in_.Rest(*key);
      if (std::none_of(world_->orgs.begin(), world_->orgs.end(), [&](const hubperm::Org& o) { return o.name.text == org; })) {
        return UnknownName(in_, *key, "org", NamesOfRecords(world_->orgs));
      }
      auto it = std::find_if(token.org_status.begin(), token.org_status.end(),
                             [&](const OrgApproval& a) { return a.org.text == org; });
      if (IsNone(in_)) {
        if (it != token.org_status.end()) token.org_status.erase(it);
        return;
      }
      absl::optional<ApprovalStatus> status = ReadEnum<ApprovalStatus>(in_, "an approval status");
      if (!status.has_value()) return;
      if (it == token.org_status.end()) {
        token.org_status.push_back(OrgApproval{Name{std::string(org), in_.Pos(*key)}, *status, in_.value_pos()});
      } else {
        it->status = *status;
        it->status_pos = in_.value_pos();
      }
      return;
    }
    if (*field == "scoped") {
      absl::optional<size_t> key = KeyAfter(in_, next, *field, "an entity");
      if (!key.has_value()) return;
      Scoped(token, *key);
      return;
    }
    if (!AtEnd(in_, next, *field)) return;
    if (*field == "role") {
      if (token.kind != TokenKind::kUser) {
        in_.Error(next, absl::StrCat("'role' is only for user access tokens; '", token.name.text, "' is a ",
                                     NameOf(token.kind), " token"));
        return;
      }
      absl::optional<TokenRole> role = ReadEnum<TokenRole>(in_, "a token role");
      if (!role.has_value()) return;
      token.role = *role;
      token.role_pos = in_.value_pos();
      if (*role != TokenRole::kFineGrained) {  // a classic token holds no permissions of its own
        token.global.clear();
        token.scoped.clear();
        token.can_read_gated_repos = false;
        token.can_read_gated_repos_pos = SourcePos();
      }
    } else if (*field == "can_read_gated_repos") {
      if (auto b = ReadBool(in_)) {
        token.can_read_gated_repos = *b;
        token.can_read_gated_repos_pos = in_.value_pos();
      }
    } else if (*field == "global") {
      token.global = Permissions();
    } else {  // created_at, expires_at
      const bool expires = *field == "expires_at";
      absl::optional<absl::Time>& time = expires ? token.expires_at : token.created_at;
      SourcePos& pos = expires ? token.expires_at_pos : token.created_at_pos;
      if (IsNone(in_)) {
        time.reset();
        pos = SourcePos();
        return;
      }
      absl::optional<absl::Time> parsed = ParseTimestamp(in_.value());
      if (!parsed.has_value()) {
        in_.Error(in_.path_end() + 1, absl::StrCat(QuoteValue(in_.value()),
                                                   " is not a time; write RFC 3339 (2026-03-01T09:30:00Z), a date "
                                                   "(2026-03-01) or none"));
        return;
      }
      time = *parsed;
      pos = in_.value_pos();
    }
  }

  // tokens.T.scoped.TYPE:NAME=PERMISSIONS|none
  void Scoped(hubperm::Token& token, size_t key) {
    const absl::string_view entity = in_.Rest(key);
    const size_t colon = entity.find(':');
    const std::vector<absl::string_view> types = NamesOf<EntityType>();
    absl::optional<EntityType> type =
        colon == absl::string_view::npos ? absl::nullopt : ParseName<EntityType>(entity.substr(0, colon));
    if (!type.has_value() || colon + 1 >= entity.size()) {
      in_.Error(key, absl::StrCat("a scope is TYPE:NAME (", ValidList(types), "), e.g. org:acme or model:acme/m; not ",
                                  QuoteValue(entity)));
      return;
    }
    const absl::string_view name = entity.substr(colon + 1);
    auto it = std::find_if(token.scoped.begin(), token.scoped.end(),
                           [&](const Scope& s) { return s.type == *type && s.entity.text == name; });
    if (IsNone(in_)) {
      if (it != token.scoped.end()) token.scoped.erase(it);
      return;
    }
    if (it == token.scoped.end()) {
      Scope scope;
      scope.type = *type;
      scope.entity = Name{std::string(name), in_.Pos(key + colon + 1)};
      scope.pos = in_.Pos(key);
      token.scoped.push_back(std::move(scope));
      it = token.scoped.end() - 1;
    }
    it->permissions = Permissions();
  }

  // A comma-separated list of permission strings (read as a file's, by WorldLoader::Finish).
  std::vector<PermissionEntry> Permissions() {
    std::vector<PermissionEntry> entries;
    size_t column = in_.path_end() + 1;
    if (in_.value().empty()) return entries;
    for (absl::string_view part : absl::StrSplit(in_.value(), ',')) {
      if (part.empty()) {
        in_.Error(column, "an empty permission: separate permissions with single commas");
      } else {
        PermissionEntry entry;
        entry.text = Name{std::string(part), in_.Pos(column)};
        entries.push_back(std::move(entry));
      }
      column += part.size() + 1;
    }
    return entries;
  }

  void Assumption(size_t offset) {
    const absl::string_view name = in_.Rest(offset);
    Assumptions& a = world_->assumptions;
    if (name == "contributor_permission") {
      if (in_.value().empty()) {
        in_.Error(in_.path_end() + 1, "'contributor_permission' needs a permission's spelling");
        return;
      }
      a.contributor_permission = std::string(in_.value());
      a.contributor_permission_pos = in_.value_pos();
      return;
    }
    for (size_t i = 0; i < std::size(kAssumptionSwitches); ++i) {
      if (kAssumptionSwitches[i].name != name) continue;
      if (auto b = ReadBool(in_)) {
        a.*kAssumptionSwitches[i].value = *b;
        a.switch_pos[i] = in_.value_pos();
      }
      return;
    }
    std::vector<absl::string_view> names;
    for (const AssumptionSwitch& s : kAssumptionSwitches) names.push_back(s.name);
    names.push_back("contributor_permission");
    in_.Error(offset, absl::StrCat(QuoteValue(name), " is not an assumption", DidYouMean(name, names),
                                   "; valid: ", ValidList(names)));
  }

  SetReader& in_;
  World* world_;
};

}  // namespace

void ApplyOverrides(const std::vector<std::string>& sets, SourceFiles* files, Diagnostics* diagnostics, World* world) {
  if (sets.empty()) return;
  // One line per set, whatever it holds, so that set i is line i + 1.
  std::vector<std::string> lines = sets;
  for (std::string& line : lines) std::replace_if(line.begin(), line.end(), [](char c) { return c == '\r' || c == '\n'; }, ' ');
  const int file = files->Add(std::string(kOverridesFileName), absl::StrJoin(lines, "\n"));
  for (size_t i = 0; i < sets.size(); ++i) {
    const int line = static_cast<int>(i) + 1;
    if (sets[i].find_first_of("\r\n") != std::string::npos) {
      diagnostics->Error(SourcePos{file, line, 1}, "a set is one line: PATH=VALUE without a line break");
      continue;
    }
    SetReader in(sets[i], file, line, diagnostics);
    if (!in.Split()) continue;
    Applier(in, world).Apply();
  }
}

std::vector<absl::string_view> OverridePathForms() {
  return std::vector<absl::string_view>(std::begin(kPathForms), std::end(kPathForms));
}

}  // namespace hubperm
