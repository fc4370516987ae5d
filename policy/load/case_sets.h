// Copyright 2026 The hubperm Authors.
//
// policy/load/case_sets.h: rules over sets in test cases (docs/fixture-format.md, "Rules"). A case that
// names its tokens as `all`, a glob (`ci-*`) or `all_except: [ci]`, or its repos as `all` or a glob
// (`acme/*`), checks every combination; once every file of a world is loaded, its sets become the names
// they match, and the case runs as one that lists them (policy/cases/case_runner.h).
//
//   - name: only the CI may push to acme
//     all_except: [ci]
//     repos: acme/*
//     operation: create_commit
//     expect: deny

#ifndef HUBPERM_POLICY_LOAD_CASE_SETS_H_
#define HUBPERM_POLICY_LOAD_CASE_SETS_H_

#include "absl/strings/string_view.h"
#include "policy/common/diagnostics.h"
#include "policy/common/glob.h"
#include "policy/model/world.h"

namespace hubperm {

// Whether a name in `tokens:` or `repos:` stands for a set: `all`, or a glob.
inline bool IsSetPattern(absl::string_view name) { return name == "all" || IsGlob(name); }

// Sets each rule case's `tokens` to the world's tokens its patterns match (in the order the world lists
// them) less `all_except`, and its `repos` (and `repo_types`) to the repos its patterns match (of its
// `repo_type`, when it gives one). A pattern that matches nothing, a plain name the world lacks among
// patterns, a name in `all_except` the world lacks, and a set left empty are errors at their positions.
void ExpandCaseSets(World* world, Diagnostics* diagnostics);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_LOAD_CASE_SETS_H_
