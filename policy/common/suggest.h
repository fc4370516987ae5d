// Copyright 2026 The hubperm Authors.
//
// policy/common/suggest.h: "did you mean ...?" for names the user misspelled.

#ifndef HUBPERM_POLICY_COMMON_SUGGEST_H_
#define HUBPERM_POLICY_COMMON_SUGGEST_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace hubperm {

// The edit distance between `a` and `b` (insertions, deletions, substitutions and transpositions of
// adjacent characters each count 1), ASCII case-insensitive.
int EditDistance(absl::string_view a, absl::string_view b);

// Up to `max_results` of `candidates` close enough to `name` to be what the user meant (an edit distance
// of at most a third of the longer name, and at least 1), nearest first, ties in candidate order.
std::vector<std::string> ClosestNames(absl::string_view name, absl::Span<const absl::string_view> candidates,
                                      int max_results = 1);

// The `n` candidates nearest to `name` by EditDistance, however far (for "the nearest known: ..."),
// nearest first, ties in candidate order.
std::vector<std::string> NearestNames(absl::string_view name, absl::Span<const absl::string_view> candidates,
                                      size_t n);

// The indices of the `n` lowest `scores`, lowest first, ties in index order.
std::vector<size_t> LowestScores(absl::Span<const int> scores, size_t n);

// "; did you mean 'x'?" when one candidate is close, "; did you mean 'x' or 'y'?" for two, else "".
std::string DidYouMean(absl::string_view name, absl::Span<const absl::string_view> candidates);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_COMMON_SUGGEST_H_
