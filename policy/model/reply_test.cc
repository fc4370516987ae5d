// Copyright 2026 The hubperm Authors.
//
// The Hub's replies (reply.h) row by row: statuses, error codes, messages filled in, and each message
// recognized again as its own reply in a printed error.

#include "policy/model/reply.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace hubperm {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

struct Row {
  Reply reply;
  int status;
  const char* error_code;
};

class ReplyTableTest : public testing::TestWithParam<Row> {};

// docs/hub-access-model.md §7: the status and X-Error-Code of each reply.
TEST_P(ReplyTableTest, StatusAndErrorCode) {
  const ReplyInfo& info = GetReplyInfo(GetParam().reply);
  EXPECT_EQ(info.reply, GetParam().reply);
  EXPECT_EQ(info.status, GetParam().status);
  EXPECT_EQ(info.error_code, GetParam().error_code);
  EXPECT_FALSE(info.condition.empty());
  if (info.reply != Reply::kOk) {
    EXPECT_FALSE(info.likely_wrong.empty());
  }
  // A documented or seen message says where.
  if (!info.message.empty()) {
    EXPECT_FALSE(info.source.empty());
  }
}

INSTANTIATE_TEST_SUITE_P(
    Section7, ReplyTableTest,
    testing::Values(Row{Reply::kOk, 200, ""}, Row{Reply::kRepoNotFound, 404, "RepoNotFound"},
                    Row{Reply::kGatedNotGranted, 403, "GatedRepo"}, Row{Reply::kCreateNoRights, 403, ""},
                    Row{Reply::kReadAccessOnly, 403, ""}, Row{Reply::kReadAccessCommit, 403, ""},
                    Row{Reply::kMissingPermissions, 403, ""}, Row{Reply::kPolicyApproval, 403, ""},
                    Row{Reply::kPolicyRevoked, 403, ""}, Row{Reply::kPolicyClassic, 403, ""},
                    Row{Reply::kTokenExpired, 401, ""}, Row{Reply::kGatedPending, 403, "GatedRepo"},
                    Row{Reply::kForbidden, 403, ""}));

TEST(ReplyTable, HasOneRowPerReply) {
  ASSERT_EQ(AllReplies().size(), static_cast<size_t>(kReplyCount));
  for (int i = 0; i < kReplyCount; ++i) EXPECT_EQ(static_cast<int>(AllReplies()[i].reply), i);
}

TEST(FillReplyMessage, FillsEveryPlaceholder) {
  ReplyFields fields;
  fields.type = "dataset";
  fields.id = "acme/d";
  fields.create_type = "space";
  fields.ns = "acme";
  fields.permissions = "repo.write";
  EXPECT_EQ(FillReplyMessage(GetReplyInfo(Reply::kGatedNotGranted), fields),
            "Access to dataset acme/d is restricted and you are not in the authorized list. Visit "
            "https://huggingface.co/datasets/acme/d to ask for access.");
  EXPECT_EQ(FillReplyMessage(GetReplyInfo(Reply::kCreateNoRights), fields),
            "You don't have the rights to create a space under the namespace \"acme\".");
  EXPECT_EQ(FillReplyMessage(GetReplyInfo(Reply::kMissingPermissions), fields), "missing permissions: repo.write");
  fields.type = "model";
  fields.id = "acme/m";
  EXPECT_THAT(FillReplyMessage(GetReplyInfo(Reply::kGatedNotGranted), fields),
              HasSubstr("https://huggingface.co/acme/m to ask"));
  for (const ReplyInfo& info : AllReplies()) {
    EXPECT_THAT(FillReplyMessage(info, fields), Not(HasSubstr("{"))) << static_cast<int>(info.reply);
  }
}

// Every documented message, as the Hub sends it, is recognized as its own reply (the markers are in their
// messages and tell the rows apart).
TEST(ReplyOfError, RecognizesEveryDocumentedMessage) {
  ReplyFields fields;
  fields.id = "acme/m";
  fields.ns = "acme";
  fields.permissions = "org.read";
  for (const ReplyInfo& info : AllReplies()) {
    if (info.message.empty() || info.reply == Reply::kOk) continue;
    const std::string message = FillReplyMessage(info, fields);
    EXPECT_EQ(ReplyOfError(info.status, message), info.reply) << message;
  }
}

TEST(ReplyOfError, FallsBackOnTheStatus) {
  EXPECT_EQ(ReplyOfError(403, "something new"), Reply::kForbidden);
  EXPECT_EQ(ReplyOfError(404, ""), Reply::kRepoNotFound);
  // A 401 is an access decision only as a token the Hub does not take (expired, §4a).
  EXPECT_EQ(ReplyOfError(401, "Invalid credentials in Authorization header"), Reply::kTokenExpired);
  EXPECT_EQ(ReplyOfError(401, "Invalid username or password."), absl::nullopt);
  EXPECT_EQ(ReplyOfError(409, "Repository already exists"), absl::nullopt);
  // A marker counts only with its own status.
  EXPECT_EQ(ReplyOfError(404, "missing permissions: repo.write"), Reply::kRepoNotFound);
}

}  // namespace
}  // namespace hubperm
