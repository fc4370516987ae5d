// Copyright 2026 The hubperm Authors.
//
// cli/allocator.h with mimalloc (the normal and optimized builds).

#include <mimalloc.h>

#include "cli/allocator.h"

namespace hubperm {

absl::string_view AllocatorName() { return "mimalloc"; }

bool FromMimalloc(const void* p) { return mi_is_in_heap_region(p); }

size_t HeapBytesInUse() {
  size_t bytes = 0;
  // Area by area, not block by block: each area counts its blocks in use.
  mi_heap_visit_blocks(
      mi_heap_get_default(), /*visit_all_blocks=*/false,
      [](const mi_heap_t*, const mi_heap_area_t* area, void*, size_t, void* arg) {
        *static_cast<size_t*>(arg) += area->used * area->block_size;
        return true;
      },
      &bytes);
  return bytes;
}

void ReleaseFreeMemory() { mi_collect(/*force=*/true); }

void UseLargePages() { mi_option_set(mi_option_large_os_pages, 1); }

}  // namespace hubperm
