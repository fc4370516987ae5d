// Copyright 2026 The hubperm Authors.

#include "policy/mint/mint.h"

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <tuple>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/types/optional.h"
#include "policy/compile/snapshot.h"
#include "policy/decide/check.h"
#include "policy/explain/explain.h"
#include "policy/explain/fix.h"
#include "policy/explain/sequence_explanation.h"
#include "policy/request/request_description.h"
#include "policy/request/request_input.h"
#include "policy/request/resolve.h"

namespace hubperm {
namespace {

// A scope of the minted token: its entity, by type and name.
struct ScopeKey {
  EntityType type;
  std::string entity;
  bool operator<(const ScopeKey& o) const { return std::tie(type, entity) < std::tie(o.type, o.entity); }
  bool operator==(const ScopeKey& o) const { return type == o.type && entity == o.entity; }
};

// The minted token's permissions, by scope; a scope with no permission is not written.
using Grants = std::map<ScopeKey, PermissionSet>;

// How narrow a scope is: single entities (a repo, a collection, ...) first, then groups, orgs and the user.
int Breadth(EntityType type) {
  switch (type) {
    case EntityType::kResourceGroup:
      return 1;
    case EntityType::kOrg:
      return 2;
    case EntityType::kUser:
      return 3;
    default:
      return 0;
  }
}

bool IsRepoType(EntityType type) { return RepoTypeOfEntity(type).has_value(); }

// What deciding one intent gave.
struct Verdict {
  bool allowed = false;
  IntentOutcome outcome = IntentOutcome::kAllowed;  // when not allowed: why no token change is enough
  std::string problem;
  bool token_fixable = false;      // denied, and the token side's change below would help
  std::vector<std::pair<ScopeKey, PermissionSet>> additions;
  std::set<std::string> approvals;  // orgs whose require_approval policy the decision passed as approved
};

class Minter {
 public:
  Minter(const World& world, std::string owner, const std::vector<Intent>& intents, const MintOptions& options)
      : world_(world), owner_(std::move(owner)), intents_(intents), options_(options) {
    token_name_ = options.token_name.empty() ? UniqueTokenName(absl::StrCat(owner_, "-minted")) : options.token_name;
    if (options.prefer == ScopePreference::kRepo) return;  // Preferred() is not asked: no repo moves
    absl::flat_hash_set<absl::string_view> orgs;
    for (const Org& o : world_.orgs) orgs.insert(o.name.text);
    for (const Repo& repo : world_.repos) {
      places_[RepoKey(repo.type, repo.id.text)] = {repo.resource_group.has_value() ? repo.resource_group->text : "",
                                                   orgs.contains(repo.ns()) ? std::string(repo.ns()) : ""};
    }
  }

  const std::string& token_name() const { return token_name_; }

  // The world with the candidate token: fine-grained, `grants`, and approved wherever a policy asks. The
  // world is copied once (the first call); each call replaces the candidate, its last token.
  const World& WithToken(const Grants& grants) const {
    if (scratch_ == nullptr) {
      scratch_ = std::make_unique<World>(world_);
      scratch_->cases.clear();
      scratch_->tokens.emplace_back();
    }
    Token& t = scratch_->tokens.back();
    t = TokenOf(grants);
    for (const Org& org : scratch_->orgs) {
      if (org.token_policy == TokenPolicy::kRequireApproval) {
        t.org_status.push_back(OrgApproval{Name{org.name.text, {}}, ApprovalStatus::kApproved, {}});
      }
    }
    return *scratch_;
  }

  Token TokenOf(const Grants& grants) const {
    Token t;
    t.name = Name{token_name_, {}};
    t.owner = Name{owner_, {}};
    t.kind = TokenKind::kUser;
    t.role = TokenRole::kFineGrained;
    for (const auto& [key, permissions] : grants) {
      if (permissions.empty()) continue;
      Scope scope;
      scope.type = key.type;
      scope.entity = Name{key.entity, {}};
      permissions.ForEach([&](Permission p) {
        scope.permissions.push_back(PermissionEntry{Name{std::string(PermissionName(p)), {}}, p});
      });
      t.scoped.push_back(std::move(scope));
    }
    return t;
  }

  // Decides every intent under `grants`. An intent that does not resolve is an error in `*problems` (the
  // first evaluation reports them; later ones resolve the same way).
  std::vector<Verdict> Evaluate(const Grants& grants, Diagnostics* problems = nullptr) const {
    const World& w = WithToken(grants);
    const std::shared_ptr<const Snapshot> s = Snapshot::Compile(w, SourceFiles());
    std::vector<Verdict> out;
    out.reserve(intents_.size());
    for (const Intent& intent : intents_) out.push_back(Decide(*s, w, intent, problems));
    return out;
  }

  // Decides intent `i` alone under `grants`.
  Verdict EvaluateOne(const Grants& grants, size_t i) const {
    const World& w = WithToken(grants);
    return Decide(*Snapshot::Compile(w, SourceFiles()), w, intents_[i], nullptr);
  }

  // Where a repo's scope goes under the preference: the repo itself, its group, or its org.
  ScopeKey Preferred(const ScopeKey& key) const {
    if (!IsRepoType(key.type) || options_.prefer == ScopePreference::kRepo) {
      if (options_.prefer == ScopePreference::kOrg && key.type == EntityType::kResourceGroup) {
        for (const Org& org : world_.orgs) {
          for (const ResourceGroup& g : org.resource_groups) {
            if (g.name.text == key.entity) return ScopeKey{EntityType::kOrg, org.name.text};
          }
        }
      }
      return key;
    }
    const auto place = places_.find(RepoKey(*RepoTypeOfEntity(key.type), key.entity));
    if (place == places_.end()) return key;
    const auto& [group, org] = place->second;
    if (options_.prefer == ScopePreference::kGroup && !group.empty()) return ScopeKey{EntityType::kResourceGroup, group};
    if (options_.prefer == ScopePreference::kOrg && !org.empty()) return ScopeKey{EntityType::kOrg, org};
    return key;
  }

  // Decides every intent for the world's own token `token`, as the world has it (`snapshot`, compiled
  // from it).
  std::vector<Verdict> EvaluateExisting(const Snapshot& snapshot, const std::string& token) const {
    std::vector<Verdict> out;
    for (const Intent& intent : intents_) out.push_back(Decide(snapshot, world_, intent, nullptr, token));
    return out;
  }

 private:
  std::string UniqueTokenName(std::string base) const {
    auto taken = [&](const std::string& name) {
      return std::any_of(world_.tokens.begin(), world_.tokens.end(), [&](const Token& t) { return t.name.text == name; });
    };
    std::string name = base;
    for (int i = 2; taken(name); ++i) name = absl::StrCat(base, "-", i);
    return name;
  }

  void Fail(const Intent& intent, const absl::Status& status, const absl::optional<Arg>& culprit,
            Diagnostics* problems, Verdict* v) const {
    v->outcome = IntentOutcome::kNoToken;
    v->problem = std::string(status.message());
    if (problems == nullptr) return;
    SourcePos pos = intent.pos;
    if (culprit.has_value() && intent.key_pos[static_cast<int>(*culprit)].known()) {
      pos = intent.key_pos[static_cast<int>(*culprit)];
    }
    problems->Error(pos, std::string(status.message()));
  }

  // What a denied decision needs: the token's change, or why none is enough.
  void Denied(const Snapshot& s, const Explanation& e, Verdict* v) const {
    if (!e.decision.user.allowed) {
      v->outcome = IntentOutcome::kUserSide;
      for (const Fix& fix : e.fixes) {
        if (fix.side == Side::kUser) v->problem = fix.text;
      }
      if (v->problem.empty()) v->problem = e.user;
      return;
    }
    const absl::optional<TokenChange>& change = e.changes.token;
    if (e.decision.token.allowed || !change.has_value() ||
        (change->kind != TokenChangeKind::kAddPermissions && change->kind != TokenChangeKind::kAllowGatedRepos)) {
      v->outcome = IntentOutcome::kNoToken;
      v->problem = e.decision.token.allowed ? e.policy : e.token;
      return;
    }
    v->token_fixable = true;
    if (change->kind == TokenChangeKind::kAllowGatedRepos) {
      // The narrowest way through the gate for a token: repo.content.read scoped to the repo.
      const Snapshot::RepoRecord& repo = s.repo(e.request.request.repo);
      v->additions.push_back({ScopeKey{EntityOfRepoType(repo.type), std::string(repo.id)},
                              PermissionSet{Permission::kRepoContentRead}});
      return;
    }
    for (const ScopeAddition& a : change->additions) {
      v->additions.push_back({ScopeKey{a.type, std::string(s.EntityName(a.type, a.entity))}, a.add | a.keep});
    }
  }

  void NoteApproval(const Snapshot& s, const Decision& d, Verdict* v) const {
    if (d.policy.rule == PolicyRule::kApproved && d.policy.org != kNoId) v->approvals.insert(s.org(d.policy.org).name);
  }

  Verdict Decide(const Snapshot& s, const World& w, const Intent& intent, Diagnostics* problems) const {
    return Decide(s, w, intent, problems, token_name_);
  }

  Verdict Decide(const Snapshot& s, const World& w, const Intent& intent, Diagnostics* problems,
                 const std::string& token_name) const {
    Verdict v;
    RequestInput input = intent.input;
    if (input.at == Request::kAnyMoment) input.at = options_.at;
    absl::optional<Arg> culprit;
    if (AsksSequence(input)) {
      const absl::StatusOr<SequenceDescription> sequence = ParseSequenceInput(input, &culprit);
      if (!sequence.ok()) {
        Fail(intent, sequence.status(), culprit, problems, &v);
        return v;
      }
      const absl::StatusOr<SequenceExplanation> e = ExplainSequence(s, w, token_name, *sequence);
      if (!e.ok()) {
        Fail(intent, e.status(), absl::nullopt, problems, &v);
        return v;
      }
      for (const StepResult& step : e->steps) {
        if (step.explanation.has_value() && step.snapshot != nullptr) NoteApproval(*step.snapshot, step.explanation->decision, &v);
      }
      v.allowed = e->allowed;
      if (v.allowed) return v;
      const StepResult& step = e->steps[e->deciding_step - 1];
      if (!step.explanation.has_value() || step.snapshot == nullptr) {
        v.outcome = IntentOutcome::kNoToken;
        v.problem = absl::StrCat("step ", step.index, ", ", step.http, ": ", step.client);
        return v;
      }
      Denied(*step.snapshot, *step.explanation, &v);
      return v;
    }
    const absl::StatusOr<RequestDescription> description = ParseRequest(input, &culprit);
    if (!description.ok()) {
      Fail(intent, description.status(), culprit, problems, &v);
      return v;
    }
    if (!description->modeled()) {
      v.outcome = IntentOutcome::kNotModeled;
      v.problem = UnmodeledText(*description);
      return v;
    }
    const absl::StatusOr<ResolvedRequest> resolved = Resolve(s, token_name, *description, &culprit);
    if (!resolved.ok()) {
      Fail(intent, resolved.status(), culprit, problems, &v);
      return v;
    }
    const Decision decision = Check(s, resolved->request);
    NoteApproval(s, decision, &v);
    v.allowed = decision.allowed;
    if (!v.allowed) Denied(s, Explain(s, *resolved, decision), &v);
    return v;
  }

  const World& world_;
  const std::string owner_;
  const std::vector<Intent>& intents_;
  const MintOptions& options_;
  std::string token_name_;
  // The world with the candidate token (WithToken); a Minter decides on one thread.
  mutable std::unique_ptr<World> scratch_;
  // A repo's group and org ("" for none), by RepoKey; only with a preference other than kRepo.
  absl::flat_hash_map<std::string, std::pair<std::string, std::string>> places_;
};

// The intents that `verdicts` denies among those `wanted` marks.
std::vector<int> Denied(const std::vector<Verdict>& verdicts, const std::vector<bool>& wanted) {
  std::vector<int> out;
  for (size_t i = 0; i < verdicts.size(); ++i) {
    if (wanted[i] && !verdicts[i].allowed) out.push_back(static_cast<int>(i));
  }
  return out;
}

// The scopes in the order reduction tries them, then by type and name: narrowest first, so that a
// broader scope another intent needs anyway absorbs them; but with a preference for groups, broadest
// first, so that the groups keep what their repos need and a broader scope keeps only what needs it.
std::vector<ScopeKey> ReductionOrder(const Grants& grants, ScopePreference prefer) {
  std::vector<ScopeKey> keys;
  for (const auto& [key, permissions] : grants) {
    if (!permissions.empty()) keys.push_back(key);
  }
  const bool broadest_first = prefer == ScopePreference::kGroup;
  std::stable_sort(keys.begin(), keys.end(), [&](const ScopeKey& a, const ScopeKey& b) {
    return broadest_first ? Breadth(a.type) > Breadth(b.type) : Breadth(a.type) < Breadth(b.type);
  });
  return keys;
}

// A weaker permission that may do a scope's job when `p` is more than an intent needs: the contributor
// permission creates repos (and writes those the token created) where repo.write writes every repo (§4b).
absl::optional<Permission> Weaker(Permission p) {
  if (p == Permission::kRepoWrite) return Permission::kRepoContribute;
  return absl::nullopt;
}

}  // namespace

bool MintResult::ok() const {
  return std::all_of(intents.begin(), intents.end(), [](const IntentResult& r) {
    return r.outcome == IntentOutcome::kAllowed || r.outcome == IntentOutcome::kNotModeled;
  });
}

World MintResult::AsWorld() const {
  World w;
  w.tokens.push_back(token);
  return w;
}

MintResult Mint(const World& world, absl::string_view owner, const std::vector<Intent>& intents,
                const MintOptions& options, Diagnostics* problems) {
  Minter minter(world, std::string(owner), intents, options);
  MintResult result;
  result.intents.resize(intents.size());
  for (size_t i = 0; i < intents.size(); ++i) result.intents[i].request = InputText(intents[i].input);

  // 1. What each intent needs on its own: its token fixes, added until it is allowed (or no fix helps).
  // Then all of them together, fixing what one intent's scope takes from another's (a repo scope
  // overrides its namespace's scopes), until nothing more helps.
  Grants grants;
  const int errors_before = problems != nullptr ? problems->error_count() : 0;
  std::vector<Verdict> verdicts = minter.Evaluate(grants, problems);
  if (problems != nullptr && problems->error_count() > errors_before) {
    for (size_t i = 0; i < intents.size(); ++i) {
      result.intents[i].outcome = verdicts[i].outcome;
      result.intents[i].problem = verdicts[i].problem;
    }
    result.token = minter.TokenOf(grants);
    return result;
  }
  // Adds the fixes `v` asks for to `*g`; whether any was new.
  const auto add_fixes = [](const Verdict& v, Grants* g) {
    bool changed = false;
    if (v.allowed || !v.token_fixable) return changed;
    for (const auto& [key, add] : v.additions) {
      PermissionSet& have = (*g)[key];
      if (!have.ContainsAll(add)) {
        have = have | add;
        changed = true;
      }
    }
    return changed;
  };
  const auto add_all_fixes = [&](const std::vector<Verdict>& vs, Grants* g) {
    bool changed = false;
    for (const Verdict& v : vs) changed = add_fixes(v, g) || changed;
    return changed;
  };
  const size_t rounds = 8;  // a request of two parts needs at most a few fixes; each round adds one
  for (size_t i = 0; i < intents.size(); ++i) {
    Grants own;
    Verdict alone = verdicts[i];
    for (size_t round = 0; round < rounds && add_fixes(alone, &own); ++round) alone = minter.EvaluateOne(own, i);
    for (const auto& [key, permissions] : own) grants[key] = grants[key] | permissions;
  }
  verdicts = minter.Evaluate(grants);
  for (size_t round = 0; round < rounds * intents.size() && add_all_fixes(verdicts, &grants); ++round) {
    verdicts = minter.Evaluate(grants);
  }

  // The intents a token can get through: every other one is reported, and is not asked of the token.
  std::vector<bool> wanted(intents.size());
  for (size_t i = 0; i < intents.size(); ++i) wanted[i] = verdicts[i].allowed;

  // 2. The preference: a repo's scope moves to its group or org (kept where that would deny an intent).
  if (options.prefer != ScopePreference::kRepo) {
    for (const ScopeKey& key : ReductionOrder(grants, ScopePreference::kRepo)) {
      const ScopeKey to = minter.Preferred(key);
      if (to == key) continue;
      Grants moved = grants;
      moved[to] = moved[to] | moved[key];
      moved.erase(key);
      if (Denied(minter.Evaluate(moved), wanted).empty()) grants = std::move(moved);
    }
  }

  // 3. Reduction, until nothing more can go: scope by scope (in ReductionOrder), the whole scope, else each
  // of its permissions, or else that permission replaced by a weaker one.
  const auto allows_all = [&](const Grants& g) { return Denied(minter.Evaluate(g), wanted).empty(); };
  for (bool reduced = true; reduced;) {
    reduced = false;
    for (const ScopeKey& key : ReductionOrder(grants, options.prefer)) {
      Grants without = grants;
      without.erase(key);
      if (allows_all(without)) {
        grants = std::move(without);
        reduced = true;
        continue;
      }
      std::vector<Permission> permissions;
      grants[key].ForEach([&](Permission p) { permissions.push_back(p); });
      for (Permission p : permissions) {
        without = grants;
        without[key] = without[key] - PermissionSet{p};
        if (allows_all(without)) {
          grants = std::move(without);
          reduced = true;
          continue;
        }
        const absl::optional<Permission> weaker = Weaker(p);
        if (!weaker.has_value() || without[key].Contains(*weaker)) continue;
        without[key].Add(*weaker);
        if (allows_all(without)) {
          grants = std::move(without);
          reduced = true;
        }
      }
    }
  }
  for (auto it = grants.begin(); it != grants.end();) it = it->second.empty() ? grants.erase(it) : std::next(it);

  // 4. Why each permission is there: the intents denied without it (none would mean it is not needed, which
  // step 3 rules out).
  for (const auto& [key, permissions] : grants) {
    permissions.ForEach([&](Permission p) {
      Grants without = grants;
      without[key] = without[key] - PermissionSet{p};
      result.grants.push_back(MintedGrant{key.type, key.entity, p, Denied(minter.Evaluate(without), wanted)});
    });
  }

  // 5. The minted token, checked: every intent a token can get through is allowed.
  result.token = minter.TokenOf(grants);
  verdicts = minter.Evaluate(grants);
  std::set<std::string> approvals;
  for (size_t i = 0; i < intents.size(); ++i) {
    IntentResult& r = result.intents[i];
    if (verdicts[i].allowed) {
      r.outcome = IntentOutcome::kAllowed;
      approvals.insert(verdicts[i].approvals.begin(), verdicts[i].approvals.end());
    } else {
      r.outcome = verdicts[i].outcome == IntentOutcome::kAllowed ? IntentOutcome::kNoToken : verdicts[i].outcome;
      r.problem = verdicts[i].problem.empty() ? "no fine-grained permission allows it" : verdicts[i].problem;
    }
  }
  result.approvals.assign(approvals.begin(), approvals.end());
  return result;
}

MintComparison Compare(const World& world, const Snapshot& snapshot, const Token& existing,
                       const std::vector<Intent>& intents, const MintResult& minted, const MintOptions& options) {
  MintComparison c;
  c.token = existing.name.text;
  c.role = existing.role;
  c.can_read_gated_repos = existing.can_read_gated_repos;
  std::map<ScopeKey, PermissionSet> have, need;
  for (const Scope& scope : existing.scoped) {
    for (const PermissionEntry& p : scope.permissions) {
      if (p.permission.has_value()) have[ScopeKey{scope.type, scope.entity.text}].Add(*p.permission);
    }
  }
  for (const MintedGrant& g : minted.grants) need[ScopeKey{g.type, g.entity}].Add(g.permission);
  for (const PermissionEntry& p : existing.global) {
    if (p.permission.has_value()) c.global.Add(*p.permission);
  }
  for (const auto& [key, permissions] : have) {
    const auto wanted = need.find(key);
    const PermissionSet excess = wanted == need.end() ? permissions : permissions - wanted->second;
    if (!excess.empty()) c.excess.push_back(ScopeDifference{key.type, key.entity, excess, wanted == need.end()});
  }
  for (const auto& [key, permissions] : need) {
    const auto held = have.find(key);
    const PermissionSet missing = held == have.end() ? permissions : permissions - held->second;
    if (!missing.empty()) c.missing.push_back(ScopeDifference{key.type, key.entity, missing, held == have.end()});
  }
  Minter minter(world, existing.owner.text, intents, options);
  const std::vector<Verdict> verdicts = minter.EvaluateExisting(snapshot, existing.name.text);
  for (size_t i = 0; i < verdicts.size() && i < minted.intents.size(); ++i) {
    if (minted.intents[i].outcome == IntentOutcome::kAllowed && !verdicts[i].allowed) c.denied.push_back(static_cast<int>(i));
  }
  return c;
}

bool MintComparison::broader() const {
  return role != TokenRole::kFineGrained || !excess.empty() || !global.empty() || can_read_gated_repos;
}

}  // namespace hubperm
