// Copyright 2026 The hubperm Authors.
//
// cli/allocator.h with the C library's allocator (the sanitizer builds: --define=malloc=system).

#include <malloc.h>

#include "cli/allocator.h"

// Whether this build runs under AddressSanitizer, whose allocator replaces the C library's (and counts its
// own bytes: mallinfo2 then reports nothing).
#if defined(__SANITIZE_ADDRESS__)
#define HUBPERM_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define HUBPERM_ASAN 1
#endif
#endif

#ifdef HUBPERM_ASAN
// The sanitizers' public interface (sanitizer/allocator_interface.h, which Debian ships with clang but not
// with gcc): the bytes their allocator holds for the program.
extern "C" size_t __sanitizer_get_current_allocated_bytes(void);
#endif

namespace hubperm {

absl::string_view AllocatorName() { return "system"; }

bool FromMimalloc(const void*) { return false; }

size_t HeapBytesInUse() {
#ifdef HUBPERM_ASAN
  return __sanitizer_get_current_allocated_bytes();
#else
  const struct mallinfo2 info = mallinfo2();
  return info.uordblks + info.hblkhd;
#endif
}

void ReleaseFreeMemory() { malloc_trim(0); }

void UseLargePages() {}

}  // namespace hubperm
