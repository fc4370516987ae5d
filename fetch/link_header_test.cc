// Copyright 2026 The hubperm Authors.
//
// Link headers (RFC 8288) as the Hub and other servers write them, origins, relative links and
// Retry-After, row by row.

#include "fetch/link_header.h"

#include "gtest/gtest.h"

namespace hubperm {
namespace {

struct NextCase {
  const char* header;
  const char* next;  // nullptr: none
};

TEST(LinkHeaderTest, NextLink) {
  const NextCase cases[] = {
      {"<https://huggingface.co/api/organizations/acme/members?cursor=abc>; rel=\"next\"",
       "https://huggingface.co/api/organizations/acme/members?cursor=abc"},
      {"<https://h/a?x=1,2>; rel=\"prev\", <https://h/b>; rel=\"next\"", "https://h/b"},
      {"<https://h/b>; rel=next", "https://h/b"},
      {"<https://h/b>; REL=\"Next\"", "https://h/b"},
      {"<https://h/b>; rel=\"next last\"", "https://h/b"},
      {"<https://h/b>; title=\"a, b; rel=next\"; rel=\"last\"", nullptr},
      {"<https://h/b>; rel=\"prev\"", nullptr},
      {"</api/x?cursor=2>; rel=\"next\"", "/api/x?cursor=2"},
      {"", nullptr},
      {"garbage", nullptr},
      {"<unterminated; rel=next", nullptr},
  };
  for (const NextCase& c : cases) {
    const absl::optional<std::string> next = NextLink(c.header);
    if (c.next == nullptr) {
      EXPECT_FALSE(next.has_value()) << c.header << " -> " << next.value_or("");
    } else {
      EXPECT_EQ(next.value_or("(none)"), c.next) << c.header;
    }
  }
}

TEST(LinkHeaderTest, Origin) {
  EXPECT_EQ(Origin("https://huggingface.co/api/whoami-v2"), "https://huggingface.co");
  EXPECT_EQ(Origin("HTTP://127.0.0.1:8080"), "http://127.0.0.1:8080");
  EXPECT_EQ(Origin("https://Hub.Example?x"), "https://hub.example");
  EXPECT_EQ(Origin("https://user:pw@evil.example/x"), "");
  EXPECT_EQ(Origin("ftp://h/x"), "");
  EXPECT_EQ(Origin("/api/x"), "");
  EXPECT_EQ(Origin("https:///x"), "");
}

TEST(LinkHeaderTest, ResolveLink) {
  EXPECT_EQ(ResolveLink("http://127.0.0.1:9/api/a?c=1", "/api/a?c=2"), "http://127.0.0.1:9/api/a?c=2");
  EXPECT_EQ(ResolveLink("http://127.0.0.1:9/api/a", "https://other/x"), "https://other/x");
  EXPECT_EQ(ResolveLink("http://127.0.0.1:9/api/a", "//other/x"), "");
  EXPECT_EQ(ResolveLink("http://127.0.0.1:9/api/a", "a?c=2"), "");
}

TEST(LinkHeaderTest, RetryAfterSeconds) {
  EXPECT_EQ(RetryAfterSeconds("0"), 0);
  EXPECT_EQ(RetryAfterSeconds(" 120 "), 120);
  EXPECT_FALSE(RetryAfterSeconds("Wed, 21 Oct 2015 07:28:00 GMT").has_value());
  EXPECT_FALSE(RetryAfterSeconds("-1").has_value());
  EXPECT_FALSE(RetryAfterSeconds("+5").has_value());
  EXPECT_FALSE(RetryAfterSeconds("9999999999").has_value());
  EXPECT_FALSE(RetryAfterSeconds("").has_value());
}

}  // namespace
}  // namespace hubperm
