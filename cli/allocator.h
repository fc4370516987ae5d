// Copyright 2026 The hubperm Authors.
//
// cli/allocator.h: the allocator hubperm's binaries run on.
//
// `hubperm` and the benchmarks link mimalloc (Debian's libmimalloc), whose malloc and free replace the C
// library's for the whole process: an audit allocates and frees millions of small strings and vectors,
// and on a large world glibc's malloc spent a third of the audit walking its free lists. The sanitizer
// builds (`--config=asan`, `--config=fuzz`, which set `--define=malloc=system`) keep the C library's,
// which the sanitizers replace themselves. A program that embeds policy/ keeps whatever allocator it has.
//
//   UseLargePages();  // before building a large result: the audit's report
//
// Measured in README.md (Performance).

#ifndef HUBPERM_CLI_ALLOCATOR_H_
#define HUBPERM_CLI_ALLOCATOR_H_

#include <cstddef>

#include "absl/strings/string_view.h"

namespace hubperm {

// "mimalloc", or "system" in the sanitizer builds.
absl::string_view AllocatorName();

// Whether `p`, a pointer malloc returned, came from mimalloc: it did exactly when AllocatorName() is
// "mimalloc" and the binary's malloc really is mimalloc's (the link put it before the C library's).
bool FromMimalloc(const void* p);

// The heap bytes in use: with mimalloc, those of the calling thread's heap (each block at its size
// class), else the whole process's: AddressSanitizer's count in the asan and fuzz builds, glibc's
// (mallinfo2) otherwise. For measuring what a structure holds: take it before and after building it on
// one thread.
size_t HeapBytesInUse();

// Gives the memory freed so far back to the OS where the allocator can (mi_collect, malloc_trim).
void ReleaseFreeMemory();

// From here on the allocator asks the OS for 2 MiB pages where it can (transparent huge pages), so the
// kernel faults in and clears one page per 2 MiB rather than per 4 KiB: for the audit, whose report of a
// large world is hundreds of MiB of fresh memory (L's audit took 11.5 instead of 17 s). Not from the
// start: committing memory in 2 MiB pages raises the peak of `hubperm check` on L above its 1 GiB.
// Does nothing with the system allocator.
void UseLargePages();

}  // namespace hubperm

#endif  // HUBPERM_CLI_ALLOCATOR_H_
