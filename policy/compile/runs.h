// Copyright 2026 The hubperm Authors.
//
// policy/compile/runs.h: values keyed by (owner, key), stored as one sorted run per owner.
//
// The snapshot's relations (a user's org and group roles, a token's approvals, a user's access requests)
// are small per owner: a user belongs to a few orgs, a token is approved by a few. A run per owner in one
// array, found through a dense array of run starts, is a lookup that reads the owner's start (a small
// array that stays in cache) and one cache line of entries, where a hash table probes its control bytes
// and then its slot, and costs a miss even for a key it does not hold.
//
//   Runs<RoleGrant<OrgRole>> roles;
//   roles.Build(user_count, {{user, org, grant}, ...});
//   const RoleGrant<OrgRole>* grant = roles.Find(user, org);   // nullptr when absent
//
// Immutable after Build, and safe to read from any number of threads.

#ifndef HUBPERM_POLICY_COMPILE_RUNS_H_
#define HUBPERM_POLICY_COMPILE_RUNS_H_

#include <algorithm>
#include <cstdint>
#include <tuple>
#include <utility>
#include <vector>

namespace hubperm {

// Where one owner's run is in a Runs: a decision keeps it beside the owner's other facts, and looks a key up
// in it without reading the owner's start first (Runs::RangeOf, Runs::FindIn).
struct RunRange {
  uint32_t begin = 0, end = 0;
};

template <typename Value>
class Runs {
 public:
  struct Entry {
    int32_t owner;
    int32_t key;
    Value value;
  };

  // Replaces the contents with `entries` for owners 0 to `owners` - 1. Of entries with the same owner and
  // key, the first given is kept.
  void Build(int owners, std::vector<Entry> entries) {
    std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
      return std::tie(a.owner, a.key) < std::tie(b.owner, b.key);
    });
    begin_.assign(static_cast<size_t>(owners) + 1, 0);
    items_.clear();
    for (size_t i = 0; i < entries.size(); ++i) {
      if (i > 0 && entries[i].owner == entries[i - 1].owner && entries[i].key == entries[i - 1].key) continue;
      ++begin_[entries[i].owner + 1];
      items_.emplace_back(entries[i].key, std::move(entries[i].value));
    }
    for (int o = 0; o < owners; ++o) begin_[o + 1] += begin_[o];
    items_.shrink_to_fit();
  }

  // The value of (owner, key), or nullptr. Linear in the owner's run.
  const Value* Find(int32_t owner, int32_t key) const {
    if (owner < 0 || key < 0 || static_cast<size_t>(owner) + 1 >= begin_.size()) return nullptr;
    for (uint32_t i = begin_[owner]; i < begin_[owner + 1]; ++i) {
      if (items_[i].first == key) return &items_[i].second;
    }
    return nullptr;
  }

  // The run of `owner` (empty for an owner it does not hold).
  RunRange RangeOf(int32_t owner) const {
    if (owner < 0 || static_cast<size_t>(owner) + 1 >= begin_.size()) return RunRange();
    return RunRange{begin_[owner], begin_[owner + 1]};
  }
  // The value of `key` in the run `range` (RangeOf), or nullptr.
  const Value* FindIn(RunRange range, int32_t key) const {
    for (uint32_t i = range.begin; i < range.end; ++i) {
      if (items_[i].first == key) return &items_[i].second;
    }
    return nullptr;
  }

  // Calls `visit(owner, key, value)` for every entry, by owner and key.
  template <typename Visit>
  void ForEach(Visit visit) const {
    for (size_t o = 0; o + 1 < begin_.size(); ++o) {
      for (uint32_t i = begin_[o]; i < begin_[o + 1]; ++i) visit(static_cast<int32_t>(o), items_[i].first, items_[i].second);
    }
  }

  // Calls `visit(key, value)` for each entry of `owner`, by key.
  template <typename Visit>
  void ForEachOf(int32_t owner, Visit visit) const {
    if (owner < 0 || static_cast<size_t>(owner) + 1 >= begin_.size()) return;
    for (uint32_t i = begin_[owner]; i < begin_[owner + 1]; ++i) visit(items_[i].first, items_[i].second);
  }

  size_t size() const { return items_.size(); }

 private:
  std::vector<uint32_t> begin_;                   // owner -> its run's start; begin_[owners] is the end
  std::vector<std::pair<int32_t, Value>> items_;  // (key, value), by owner then key
};

}  // namespace hubperm

#endif  // HUBPERM_POLICY_COMPILE_RUNS_H_
