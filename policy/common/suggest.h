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

// EditDistance(a, b) when it is at most `max`, else max + 1. A banded computation: time
// O((max + 1) * min(|a|, |b|)), and O(1) when the lengths alone differ by more than `max`.
int BoundedEditDistance(absl::string_view a, absl::string_view b, int max);

// The farthest suggestion: however long the names, a candidate more than this many edits away is not
// "what the user meant", and bounding it keeps the cost per candidate linear in the names' length.
inline constexpr int kMaxSuggestDistance = 8;

// Up to `max_results` of `candidates` close enough to `name` to be what the user meant (an edit distance
// of at most a third of the longer name, at least 1 and at most kMaxSuggestDistance), nearest first,
// ties in candidate order. Time linear in the candidates' total length.
std::vector<std::string> ClosestNames(absl::string_view name, absl::Span<const absl::string_view> candidates,
                                      int max_results = 1);

// The `n` candidates nearest to `name` by EditDistance (for "the nearest known: ..."), nearest first,
// ties in candidate order; distances beyond kMaxSuggestDistance count as equal. Time linear in the
// candidates' total length.
std::vector<std::string> NearestNames(absl::string_view name, absl::Span<const absl::string_view> candidates,
                                      size_t n);

// The indices of the `n` lowest `scores`, lowest first, ties in index order.
std::vector<size_t> LowestScores(absl::Span<const int> scores, size_t n);

// "; did you mean 'x'?" when one candidate is close, "; did you mean 'x' or 'y'?" for two, else "".
std::string DidYouMean(absl::string_view name, absl::Span<const absl::string_view> candidates);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_COMMON_SUGGEST_H_
