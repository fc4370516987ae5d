// Copyright 2026 The hubperm Authors.

#include "policy/common/read_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <istream>

#include "absl/strings/str_cat.h"
#include "policy/common/escape.h"

namespace hubperm {
namespace {

absl::Status TooLarge(absl::string_view what, size_t max_bytes) {
  return absl::ResourceExhaustedError(absl::StrCat(what, " is larger than ", FormatBytes(max_bytes),
                                                   "; hubperm reads no input that large (see docs/limits.md)"));
}

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

}  // namespace

std::string FormatBytes(size_t bytes) {
  if (bytes >= (size_t{1} << 30) && bytes % (size_t{1} << 30) == 0) return absl::StrCat(bytes >> 30, " GiB");
  if (bytes >= (size_t{1} << 20) && bytes % (size_t{1} << 20) == 0) return absl::StrCat(bytes >> 20, " MiB");
  if (bytes >= (size_t{1} << 10) && bytes % (size_t{1} << 10) == 0) return absl::StrCat(bytes >> 10, " KiB");
  return absl::StrCat(bytes, bytes == 1 ? " byte" : " bytes");
}

absl::StatusOr<std::string> ReadRegularFile(absl::string_view path, size_t max_bytes) {
  // O_NONBLOCK: opening a FIFO that has no writer returns at once instead of waiting for one.
  Fd fd(open(std::string(path).c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
  if (fd.get() < 0) {
    struct stat info;
    if (stat(std::string(path).c_str(), &info) == 0 && S_ISDIR(info.st_mode)) {
      return absl::FailedPreconditionError(absl::StrCat(QuotePath(path), " is a directory, not a file"));
    }
    return absl::NotFoundError(absl::StrCat("cannot read ", QuotePath(path)));
  }
  struct stat info;
  if (fstat(fd.get(), &info) != 0) return absl::NotFoundError(absl::StrCat("cannot read ", QuotePath(path)));
  if (S_ISDIR(info.st_mode)) {
    return absl::FailedPreconditionError(absl::StrCat(QuotePath(path), " is a directory, not a file"));
  }
  if (!S_ISREG(info.st_mode)) {
    return absl::FailedPreconditionError(absl::StrCat(
        QuotePath(path), " is not a regular file (a FIFO, a device or a socket); give a file, or '-' for stdin"));
  }
  if (static_cast<unsigned long long>(info.st_size) > max_bytes) return TooLarge(QuotePath(path), max_bytes);
  std::string text;
  text.resize(static_cast<size_t>(info.st_size));
  size_t filled = 0;
  // The file may grow while it is read: read to its end, never past the bound. Once the size it had is
  // read, a small read tells whether there is more before the buffer grows, so that a file that did not
  // grow is held in exactly its size (a 1 GiB fixture, not 2).
  for (;;) {
    if (filled == text.size()) {
      char probe[4096];
      ssize_t more;
      do {
        more = read(fd.get(), probe, sizeof probe);
      } while (more < 0 && errno == EINTR);
      if (more < 0) return absl::DataLossError(absl::StrCat("error while reading ", QuotePath(path)));
      if (more == 0) break;
      text.append(probe, static_cast<size_t>(more));
      filled = text.size();
      if (text.size() > max_bytes) return TooLarge(QuotePath(path), max_bytes);
      text.resize(std::min(max_bytes + 1, std::max<size_t>(text.size() * 2, 4096)));
    }
    const ssize_t got = read(fd.get(), text.data() + filled, text.size() - filled);
    if (got < 0) {
      if (errno == EINTR) continue;
      return absl::DataLossError(absl::StrCat("error while reading ", QuotePath(path)));
    }
    if (got == 0) break;
    filled += static_cast<size_t>(got);
  }
  text.resize(filled);
  if (text.size() > max_bytes) return TooLarge(QuotePath(path), max_bytes);
  return text;
}

absl::StatusOr<std::string> ReadStream(std::istream& in, absl::string_view name, size_t max_bytes) {
  std::string text;
  char chunk[1 << 16];
  while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
    text.append(chunk, static_cast<size_t>(in.gcount()));
    if (text.size() > max_bytes) return TooLarge(name, max_bytes);
  }
  return text;
}

}  // namespace hubperm
