// Copyright 2026 The hubperm Authors.
//
// policy/common/secret.h: does this text look like a credential?
//
// hubperm never needs a secret: a fixture names tokens, a whoami-v2 response names the token it
// describes. But people paste: an access token into a JSON field, a value that should have been a
// name. Whatever looks like a credential is refused where it is read, by field and position, and never
// copied into a message, a fixture or any output.
//
//   LooksLikeSecret("hf_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789")  == true   (a Hub access token)
//   LooksLikeSecret("limited-test-token")                         == false

#ifndef HUBPERM_POLICY_COMMON_SECRET_H_
#define HUBPERM_POLICY_COMMON_SECRET_H_

#include "absl/strings/string_view.h"

namespace hubperm {

// Whether `text` has the shape of a credential: a Hugging Face token (`hf_`, `hf_oauth_` or `api_org_`
// and at least 16 letters and digits), or a run of at least 24 characters of a key alphabet (letters,
// digits, `_-+/=`) that mixes upper case, lower case and digits, as generated keys do and names do not.
bool LooksLikeSecret(absl::string_view text);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_COMMON_SECRET_H_
