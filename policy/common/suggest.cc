// Copyright 2026 The hubperm Authors.

#include "policy/common/suggest.h"

#include <algorithm>
#include <array>
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

int BoundedEditDistance(absl::string_view a, absl::string_view b, int max) {
  if (a.size() < b.size()) std::swap(a, b);  // b is the shorter: rows run over a, the band over b
  const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  const int far = max + 1;
  if (n - m > max) return far;
  // Row i holds the distances of a[0, i) to b[0, j) for the j within `max` of i; cells outside the band
  // are `far`. Three rows, as EditDistance keeps; on the stack for names of usual length, as this runs
  // once per candidate name.
  constexpr int kStackRow = 128;
  int stack[3 * kStackRow];
  std::vector<int> heap;
  int* rows = stack;
  if (m + 1 > kStackRow) {
    heap.resize(3 * static_cast<size_t>(m + 1));
    rows = heap.data();
  }
  int* before = rows;
  int* previous = rows + (m + 1);
  int* current = rows + 2 * (m + 1);
  std::fill(rows, rows + 3 * (m + 1), far);
  for (int j = 0; j <= std::min(m, max); ++j) previous[j] = j;
  auto lower = [](char c) { return absl::ascii_tolower(static_cast<unsigned char>(c)); };
  for (int i = 1; i <= n; ++i) {
    const int lo = std::max(1, i - max), hi = std::min(m, i + max);
    current[lo - 1] = lo == 1 && i <= max ? i : far;
    int row_min = current[lo - 1];
    const char ai = lower(a[i - 1]);
    const char ai_before = i > 1 ? lower(a[i - 2]) : '\0';
    for (int j = lo; j <= hi; ++j) {
      const char bj = lower(b[j - 1]);
      int d = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ai == bj ? 0 : 1)});
      if (i > 1 && j > 1 && ai == lower(b[j - 2]) && ai_before == bj) d = std::min(d, before[j - 2] + 1);
      current[j] = std::min(d, far);
      row_min = std::min(row_min, current[j]);
    }
    if (hi < m) current[hi + 1] = far;
    if (row_min >= far) return far;  // every path through this row is already too long
    int* oldest = before;
    before = previous;
    previous = current;
    current = oldest;
  }
  return std::min(previous[m], far);
}

std::vector<size_t> LowestScores(absl::Span<const int> scores, size_t n) {
  std::vector<size_t> order(scores.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return scores[a] < scores[b]; });
  if (order.size() > n) order.resize(n);
  return order;
}

namespace {

// The largest distance ClosestNames accepts between `name` and a candidate of `length`.
int Limit(absl::string_view name, size_t length) {
  return std::min(kMaxSuggestDistance, std::max(1, static_cast<int>(std::max(name.size(), length) / 3)));
}

// A lower bound on the edit distance from one name to many candidates, from their letters alone: an
// insertion or a deletion changes the letter counts by one, a substitution by two, a transposition not
// at all, so the distance is at least half the L1 difference of the counts. It rules out most
// candidates in time linear in their length, before the banded distance runs.
class LetterBound {
 public:
  explicit LetterBound(absl::string_view name) : name_(name) {
    counts_.fill(0);
    for (char c : name) ++counts_[Index(c)];
    scratch_ = counts_;
  }

  int Of(absl::string_view candidate) {
    for (char c : candidate) --scratch_[Index(c)];
    int l1 = 0;
    // Every count that differs is reached from a letter of one of the two; each is summed once.
    for (absl::string_view side : {name_, candidate}) {
      for (char c : side) {
        int& d = scratch_[Index(c)];
        l1 += d < 0 ? -d : d;
        d = 0;
      }
    }
    for (absl::string_view side : {name_, candidate}) {
      for (char c : side) scratch_[Index(c)] = counts_[Index(c)];
    }
    return (l1 + 1) / 2;
  }

 private:
  static size_t Index(char c) { return static_cast<unsigned char>(absl::ascii_tolower(static_cast<unsigned char>(c))); }

  absl::string_view name_;
  std::array<int, 256> counts_;
  std::array<int, 256> scratch_;
};

// The distance from `name` to `candidate` when at most `limit`, else limit + 1.
int DistanceWithin(LetterBound& bound, absl::string_view name, absl::string_view candidate, int limit) {
  if (bound.Of(candidate) > limit) return limit + 1;
  return BoundedEditDistance(name, candidate, limit);
}

}  // namespace

std::vector<std::string> ClosestNames(absl::string_view name, absl::Span<const absl::string_view> candidates,
                                      int max_results) {
  std::vector<int> distances;
  distances.reserve(candidates.size());
  LetterBound bound(name);
  for (absl::string_view candidate : candidates) {
    const int limit = Limit(name, candidate.size());
    const int d = DistanceWithin(bound, name, candidate, limit);
    distances.push_back(d <= limit ? d : kMaxSuggestDistance + 1);
  }
  std::vector<std::string> out;
  for (size_t i : LowestScores(distances, candidates.size())) {
    if (static_cast<int>(out.size()) == max_results || distances[i] > kMaxSuggestDistance) break;
    out.emplace_back(candidates[i]);
  }
  return out;
}

std::vector<std::string> NearestNames(absl::string_view name, absl::Span<const absl::string_view> candidates,
                                      size_t n) {
  std::vector<std::string> out;
  std::vector<int> distances;
  distances.reserve(candidates.size());
  LetterBound bound(name);
  for (absl::string_view candidate : candidates) {
    distances.push_back(DistanceWithin(bound, name, candidate, kMaxSuggestDistance));
  }
  for (size_t i : LowestScores(distances, n)) out.emplace_back(candidates[i]);
  return out;
}

std::string DidYouMean(absl::string_view name, absl::Span<const absl::string_view> candidates) {
  std::vector<std::string> close = ClosestNames(name, candidates, 2);
  if (close.empty()) return "";
  if (close.size() == 1) return absl::StrCat("; did you mean '", close[0], "'?");
  return absl::StrCat("; did you mean '", close[0], "' or '", close[1], "'?");
}

}  // namespace hubperm
