// Copyright 2026 The hubperm Authors.

#include "policy/common/suggest.h"

#include <algorithm>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace hubperm {

int EditDistance(absl::string_view a, absl::string_view b) {
  // Optimal string alignment: Levenshtein plus transposition of two adjacent characters, the most common
  // typo ("wirte"). Three rows: the one before the previous is needed for transpositions.
  auto same = [&](size_t i, size_t j) { return absl::ascii_tolower(a[i]) == absl::ascii_tolower(b[j]); };
  std::vector<int> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) previous[j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    current[0] = static_cast<int>(i);
    for (size_t j = 1; j <= b.size(); ++j) {
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (same(i - 1, j - 1) ? 0 : 1)});
      if (i > 1 && j > 1 && same(i - 1, j - 2) && same(i - 2, j - 1)) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[b.size()];
}

std::vector<std::string> ClosestNames(absl::string_view name, absl::Span<const absl::string_view> candidates,
                                      int max_results) {
  std::vector<std::pair<int, size_t>> scored;  // (distance, index in candidates)
  for (size_t i = 0; i < candidates.size(); ++i) {
    const int limit = static_cast<int>(std::max(name.size(), candidates[i].size()) / 3);
    const int distance = EditDistance(name, candidates[i]);
    if (distance <= std::max(limit, 1)) scored.emplace_back(distance, i);
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> out;
  for (const auto& [distance, index] : scored) {
    if (static_cast<int>(out.size()) == max_results) break;
    out.emplace_back(candidates[index]);
  }
  return out;
}

std::string DidYouMean(absl::string_view name, absl::Span<const absl::string_view> candidates) {
  std::vector<std::string> close = ClosestNames(name, candidates, 2);
  if (close.empty()) return "";
  if (close.size() == 1) return absl::StrCat("; did you mean '", close[0], "'?");
  return absl::StrCat("; did you mean '", close[0], "' or '", close[1], "'?");
}

}  // namespace hubperm
