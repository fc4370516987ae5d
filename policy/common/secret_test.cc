// Copyright 2026 The hubperm Authors.

#include "policy/common/secret.h"

#include "gtest/gtest.h"

namespace hubperm {
namespace {

TEST(LooksLikeSecret, TableOfSecretsAndNames) {
  const struct {
    const char* text;
    bool secret;
  } rows[] = {
      {"hf_AbCdEfGhIjKlMnOpQrStUvWxYz012345", true},
      {"Bearer hf_abcdefghijklmnopqrstuvwxyz", true},      // inside other text, lower case only
      {"hf_oauth_abcdefghijklmnop0123", true},
      {"api_org_ABCDEFGHIJKLMNOPqrst", true},
      {"sk-AbCdEf0123456789GhIjKlMnOp", true},              // a generated key of another service
      {"ghp_0123456789abcdefABCDEFabcdef0123", true},
      {"limited-test-token", false},
      {"hf_short", false},
      {"acme/token-test-model", false},
      {"repo.content.read", false},
      {"0123456789abcdef01234567", false},                  // a Hub object id: hex, one case
      {"a-very-long-but-ordinary-token-name-for-ci", false},
      {"", false},
  };
  for (const auto& row : rows) EXPECT_EQ(LooksLikeSecret(row.text), row.secret) << row.text;
}

}  // namespace
}  // namespace hubperm
