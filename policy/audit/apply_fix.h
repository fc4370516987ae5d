// Copyright 2026 The hubperm Authors.
//
// policy/audit/apply_fix.h: a finding's fix, applied to the world it was found in.
//
// The audit states each fix as edits of one token's fixture entry (findings.h, FixEdit); this applies
// them to a World, by name, so that the fixed world can be written back (world_writer.h), validated and
// audited again. The audit's tests do exactly that for every finding: after its fix, it is gone.

#ifndef HUBPERM_POLICY_AUDIT_APPLY_FIX_H_
#define HUBPERM_POLICY_AUDIT_APPLY_FIX_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "policy/audit/findings.h"
#include "policy/model/world.h"

namespace hubperm {

// Applies `edits` to the token named `token` of `world`. NotFound if there is no such token. Deleting
// the token also deletes the cases that name it.
absl::Status ApplyFix(const std::string& token, const std::vector<FixEdit>& edits, World* world);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_AUDIT_APPLY_FIX_H_
