// Copyright 2026 The hubperm Authors.
//
// Check allocates nothing: this binary counts every operator new, and deciding every request of random
// worlds (and of the founding world) must not call it once. (Time is measured in bench/, never here.)

#include <atomic>
#include <cstdlib>
#include <new>

#include "gtest/gtest.h"
#include "policy/compile/snapshot.h"
#include "policy/decide/check.h"
#include "policy/load/fixtures.h"
#include "policy/load/world_writer.h"
#include "policy/testing/random_world.h"
#include "testdata/fixture_files.h"

namespace {
std::atomic<long> g_allocations{0};
}  // namespace

void* operator new(std::size_t size) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
// The nothrow forms (std::stable_sort's buffer uses one) count too, and pair with the deletes below.
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  return std::malloc(size == 0 ? 1 : size);
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }

namespace hubperm {
namespace {

long DecideAll(const Snapshot& s, const std::vector<Request>& requests, int* allowed) {
  const long before = g_allocations.load();
  for (const Request& r : requests) *allowed += Check(s, r).allowed;
  return g_allocations.load() - before;
}

TEST(CheckAllocTest, TheCounterCounts) {
  const long before = g_allocations.load();
  std::vector<int>* v = new std::vector<int>(3);
  delete v;
  EXPECT_GE(g_allocations.load() - before, 2);
}

TEST(CheckAllocTest, DecidingAllocatesNothing) {
  int allowed = 0, decided = 0;
  for (uint32_t seed = 0; seed < 20; ++seed) {
    Fixtures fixtures = LoadFixtureTexts({{"w.yaml", WriteFixture(RandomWorld(seed, RandomWorldShape{}))}});
    ASSERT_TRUE(fixtures.ok());
    const std::shared_ptr<const Snapshot> s = Snapshot::Compile(fixtures.world, std::move(fixtures.files));
    const std::vector<Request> requests = AllRequests(*s);
    EXPECT_EQ(DecideAll(*s, requests, &allowed), 0) << "seed " << seed;
    decided += static_cast<int>(requests.size());
  }
  Fixtures founding = LoadFixtures({"testdata/founding/world.yaml"});
  ASSERT_TRUE(founding.ok());
  const std::shared_ptr<const Snapshot> s = Snapshot::Compile(founding.world, std::move(founding.files));
  EXPECT_EQ(DecideAll(*s, AllRequests(*s), &allowed), 0);
  EXPECT_GT(decided, 10000);
  EXPECT_GT(allowed, 0);
}

}  // namespace
}  // namespace hubperm
