// Copyright 2026 The hubperm Authors.

#include "policy/request/hub_error.h"

#include <string>

#include "gtest/gtest.h"

namespace hubperm {
namespace {

struct ErrorCase {
  std::string name;
  std::string text;
  int status;
  HubErrorKind kind;
  std::string url;
  std::string message;
};

class HubErrorTest : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(HubErrorTest, ReadsWhatHuggingfaceHubPrints) {
  const ErrorCase& c = GetParam();
  absl::StatusOr<HubError> e = ParseHubError(c.text);
  ASSERT_TRUE(e.ok()) << e.status();
  EXPECT_EQ(e->status, c.status);
  EXPECT_EQ(e->kind, c.kind);
  EXPECT_EQ(e->url, c.url);
  EXPECT_EQ(e->message, c.message);
}

// The messages of huggingface_hub's hf_raise_for_status (utils/_http.py), as users paste them.
INSTANTIATE_TEST_SUITE_P(
    Printed, HubErrorTest,
    ::testing::Values(
        ErrorCase{"Forbidden",
                  "huggingface_hub.errors.HfHubHTTPError: (Request ID: Root=1-abc)\n\n403 Forbidden: You don't have the rights "
                  "to create a model under the namespace \"acme\"..\nCannot access content at: "
                  "https://huggingface.co/api/repos/create.\nMake sure your token has the correct permissions.",
                  403, HubErrorKind::kForbidden, "https://huggingface.co/api/repos/create",
                  "You don't have the rights to create a model under the namespace \"acme\"."},
        ErrorCase{"ForbiddenWithoutMessage",
                  "403 Forbidden: None.\nCannot access content at: https://huggingface.co/api/models/acme/m/commit/main.\n"
                  "Make sure your token has the correct permissions.",
                  403, HubErrorKind::kForbidden, "https://huggingface.co/api/models/acme/m/commit/main", ""},
        ErrorCase{"RepoNotFound",
                  "huggingface_hub.errors.RepositoryNotFoundError: 404 Client Error. (Request ID: Root=1-xyz)\n\n"
                  "Repository Not Found for url: https://huggingface.co/api/models/acme/private-model/tree/main?recursive=true.\n"
                  "Please make sure you specified the correct `repo_id` and `repo_type`.",
                  404, HubErrorKind::kRepoNotFound,
                  "https://huggingface.co/api/models/acme/private-model/tree/main?recursive=true", ""},
        ErrorCase{"Gated",
                  "403 Client Error. (Request ID: Root=1)\n\nCannot access gated repo for url "
                  "https://huggingface.co/acme/gated-model/resolve/main/config.json.\nAccess to model acme/gated-model is "
                  "restricted and you are not in the authorized list.",
                  403, HubErrorKind::kGated, "https://huggingface.co/acme/gated-model/resolve/main/config.json", ""},
        ErrorCase{"UnauthorizedRepo",
                  "401 Client Error.\n\nRepository Not Found for url: https://huggingface.co/api/datasets/acme/d.",
                  401, HubErrorKind::kRepoNotFound, "https://huggingface.co/api/datasets/acme/d", ""},
        ErrorCase{"StatusFromTheKind", "Cannot access gated repo for url https://huggingface.co/acme/g/resolve/main/x.",
                  403, HubErrorKind::kGated, "https://huggingface.co/acme/g/resolve/main/x", ""}),
    [](const ::testing::TestParamInfo<ErrorCase>& info) { return info.param.name; });

TEST(HubErrorTest, OneRequestsErrorOnly) {
  // Two requests' errors pasted together: the status of one and the URL of the other would be mixed.
  const std::string two_urls =
      "404 Client Error.\n\nRepository Not Found for url: https://huggingface.co/api/models/acme/a.\n"
      "404 Client Error.\n\nRepository Not Found for url: https://huggingface.co/api/models/acme/b.";
  absl::StatusOr<HubError> e = ParseHubError(two_urls);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().message(),
            "the error text holds 2 different URLs ('https://huggingface.co/api/models/acme/a', "
            "'https://huggingface.co/api/models/acme/b'): paste the error of one request");
  const std::string two_statuses =
      "403 Forbidden: None.\nCannot access content at: https://huggingface.co/api/repos/create.\n"
      "then 404 Client Error. for the same URL";
  e = ParseHubError(two_statuses);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().message(), "the error text holds 2 different HTTP statuses (403, 404): paste the error of one request");
  // The same URL twice (a message that repeats it) is one request.
  e = ParseHubError(
      "404 Client Error: Not Found for url: https://huggingface.co/api/models/acme/a\n"
      "Repository Not Found for url: https://huggingface.co/api/models/acme/a.");
  ASSERT_TRUE(e.ok()) << e.status();
  EXPECT_EQ(e->url, "https://huggingface.co/api/models/acme/a");
}

TEST(HubErrorTest, SaysWhatIsMissing) {
  EXPECT_FALSE(ParseHubError("something went wrong").ok());
  EXPECT_FALSE(ParseHubError("").ok());
  EXPECT_FALSE(ParseHubError("see https://huggingface.co/api/models/acme/m").ok());  // no status
}

}  // namespace
}  // namespace hubperm
