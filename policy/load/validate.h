// Copyright 2026 The hubperm Authors.
//
// policy/load/validate.h: the checks that need the whole (merged) world.
//
// After every file is read (world_loader.h), `ValidateWorld` reports, each at the position of the
// offending node:
//   - a name defined twice (user, org, resource group, repo of one type, token, case), naming both places;
//     a user and an org with the same name (they would share a namespace);
//   - references to undeclared users, orgs, resource groups, repos and tokens, with "did you mean" (in the
//     world itself: a case's request is resolved case by case, policy/cases/case_runner.h, so that one
//     bad case does not stop the others, and so that a create may name a repo that does not exist yet);
//   - the Hub's structural rules: a repo's namespace is a user or an org; a repo's resource group belongs
//     to the repo's org; a group member is a member of the org; `access_granted` only on gated repos;
//     resource groups and token policies need a team or enterprise plan; a scope names an entity that
//     exists, and a user scope names the token's owner; `org_status` names orgs.
// It never changes the world.

#ifndef HUBPERM_POLICY_LOAD_VALIDATE_H_
#define HUBPERM_POLICY_LOAD_VALIDATE_H_

#include "policy/common/diagnostics.h"
#include "policy/common/source.h"
#include "policy/model/world.h"

namespace hubperm {

// `files` is used only to name the first definition's place in "defined twice" messages.
void ValidateWorld(const World& world, const SourceFiles& files, Diagnostics* diagnostics);

// How many checks case `c` expands to (policy/cases/case_runner.h's ExpandCase makes exactly these):
// its matrix's cells, else its tokens times its repos (at least one). Counted, not expanded.
size_t CheckCount(const Case& c);

// An error when the cases of `world` expand to more than `max_checks` checks in all, at the case that
// expands to the most: `tokens:` times `repos:` grows as a product, so a small file could ask for
// millions of checks (and the memory their results take).
void CheckCaseExpansion(const World& world, int max_checks, Diagnostics* diagnostics);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_LOAD_VALIDATE_H_
