// Copyright 2026 The hubperm Authors.
//
// policy/common/glob.h: shell-style wildcards over names: `*` any text (empty too, `/` too), `?` one
// character, anything else itself. `hubperm test --filter` selects checks with them; a case's
// `tokens: ci-*` and `repos: acme/*` name sets of tokens and repos (docs/fixture-format.md, "Rules").
//
//   GlobMatch("acme/*", "acme/model")  // true
//   GlobMatch("ci-?", "ci-10")         // false: `?` is one character

#ifndef HUBPERM_POLICY_COMMON_GLOB_H_
#define HUBPERM_POLICY_COMMON_GLOB_H_

#include "absl/strings/string_view.h"

namespace hubperm {

// Whether `pattern` matches the whole of `text`. Linear in practice (one backtrack point per `*`), never
// exponential.
bool GlobMatch(absl::string_view pattern, absl::string_view text);

// Whether `text` holds a wildcard (`*` or `?`).
inline bool IsGlob(absl::string_view text) { return text.find_first_of("*?") != absl::string_view::npos; }

}  // namespace hubperm

#endif  // HUBPERM_POLICY_COMMON_GLOB_H_
