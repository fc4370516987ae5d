// Copyright 2026 The hubperm Authors.
//
// policy/compile/id_index.h: a hash index from a key to a dense id, where the key lives in the record the
// id names, not in the index.
//
// A snapshot holds each name once, in its record; an `IdIndex` finds a record by name while storing only
// the 4-byte id per entry (a map from name to id would store every name a second time, which at a million
// repos is most of a snapshot's memory). `KeyOf` reads the key of an id from the records: it must be
// callable for every id inserted, for as long as the index is used.
//
//   struct UserName { const std::vector<UserRecord>* users; absl::string_view operator()(int32_t id) const; };
//   IdIndex<absl::string_view, UserName> index(UserName{&users});
//   users.push_back(record);
//   if (!index.Insert(users.size() - 1)) users.pop_back();   // the name was taken
//   absl::optional<int32_t> id = index.Find("alice");
//
// Logically immutable once built; Find is const and thread-safe.

#ifndef HUBPERM_POLICY_COMPILE_ID_INDEX_H_
#define HUBPERM_POLICY_COMPILE_ID_INDEX_H_

#include <cstddef>
#include <cstdint>

#include "absl/container/flat_hash_set.h"
#include "absl/hash/hash.h"
#include "absl/types/optional.h"

namespace hubperm {

template <typename Key, typename KeyOf>
class IdIndex {
 public:
  explicit IdIndex(KeyOf key_of) : ids_(0, Hash{key_of}, Eq{key_of}) {}

  // Adds `id`; false, and nothing added, when another id already has its key.
  bool Insert(int32_t id) { return ids_.insert(id).second; }

  absl::optional<int32_t> Find(const Key& key) const {
    auto it = ids_.find(key);
    if (it == ids_.end()) return absl::nullopt;
    return *it;
  }

  size_t size() const { return ids_.size(); }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(int32_t id) const { return absl::Hash<Key>()(key_of(id)); }
    size_t operator()(const Key& key) const { return absl::Hash<Key>()(key); }
    KeyOf key_of;
  };
  struct Eq {
    using is_transparent = void;
    bool operator()(int32_t a, int32_t b) const { return key_of(a) == key_of(b); }
    bool operator()(int32_t a, const Key& b) const { return key_of(a) == b; }
    bool operator()(const Key& a, int32_t b) const { return a == key_of(b); }
    KeyOf key_of;
  };

  absl::flat_hash_set<int32_t, Hash, Eq> ids_;
};

}  // namespace hubperm

#endif  // HUBPERM_POLICY_COMPILE_ID_INDEX_H_
