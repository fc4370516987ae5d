// Copyright 2026 The hubperm Authors.
//
// policy/compile/ids.h: the dense ids a Snapshot interns names into, one distinct type per kind.
//
// A UserId cannot be passed where an OrgId is wanted: each kind is its own type over an int32 index
// into the snapshot's records of that kind. kNoId is "no record" for every kind.
//
//   UserId owner = kNoId;
//   if (owner == kNoId) ...
//   const Snapshot::UserRecord& user = snapshot.user(UserId(0));

#ifndef HUBPERM_POLICY_COMPILE_IDS_H_
#define HUBPERM_POLICY_COMPILE_IDS_H_

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace hubperm {

// "No record", for ids of every kind.
struct NoId {};
inline constexpr NoId kNoId{};

template <typename Tag>
class Id {
 public:
  constexpr Id() = default;  // no record
  constexpr Id(NoId) {}      // NOLINT: implicit, so that `UserId id = kNoId;` and `id == kNoId` read well
  constexpr explicit Id(int32_t index) : index_(index) {}

  // The record's position among those of its kind.
  constexpr int32_t index() const { return index_; }
  constexpr bool valid() const { return index_ >= 0; }

  friend constexpr bool operator==(Id a, Id b) { return a.index_ == b.index_; }
  friend constexpr bool operator!=(Id a, Id b) { return a.index_ != b.index_; }
  friend constexpr bool operator<(Id a, Id b) { return a.index_ < b.index_; }
  template <typename H>
  friend H AbslHashValue(H h, Id id) {
    return H::combine(std::move(h), id.index_);
  }

 private:
  int32_t index_ = -1;
};

// Where a field holds the id of one of several kinds (a scope's entity, by its type), it holds the
// index, and kNoIndex for none.
inline constexpr int32_t kNoIndex = -1;

// The ids 0 .. count-1 of one kind, for `for (RepoId id : IdsUpTo<RepoId>(snapshot.repo_count()))`.
template <typename IdType>
class IdRange {
 public:
  class Iterator {
   public:
    explicit Iterator(int32_t i) : i_(i) {}
    IdType operator*() const { return IdType(i_); }
    Iterator& operator++() {
      ++i_;
      return *this;
    }
    bool operator!=(const Iterator& other) const { return i_ != other.i_; }

   private:
    int32_t i_;
  };
  explicit IdRange(int32_t count) : count_(count) {}
  Iterator begin() const { return Iterator(0); }
  Iterator end() const { return Iterator(count_); }

 private:
  int32_t count_;
};

template <typename IdType>
IdRange<IdType> IdsUpTo(int count) {
  return IdRange<IdType>(static_cast<int32_t>(count));
}

// A vector indexed by the ids of one kind.
template <typename IdType, typename Value>
class IdVector {
 public:
  IdVector() = default;
  explicit IdVector(int count, const Value& value = Value()) : values_(static_cast<size_t>(count), value) {}
  Value& operator[](IdType id) { return values_[static_cast<size_t>(id.index())]; }
  const Value& operator[](IdType id) const { return values_[static_cast<size_t>(id.index())]; }
  size_t size() const { return values_.size(); }
  // The values in id order.
  typename std::vector<Value>::iterator begin() { return values_.begin(); }
  typename std::vector<Value>::iterator end() { return values_.end(); }
  typename std::vector<Value>::const_iterator begin() const { return values_.begin(); }
  typename std::vector<Value>::const_iterator end() const { return values_.end(); }

 private:
  std::vector<Value> values_;
};

using UserId = Id<struct UserIdTag>;
using OrgId = Id<struct OrgIdTag>;
using GroupId = Id<struct GroupIdTag>;
using RepoId = Id<struct RepoIdTag>;
using TokenId = Id<struct TokenIdTag>;

}  // namespace hubperm

#endif  // HUBPERM_POLICY_COMPILE_IDS_H_
