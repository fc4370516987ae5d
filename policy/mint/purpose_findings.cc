// Copyright 2026 The hubperm Authors.

#include "policy/mint/purpose_findings.h"

#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "policy/cases/case_runner.h"
#include "policy/mint/mint.h"
#include "policy/model/permission.h"
#include "policy/model/vocabulary.h"

namespace hubperm {
namespace {

std::string DifferenceText(const ScopeDifference& d) {
  return absl::StrCat(PermissionSetText(d.permissions), " on ", NameOf(d.type), " ", d.entity);
}

FixEdit ScopeEdit(FixEdit::Kind kind, const ScopeDifference& d) {
  FixEdit e;
  e.kind = kind;
  e.entity_type = d.type;
  e.entity = d.entity;
  e.permissions = d.permissions;
  return e;
}

// Where the token's scope on (type, entity) is written; unknown when it has none.
SourcePos ScopePos(const Token& token, EntityType type, const std::string& entity) {
  for (const Scope& scope : token.scoped) {
    if (scope.type == type && scope.entity.text == entity) return scope.pos;
  }
  return SourcePos();
}

}  // namespace

std::vector<Intent> PurposeIntents(const Token& token) {
  std::vector<Intent> out;
  for (const Case& c : token.purpose) {
    for (CaseCheck& check : ExpandCase(c)) {
      Intent intent;
      intent.input = std::move(check.input);
      intent.key_pos = check.at;
      intent.pos = check.pos;
      out.push_back(std::move(intent));
    }
  }
  return out;
}

std::vector<Finding> BroaderThanNeeded(const World& world, const Snapshot& snapshot) {
  std::vector<Finding> out;
  for (const Token& token : world.tokens) {
    if (token.purpose.empty() || token.kind != TokenKind::kUser) continue;
    const absl::optional<TokenId> id = snapshot.FindToken(token.name.text);
    if (!id.has_value()) continue;
    const std::vector<Intent> intents = PurposeIntents(token);
    Diagnostics problems;
    const MintOptions options;
    const MintResult minted = Mint(world, token.owner.text, intents, options, &problems);
    if (problems.has_errors()) continue;
    const MintComparison c = Compare(world, snapshot, token, intents, minted, options);
    if (!c.broader()) continue;

    Finding f;
    f.kind = FindingKind::kBroaderThanNeeded;
    f.token = *id;
    const std::string requests = absl::StrCat(intents.size(), intents.size() == 1 ? " request" : " requests");
    f.evidence.push_back(FindingEvidence{token.purpose.front().name.pos, absl::StrCat("its purpose: ", requests)});
    // Each excess: what it is, where it is written, and the edit (and its words) that takes it away; then
    // what to add. The fix makes the token the minted one.
    std::vector<std::string> more, steps;
    const auto excess = [&](const SourcePos& pos, std::string what, FixEdit edit, std::string step) {
      f.evidence.push_back(FindingEvidence{pos, absl::StrCat(what, ": no purpose needs it")});
      more.push_back(std::move(what));
      f.edits.push_back(std::move(edit));
      steps.push_back(std::move(step));
    };
    if (c.role != TokenRole::kFineGrained) {
      FixEdit make;
      make.kind = FixEdit::Kind::kMakeFineGrained;
      excess(token.role_pos, absl::StrCat("a classic ", NameOf(c.role), " role (every permission its owner's roles give)"),
             make, "make it fine-grained");
    }
    for (const ScopeDifference& d : c.excess) {
      excess(ScopePos(token, d.type, d.entity), DifferenceText(d), ScopeEdit(FixEdit::Kind::kRemovePermissions, d),
             absl::StrCat("remove ", DifferenceText(d)));
    }
    if (!c.global.empty()) {
      FixEdit e;
      e.kind = FixEdit::Kind::kRemoveGlobal;
      e.permissions = c.global;
      excess(token.global.front().text.pos, absl::StrCat("global ", PermissionSetText(c.global)), e,
             absl::StrCat("remove global ", PermissionSetText(c.global)));
    }
    if (c.can_read_gated_repos) {
      FixEdit e;
      e.kind = FixEdit::Kind::kClearReadGated;
      excess(token.can_read_gated_repos_pos, "can_read_gated_repos", e, "clear can_read_gated_repos");
    }
    f.summary = absl::StrCat("token ", token.name.text, " holds more than its purpose (", requests, ") needs: ",
                             absl::StrJoin(more, "; "));
    for (const ScopeDifference& d : c.missing) {
      f.edits.push_back(ScopeEdit(FixEdit::Kind::kAddPermissions, d));
      steps.push_back(absl::StrCat("add ", DifferenceText(d)));
    }
    f.fix = absl::StrCat(absl::StrJoin(steps, ", "), " (the token hubperm mint makes for its purpose)");
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace hubperm
