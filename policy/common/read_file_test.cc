// Copyright 2026 The hubperm Authors.

#include "policy/common/read_file.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "gtest/gtest.h"

namespace hubperm {
namespace {

std::string TempPath(const std::string& name) {
  const char* dir = std::getenv("TEST_TMPDIR");
  return std::string(dir != nullptr ? dir : "/tmp") + "/" + name;
}

TEST(ReadFileTest, ReadsARegularFile) {
  const std::string path = TempPath("small.yaml");
  std::ofstream(path) << "users: {alice: {}}\n";
  absl::StatusOr<std::string> text = ReadRegularFile(path, 1000);
  ASSERT_TRUE(text.ok()) << text.status();
  EXPECT_EQ(*text, "users: {alice: {}}\n");
}

TEST(ReadFileTest, RefusesAFileLargerThanTheBoundBeforeReadingIt) {
  const std::string path = TempPath("large.yaml");
  std::ofstream(path) << std::string(2048, 'x');
  absl::StatusOr<std::string> text = ReadRegularFile(path, 1024);
  EXPECT_EQ(text.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(text.status().message(),
            "'" + path + "' is larger than 1 KiB; hubperm reads no input that large (see docs/limits.md)");
  EXPECT_TRUE(ReadRegularFile(path, 2048).ok());
}

TEST(ReadFileTest, RefusesWhatIsNotARegularFileWithoutBlocking) {
  const std::string fifo = TempPath("fifo");
  unlink(fifo.c_str());
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  // Nobody writes to the FIFO: opening it for reading must not wait for a writer.
  EXPECT_EQ(ReadRegularFile(fifo, 1024).status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(ReadRegularFile("/dev/zero", 1024).status().code(), absl::StatusCode::kFailedPrecondition);
  absl::StatusOr<std::string> dir = ReadRegularFile(TempPath(""), 1024);
  EXPECT_EQ(dir.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_NE(dir.status().message().find("is a directory, not a file"), absl::string_view::npos);
  EXPECT_EQ(ReadRegularFile(TempPath("missing"), 1024).status().code(), absl::StatusCode::kNotFound);
}

TEST(ReadFileTest, APathInAMessageIsEscaped) {
  absl::StatusOr<std::string> text = ReadRegularFile("no\x1b[2Jsuch", 10);
  EXPECT_EQ(text.status().message(), "cannot read 'no\\x1B[2Jsuch'");
}

TEST(ReadFileTest, StreamsStopAtTheBound) {
  std::istringstream small("abc");
  EXPECT_EQ(*ReadStream(small, "stdin", 3), "abc");
  std::istringstream large(std::string(200000, 'x'));
  absl::StatusOr<std::string> text = ReadStream(large, "stdin", 100000);
  EXPECT_EQ(text.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(text.status().message(), "stdin is larger than 100000 bytes; hubperm reads no input that large (see docs/limits.md)");
}

TEST(ReadFileTest, FormatsBounds) {
  EXPECT_EQ(FormatBytes(size_t{1} << 30), "1 GiB");
  EXPECT_EQ(FormatBytes(size_t{64} << 20), "64 MiB");
  EXPECT_EQ(FormatBytes(1), "1 byte");
}

}  // namespace
}  // namespace hubperm
