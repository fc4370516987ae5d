// Copyright 2026 The hubperm Authors.
//
// policy/mint/mint_report.h: a minted token for people (a fixture to paste, with why each permission is
// there) and for tools (JSON, schema hubperm.mint/v1, docs/mint.md).
//
//   std::cout << RenderMintedFixture(minted, intents, files);
//   diagnostics = MintProblems(minted, intents);   // an intent no token can allow: an error at its position

#ifndef HUBPERM_POLICY_MINT_MINT_REPORT_H_
#define HUBPERM_POLICY_MINT_MINT_REPORT_H_

#include <string>
#include <vector>

#include "policy/common/diagnostics.h"
#include "policy/common/source.h"
#include "policy/mint/intents.h"
#include "policy/mint/mint.h"

namespace hubperm {

// The token as a fixture (`tokens:` with the one minted entry), after comments that list the intents
// (numbered from 1, with their positions and outcomes), the orgs that must approve the token, and, for
// each permission, the intents denied without it.
// With `compare` (mint --compare TOKEN), the comments also say how that token differs.
std::string RenderMintedFixture(const MintResult& minted, const std::vector<Intent>& intents, const SourceFiles& files,
                                const MintComparison* compare = nullptr);

// The same as JSON (hubperm.mint/v1): the token's scopes with each permission's intents, each intent's
// outcome, the approvals, and the fixture text.
// With `compare`, the key "compare" holds the difference (null without).
std::string RenderMintJson(const MintResult& minted, const std::vector<Intent>& intents, const SourceFiles& files,
                           const MintComparison* compare = nullptr);

// An error at each intent no token can allow (the owner's user side forbids it, or no fine-grained
// permission can), and a warning at each intent hubperm does not model (it is not decided).
Diagnostics MintProblems(const MintResult& minted, const std::vector<Intent>& intents);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_MINT_MINT_REPORT_H_
