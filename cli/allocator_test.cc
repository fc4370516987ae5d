// Copyright 2026 The hubperm Authors.
//
// cli/allocator.h: the build links the allocator it says, and malloc really is that allocator's.

#include "cli/allocator.h"

#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace hubperm {
namespace {

TEST(Allocator, MallocIsTheAllocatorTheBuildNames) {
#ifdef HUBPERM_SYSTEM_MALLOC
  EXPECT_EQ(AllocatorName(), "system");
#else
  EXPECT_EQ(AllocatorName(), "mimalloc");
#endif
  // malloc, and operator new (libstdc++'s, which calls malloc), both land in the named allocator.
  void* p = std::malloc(64);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(FromMimalloc(p), AllocatorName() == "mimalloc");
  std::free(p);
  auto s = std::make_unique<std::string>(200, 'x');
  EXPECT_EQ(FromMimalloc(s->data()), AllocatorName() == "mimalloc");
}

TEST(Allocator, HeapBytesInUseCountsWhatIsHeld) {
  const size_t before = HeapBytesInUse();
  std::vector<std::unique_ptr<char[]>> held;
  for (int i = 0; i < 1000; ++i) held.emplace_back(new char[1000]);
  const size_t during = HeapBytesInUse();
  EXPECT_GE(during - before, 1000u * 1000u);
  EXPECT_LE(during - before, 1000u * 1000u * 2) << "a 1000-byte block counts at its size class, not more";
  held.clear();
  held.shrink_to_fit();
  EXPECT_LT(HeapBytesInUse(), during);
}

TEST(Allocator, LargePagesKeepAllocating) {
  UseLargePages();
  // After the switch, small and large blocks still come and go (and from the same allocator).
  for (size_t size : {16u, 4096u, 3u << 20}) {
    void* p = std::malloc(size);
    ASSERT_NE(p, nullptr);
    static_cast<char*>(p)[size - 1] = 1;
    EXPECT_EQ(FromMimalloc(p), AllocatorName() == "mimalloc");
    std::free(p);
  }
}

}  // namespace
}  // namespace hubperm
