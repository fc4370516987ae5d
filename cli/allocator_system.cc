// Copyright 2026 The hubperm Authors.
//
// cli/allocator.h with the C library's allocator (the sanitizer builds: --define=malloc=system).

#include <malloc.h>

#include "cli/allocator.h"

namespace hubperm {

absl::string_view AllocatorName() { return "system"; }

bool FromMimalloc(const void*) { return false; }

size_t HeapBytesInUse() {
  const struct mallinfo2 info = mallinfo2();
  return info.uordblks + info.hblkhd;
}

void ReleaseFreeMemory() { malloc_trim(0); }

void UseLargePages() {}

}  // namespace hubperm
