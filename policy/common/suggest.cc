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

std::vector<size_t> LowestScores(absl::Span<const int> scores, size_t n) {
  std::vector<size_t> order(scores.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return scores[a] < scores[b]; });
  if (order.size() > n) order.resize(n);
  return order;
}

namespace {

std::vector<int> Distances(absl::string_view name, absl::Span<const absl::string_view> candidates) {
  std::vector<int> distances;
  distances.reserve(candidates.size());
  for (absl::string_view candidate : candidates) distances.push_back(EditDistance(name, candidate));
  return distances;
}

}  // namespace

std::vector<std::string> ClosestNames(absl::string_view name, absl::Span<const absl::string_view> candidates,
                                      int max_results) {
  const std::vector<int> distances = Distances(name, candidates);
  std::vector<std::string> out;
  for (size_t i : LowestScores(distances, candidates.size())) {
    if (static_cast<int>(out.size()) == max_results) break;
    const int limit = static_cast<int>(std::max(name.size(), candidates[i].size()) / 3);
    if (distances[i] <= std::max(limit, 1)) out.emplace_back(candidates[i]);
  }
  return out;
}

std::vector<std::string> NearestNames(absl::string_view name, absl::Span<const absl::string_view> candidates,
                                      size_t n) {
  std::vector<std::string> out;
  for (size_t i : LowestScores(Distances(name, candidates), n)) out.emplace_back(candidates[i]);
  return out;
}

std::string DidYouMean(absl::string_view name, absl::Span<const absl::string_view> candidates) {
  std::vector<std::string> close = ClosestNames(name, candidates, 2);
  if (close.empty()) return "";
  if (close.size() == 1) return absl::StrCat("; did you mean '", close[0], "'?");
  return absl::StrCat("; did you mean '", close[0], "' or '", close[1], "'?");
}

}  // namespace hubperm
