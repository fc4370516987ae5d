// Copyright 2026 The hubperm Authors.
//
// policy/common/read_file.h: every input hubperm reads from a file or stdin, read within a bound.
//
// A path on the command line may name anything: a directory, a FIFO nobody writes to, /dev/zero, a file
// of many gigabytes. hubperm reads regular files only (opening without blocking, then asking what the
// path is), refuses one larger than the bound from its size before reading a byte, and reads stdin
// ("-") in pieces until the bound. The bounds are in docs/limits.md.
//
//   absl::StatusOr<std::string> text = ReadRegularFile("world.yaml", kMaxFixtureBytes);

#ifndef HUBPERM_POLICY_COMMON_READ_FILE_H_
#define HUBPERM_POLICY_COMMON_READ_FILE_H_

#include <cstddef>
#include <iosfwd>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace hubperm {

// A fixture file: 1 GiB (positions count lines and columns in ints; a synthetic world of a million
// repos is well under it).
inline constexpr size_t kMaxFixtureBytes = size_t{1} << 30;
// Any other input (a request body, a pasted error, a whoami-v2 response): 64 MiB.
inline constexpr size_t kMaxInputBytes = size_t{64} << 20;

// The text of the regular file at `path`. Errors, each with its message:
//   kNotFound            "cannot read 'PATH'" (missing, or not readable);
//   kFailedPrecondition  "'PATH' is a directory, not a file", or is not a regular file (a FIFO, a
//                        device, a socket), found without blocking;
//   kResourceExhausted   the file is larger than `max_bytes`, found from its size before reading.
absl::StatusOr<std::string> ReadRegularFile(absl::string_view path, size_t max_bytes);

// The text of `in` up to its end; kResourceExhausted once it has given more than `max_bytes` (reading
// stops there). `name` words the error ("stdin").
absl::StatusOr<std::string> ReadStream(std::istream& in, absl::string_view name, size_t max_bytes);

// "64 MiB", "1 GiB", "1000 bytes": a bound as messages and docs/limits.md write it.
std::string FormatBytes(size_t bytes);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_COMMON_READ_FILE_H_
