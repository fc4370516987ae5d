// Copyright 2026 The hubperm Authors.
//
// fetch/link_header.h: the pieces of HTTP that paging through the Hub's API needs, as pure functions:
// the `rel="next"` target of a `Link` header (RFC 8288), a URL's origin, and a `Retry-After` in seconds.
//
//   NextLink("<https://huggingface.co/api/organizations/acme/members?cursor=x>; rel=\"next\"")
//       == "https://huggingface.co/api/organizations/acme/members?cursor=x"
//   Origin("https://huggingface.co/api/whoami-v2") == "https://huggingface.co"

#ifndef HUBPERM_FETCH_LINK_HEADER_H_
#define HUBPERM_FETCH_LINK_HEADER_H_

#include <string>

#include "absl/strings/string_view.h"
#include "absl/types/optional.h"

namespace hubperm {

// The target of the first link whose `rel` includes "next" (quoted or not, among other relation
// types), or nullopt. A target that is a path ("/api/...") is returned as written: ResolveLink joins it.
absl::optional<std::string> NextLink(absl::string_view header);

// "scheme://host[:port]" of an absolute http(s) URL, lower-cased scheme and host; "" when `url` is not
// one.
std::string Origin(absl::string_view url);

// `target` made absolute against `base` (an absolute URL): a target starting with "/" takes base's
// origin; an absolute one is kept. "" for anything else (hubperm follows no relative path).
std::string ResolveLink(absl::string_view base, absl::string_view target);

// A Retry-After of delta-seconds ("120") as seconds, or nullopt (an HTTP date, or garbage).
absl::optional<int> RetryAfterSeconds(absl::string_view value);

}  // namespace hubperm

#endif  // HUBPERM_FETCH_LINK_HEADER_H_
