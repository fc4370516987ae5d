// Copyright 2026 The hubperm Authors.
//
// policy/model/names.h: what the Hub accepts as a name, one rule per kind of name, as data.
//
// A fixture, a request body or a command line may name anything: "a/b", "..", a line feed, 50 MB. The
// Hub does not: user and organization names, and repository names, follow its naming rules, and hubperm
// refuses a name that breaks them at its position instead of carrying it into decisions and output.
// Names the Hub leaves free (tokens, resource groups) and hubperm's own (cases) must still be printable
// and of bounded length. docs/hub-access-model.md §1a and docs/limits.md list the rules.
//
//   NameProblem(NameKind::kUser, "alice")  == ""
//   NameProblem(NameKind::kUser, "a")      == "it has 1 character; a user name has 2 to 42"
//   RepoIdProblem("acme/..")               == "its name: a repo name cannot hold '--' or '..'"

#ifndef HUBPERM_POLICY_MODEL_NAMES_H_
#define HUBPERM_POLICY_MODEL_NAMES_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "policy/model/permission.h"

namespace hubperm {

enum class NameKind : uint8_t {
  kUser,            // a user name, and a service account's
  kOrg,             // an organization name
  kRepoName,        // the name part of a repo id "namespace/name"
  kResourceGroup,   // a resource group's name
  kToken,           // a token's name
  kCase,            // a case's name (hubperm's own)
};

// Which characters a rule allows.
enum class Alphabet : uint8_t {
  kAccount,    // ASCII letters and digits, and single hyphens between them; not only digits, and not 24
               // hexadecimal digits (the form of the Hub's object ids)
  kRepoName,   // ASCII letters, digits, '-', '_' and '.'; no "--" or ".."; not starting or ending with
               // '-' or '.'
  kPrintable,  // any character but control and format characters (policy/common/escape.h), and not
               // blank
};

struct NameRule {
  NameKind kind;
  absl::string_view what;  // "a user name"
  int min_length;          // in characters
  int max_length;
  Alphabet alphabet;
  Evidence evidence;
  absl::string_view source;  // where the rule is stated or seen
};

// Every rule, one row per NameKind in enum order.
absl::Span<const NameRule> NameRules();
const NameRule& RuleOf(NameKind kind);

// What is wrong with `name` as a `kind` name ("it has 43 characters; a user name has 2 to 42"), or ""
// when it follows the rule. The message never quotes `name` (it may be anything): the caller quotes it
// with QuoteValue (policy/common/escape.h), escaped and cut.
std::string NameProblem(NameKind kind, absl::string_view name);

// The same for a repo id "namespace/name": one slash, the namespace a user or org name, the name a repo
// name. Messages start with what part is wrong.
std::string RepoIdProblem(absl::string_view id);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_MODEL_NAMES_H_
